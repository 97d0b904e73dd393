// How a user configures the plugin: typescript-eslint's parser with the project service, then
// the plugin's preset; event schemas with ESLint's JSON language and the two rules that read them.
// (Inside this repository the package name resolves to the built dist/.)
import json from '@eslint/json';
import eventDriven from 'eslint-plugin-event-driven';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    extends: [eventDriven.configs.all],
  },
  {
    files: ['**/*.schema.json'],
    plugins: { json, 'event-driven': eventDriven },
    language: 'json/json',
    rules: {
      'event-driven/event-name-past-tense': 'error',
      'event-driven/require-event-envelope': 'error',
    },
  },
);
