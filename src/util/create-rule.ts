import { AST_NODE_TYPES, ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { readSettings, SettingsError, type EventDrivenSettings } from '../semantics/settings.js';
import { ownPackageJson } from './package-json.js';

/** Extra `meta.docs` fields: which preset a rule belongs to, and whether it needs types. */
export interface EventDrivenRuleDocs {
  /** `recommended` rules are in `recommended`, `strict` and `all`; `strict` rules in `strict` and `all`; `false` only in `all`. */
  recommended: 'recommended' | 'strict' | false;
  requiresTypeChecking: boolean;
}

export const repositoryUrl = 'https://github.com/eslint-plugin-event-driven/eslint-plugin-event-driven';

/** Docs of the installed version: what an editor hover or a SARIF report links to matches the rule that ran. */
const ruleCreator = ESLintUtils.RuleCreator<EventDrivenRuleDocs>((name) => `${repositoryUrl}/blob/v${ownPackageJson.version}/docs/rules/${name}.md`);

/**
 * Every rule of the plugin is made here. A file that imports a test framework is skipped unless
 * `settings['event-driven'].checkTestFiles` is set: test fixtures write rows and publish in one
 * breath on purpose, and a finding there is noise. (The presets also leave test files out by name.)
 */
export const createRule: typeof ruleCreator = (rule) =>
  ruleCreator({
    ...rule,
    meta: { ...rule.meta, messages: { ...rule.meta.messages, [invalidSettingsMessage]: '{{problem}}' } },
    create(context, options) {
      let settings: EventDrivenSettings;
      try {
        settings = readSettings(context.settings);
      } catch (error) {
        if (!(error instanceof SettingsError)) throw error;
        return reportInvalidSettings(context, error.message);
      }
      if (importsTestFramework(context.sourceCode.ast) && !settings.checkTestFiles) return {};
      return rule.create(context, options);
    },
  });

/** The extra message every rule carries for a mistake in the settings. */
const invalidSettingsMessage = 'invalidSettings';
const settingsReported = new WeakSet<object>();

/**
 * A mistake in `settings['event-driven']`: one message at the top of each file, from whichever
 * rule runs first, and no findings (they would rest on settings that say something else).
 */
function reportInvalidSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, problem: string): TSESLint.RuleListener {
  const ast = context.sourceCode.ast;
  if (settingsReported.has(ast)) return {};
  settingsReported.add(ast);
  return {
    Program() {
      context.report({ loc: { line: 1, column: 0 }, messageId: invalidSettingsMessage, data: { problem } });
    },
  };
}

/** Test runners and their assertion libraries, by the module a test file imports. */
const testFrameworks: ReadonlySet<string> = new Set(['vitest', 'jest', '@jest/globals', 'mocha', 'node:test', 'ava', 'bun:test', '@playwright/test', 'chai', 'sinon']);
const testFrameworkFiles = new WeakMap<TSESTree.Program, boolean>();

function importsTestFramework(ast: TSESLint.SourceCode['ast']): boolean {
  const cached = testFrameworkFiles.get(ast);
  if (cached !== undefined) return cached;
  // JSON documents (event schemas) have no statements.
  const body: unknown = ast.body;
  const found = Array.isArray(body) && ast.body.some((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration && testFrameworks.has(statement.source.value));
  testFrameworkFiles.set(ast, found);
  return found;
}
