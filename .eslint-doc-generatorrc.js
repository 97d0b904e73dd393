/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
  ],
  ignoreConfig: ['all'],
  ruleDocTitleFormat: 'prefix-name',
  ruleDocSectionInclude: ['Why this breaks in production', 'Examples', 'How detection works', 'When Not To Use It'],
  ruleDocSectionOptions: true,
  ruleListColumns: ['name', 'description', 'configsError', 'requiresTypeChecking', 'hasSuggestions', 'options'],
};
