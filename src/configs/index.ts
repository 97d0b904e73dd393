import type { TSESLint } from '@typescript-eslint/utils';
import type { EventDrivenRuleDocs } from '../util/create-rule.js';

type PresetName = 'recommended' | 'strict' | 'all';
type RuleWithDocs = { meta: { docs?: Partial<EventDrivenRuleDocs> } };

/** Which presets a rule's `meta.docs.recommended` puts it in. */
const presetsOf: Record<string, readonly PresetName[]> = {
  recommended: ['recommended', 'strict', 'all'],
  strict: ['strict', 'all'],
  false: ['all'],
};

/** Flat configs derived from each rule's `meta.docs.recommended`, never a hand-kept list. */
export function createConfigs(
  plugin: TSESLint.FlatConfig.Plugin,
  rules: Readonly<Record<string, RuleWithDocs>>,
): Record<PresetName, TSESLint.FlatConfig.Config> {
  const make = (preset: PresetName): TSESLint.FlatConfig.Config => ({
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
