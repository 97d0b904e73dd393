import type { ESLint, Linter } from 'eslint';
import type { EventDrivenRuleDocs } from '../util/create-rule.js';

export type PresetName = 'recommended' | 'strict' | 'all';
/** Every config the plugin exports: the presets, their `flat/` aliases, and `disable-type-checked`. */
export type ConfigName = PresetName | `flat/${PresetName}` | 'disable-type-checked';
interface RuleWithDocs {
  meta: { docs?: Partial<EventDrivenRuleDocs> };
}

/** Which presets a rule's `meta.docs.recommended` puts it in. */
const presetsOf: Record<string, readonly PresetName[]> = {
  recommended: ['recommended', 'strict', 'all'],
  strict: ['strict', 'all'],
  false: ['all'],
};

/** The TypeScript files the type-aware rules apply to. */
export const typeScriptFiles: readonly string[] = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

/**
 * Test files by name: a fixture that inserts a row and publishes is not a dual write anyone
 * ships. Files that import a test framework are skipped by the rules themselves
 * (`settings['event-driven'].checkTestFiles` opts back in).
 */
export const testFiles: readonly string[] = ['**/*.test.*', '**/*.spec.*', '**/__tests__/**', '**/__mocks__/**', '**/test/**', '**/tests/**', '**/e2e/**'];

/**
 * Flat configs derived from each rule's `meta.docs.recommended`, never a hand-kept list.
 * `flat/…` are aliases for users of plugins that name their flat configs so;
 * `disable-type-checked` turns every rule off, for files linted without type information.
 */
export function createConfigs(plugin: ESLint.Plugin, rules: Readonly<Record<string, RuleWithDocs>>): Record<ConfigName, Linter.Config> {
  const make = (preset: PresetName): Linter.Config => ({
    name: `event-driven/${preset}`,
    files: [...typeScriptFiles],
    ignores: [...testFiles],
    plugins: { 'event-driven': plugin },
    rules: Object.fromEntries(
      Object.entries(rules)
        .filter(([, rule]) => presetsOf[String(rule.meta.docs?.recommended ?? false)]?.includes(preset) === true)
        .map(([name]) => [`event-driven/${name}`, 'error' as const]),
    ),
  });
  const recommended = make('recommended');
  const strict = make('strict');
  const all = make('all');
  const disableTypeChecked: Linter.Config = {
    name: 'event-driven/disable-type-checked',
    plugins: { 'event-driven': plugin },
    rules: Object.fromEntries(Object.keys(rules).map((name) => [`event-driven/${name}`, 'off' as const])),
  };
  return { recommended, strict, all, 'flat/recommended': recommended, 'flat/strict': strict, 'flat/all': all, 'disable-type-checked': disableTypeChecked };
}
