import { AST_NODE_TYPES, ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { readSettings } from '../semantics/settings.js';

/** Extra `meta.docs` fields: which preset a rule belongs to, and whether it needs types. */
export interface EventDrivenRuleDocs {
  /** `recommended` rules are in `recommended`, `strict` and `all`; `strict` rules in `strict` and `all`; `false` only in `all`. */
  recommended: 'recommended' | 'strict' | false;
  requiresTypeChecking: boolean;
}

export const repositoryUrl = 'https://github.com/eslint-plugin-event-driven/eslint-plugin-event-driven';

const ruleCreator = ESLintUtils.RuleCreator<EventDrivenRuleDocs>((name) => `${repositoryUrl}/blob/main/docs/rules/${name}.md`);

/**
 * Every rule of the plugin is made here. A file that imports a test framework is skipped unless
 * `settings['event-driven'].checkTestFiles` is set: test fixtures write rows and publish in one
 * breath on purpose, and a finding there is noise. (The presets also leave test files out by name.)
 */
export const createRule: typeof ruleCreator = (rule) =>
  ruleCreator({
    ...rule,
    create(context, options) {
      if (importsTestFramework(context.sourceCode.ast) && !readSettings(context.settings).checkTestFiles) return {};
      return rule.create(context, options);
    },
  });

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
