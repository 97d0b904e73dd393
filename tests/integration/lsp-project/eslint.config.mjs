// A user's flat config, as the VS Code ESLint extension finds it: the plugin by its package name
// (inside this repository the name resolves to the built dist/), typed linting through the
// project service.
import eventDriven from 'eslint-plugin-event-driven';
import tseslint from 'typescript-eslint';

export default [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  eventDriven.configs.recommended,
];
