import { ESLint, type Linter } from 'eslint';
import { readFileSync } from 'node:fs';
import plugin from '../index.js';
import type { PresetName } from '../configs/index.js';
import { ReviewError, firstLineOf } from './errors.js';
import { inventoryRuleId } from './inventory-items.js';
import { inventoryRule } from './inventory-rule.js';
import type { ReviewProject } from './project.js';

export interface LintRun {
  readonly results: readonly ESLint.LintResult[];
  /** Files ESLint could not lint at all (a crash, an unreadable file), one line each. */
  readonly failures: readonly { readonly file: string; readonly message: string }[];
  /** Rule metadata (docs URLs) for the rules that reported something. */
  readonly rulesMeta: Readonly<Record<string, { docs?: { url?: string } }>>;
  /** A problem with the project's own ESLint config, which the review then does without. */
  readonly warning?: string;
}

export type ProgressListener = (done: number, total: number) => void;

/** The plugin namespace of the inventory rule: the review command's own, not the public plugin's. */
const reviewPlugin: ESLint.Plugin = {
  meta: { name: 'event-driven-review' },
  rules: { inventory: inventoryRule as unknown as NonNullable<ESLint.Plugin['rules']>[string] },
};

/**
 * Lints the project's files with the plugin's rules and the inventory rule, file by file, so
 * that progress can be shown and one file that breaks ESLint does not lose the others.
 */
export async function lintProject(project: ReviewProject, preset: PresetName, onProgress: ProgressListener): Promise<LintRun> {
  const projectSettings = await settingsOfProjectConfig(project);
  const eslint = new ESLint({
    cwd: project.root,
    overrideConfigFile: true,
    overrideConfig: await reviewConfig(project.root, preset, projectSettings.settings),
    errorOnUnmatchedPattern: false,
  });
  const results: ESLint.LintResult[] = [];
  const failures: { file: string; message: string }[] = [];
  for (const [index, file] of project.files.entries()) {
    try {
      // lintText with the path, not lintFiles: a file named `[id].ts` is a path here, never a glob.
      results.push(...(await eslint.lintText(readFileSync(file, 'utf8'), { filePath: file })));
    } catch (error) {
      failures.push({ file, message: firstLineOf(error) });
    }
    onProgress(index + 1, project.files.length);
  }
  return { results, failures, rulesMeta: eslint.getRulesMetaForResults(results), ...(projectSettings.warning === undefined ? {} : { warning: projectSettings.warning }) };
}

/**
 * `settings['event-driven']` from the project's own `eslint.config.*`, when it has one: the team's
 * publishers, outbox tables and guards apply to the review as they do to its lint runs.
 */
async function settingsOfProjectConfig(project: ReviewProject): Promise<{ readonly settings?: unknown; readonly warning?: string }> {
  const first = project.files[0];
  if (first === undefined) return {};
  try {
    const own = new ESLint({ cwd: project.root, errorOnUnmatchedPattern: false });
    if ((await own.findConfigFile()) === undefined) return {};
    const config = (await own.calculateConfigForFile(first)) as { settings?: Record<string, unknown> } | undefined;
    const settings = config?.settings?.['event-driven'];
    return settings === undefined ? {} : { settings };
  } catch (error) {
    return { warning: `the project's eslint.config could not be loaded, so its settings['event-driven'] are not used (${firstLineOf(error)})` };
  }
}

async function reviewConfig(root: string, preset: PresetName, settings: unknown): Promise<Linter.Config[]> {
  return [
    // The project's own disable comments may name rules that are not loaded here.
    { linterOptions: { reportUnusedDisableDirectives: 'off' } },
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
      languageOptions: { parser: await loadParser(), parserOptions: { projectService: true, tsconfigRootDir: root } },
      plugins: { 'event-driven': plugin, 'event-driven-review': reviewPlugin },
      rules: { ...plugin.configs[preset].rules, [inventoryRuleId]: 'warn' },
      ...(settings === undefined ? {} : { settings: { 'event-driven': settings } }),
    },
  ];
}

/** typescript-eslint's parser, from the `typescript-eslint` package or `@typescript-eslint/parser`. */
export async function loadParser(): Promise<Linter.Parser> {
  try {
    const { parser } = (await import('typescript-eslint')).default;
    return parser;
  } catch {
    try {
      return await import('@typescript-eslint/parser');
    } catch {
      throw new ReviewError('typescript-eslint is not installed: npm install --save-dev typescript-eslint (event-driven-review lints with its parser)');
    }
  }
}
