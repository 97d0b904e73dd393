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
    // Client knowledge lives only in the catalogue: code elsewhere reads facets, never a system's
    // or a package's name (`system === 'BullMQ'`, `pkg.startsWith('@aws-sdk/')`).
    files: ['src/**/*.ts', 'rules/**/*.ts'],
    ignores: ['src/semantics/catalogue/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['left', 'right'].flatMap((side) => {
          const other = side === 'left' ? 'right' : 'left';
          return [
            { selector: `BinaryExpression[${side}.property.name='system'][${other}.type='Literal']`, message: 'Compare catalogue facets, not system names: client knowledge belongs in src/semantics/catalogue/.' },
            { selector: `BinaryExpression[${side}.name='system'][${other}.type='Literal']`, message: 'Compare catalogue facets, not system names: client knowledge belongs in src/semantics/catalogue/.' },
            { selector: `BinaryExpression[${side}.name=/^(?:pkg|packageName)$/][${other}.type='Literal']`, message: 'Package names belong in src/semantics/catalogue/.' },
          ];
        }),
        // npm's own layout (`@types/`, a bare `@scope`) is not client knowledge.
        { selector: "CallExpression[callee.property.name='startsWith'][arguments.0.value=/^@(?!types\\/)[^/]+\\//]", message: 'Package scopes belong in src/semantics/catalogue/.' },
      ],
    },
  },
  {
    // One door: rules reach the semantic layer through its barrel, never a module behind it.
    files: ['rules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./src/semantics/(?!index\\.js$)', message: "Import from '../src/semantics/index.js': the semantic layer's one door for rules." }] }],
    },
  },
  {
    // Dependencies run one way: the semantic layer never reaches into the rules (the plugin entry registers them).
    files: ['src/**/*.ts'],
    ignores: ['src/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(?:^|/)rules/', message: 'src/ must not import from rules/: dependencies run from rules to the semantic layer.' }] }],
    },
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
