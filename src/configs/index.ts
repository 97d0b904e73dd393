import type { ESLint, Linter } from 'eslint';
import type { EventDrivenRuleDocs } from '../util/create-rule.js';

export type PresetName = 'recommended' | 'strict' | 'all';
interface RuleWithDocs {
  meta: { docs?: Partial<EventDrivenRuleDocs> };
}

/** Which presets a rule's `meta.docs.recommended` puts it in. */
const presetsOf: Record<string, readonly PresetName[]> = {
  recommended: ['recommended', 'strict', 'all'],
  strict: ['strict', 'all'],
  false: ['all'],
};

/** Flat configs derived from each rule's `meta.docs.recommended`, never a hand-kept list. */
export function createConfigs(plugin: ESLint.Plugin, rules: Readonly<Record<string, RuleWithDocs>>): Record<PresetName, Linter.Config> {
  const make = (preset: PresetName): Linter.Config => ({
    name: `event-driven/${preset}`,
    plugins: { 'event-driven': plugin },
    rules: Object.fromEntries(
      Object.entries(rules)
        .filter(([, rule]) => presetsOf[String(rule.meta.docs?.recommended ?? false)]?.includes(preset) === true)
        .map(([name]) => [`event-driven/${name}`, 'error' as const]),
    ),
  });
  return { recommended: make('recommended'), strict: make('strict'), all: make('all') };
}
