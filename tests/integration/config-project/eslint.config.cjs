const eventDriven = require('eslint-plugin-event-driven');
const tseslint = require('typescript-eslint');

module.exports = [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: __dirname } } },
  eventDriven.configs.recommended,
];
