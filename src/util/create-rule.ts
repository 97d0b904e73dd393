import { ESLintUtils } from '@typescript-eslint/utils';

/** Extra `meta.docs` fields: which preset a rule belongs to, and whether it needs types. */
export interface EventDrivenRuleDocs {
  /** `recommended` rules are in `recommended`, `strict` and `all`; `strict` rules in `strict` and `all`; `false` only in `all`. */
  recommended: 'recommended' | 'strict' | false;
  requiresTypeChecking: boolean;
}

export const repositoryUrl = 'https://github.com/eslint-plugin-event-driven/eslint-plugin-event-driven';

export const createRule = ESLintUtils.RuleCreator<EventDrivenRuleDocs>((name) => `${repositoryUrl}/blob/main/docs/rules/${name}.md`);
