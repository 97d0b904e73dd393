// The project's own lint: typescript-eslint strict-type-checked, rules for rule authors, and
// eslint-plugin-regexp (its super-linear checks keep regexes on user strings linear-time).
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import regexp from 'eslint-plugin-regexp';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'tests/fixtures/**', 'tests/integration/config-project/**', 'tests/integration/lsp-project/**', 'examples/**', 'bench/generated/**', 'coverage/**'] },
  tseslint.configs.strictTypeChecked,
  regexp.configs['flat/recommended'],
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.mjs', '*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['rules/**/*.ts'],
    ...eslintPlugin.configs['flat/rules-recommended'],
  },
  {
    files: ['tests/**/*.ts'],
    ...eslintPlugin.configs['flat/tests-recommended'],
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
