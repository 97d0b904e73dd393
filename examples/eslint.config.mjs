// How a user configures the plugin: typescript-eslint's parser with the project service, then
// the plugin's preset. (Inside this repository the package name resolves to the built dist/.)
import eventDriven from 'eslint-plugin-event-driven';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig({
  files: ['**/*.ts'],
  languageOptions: {
    parser: tseslint.parser,
    parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
  },
  extends: [eventDriven.configs.all],
});
