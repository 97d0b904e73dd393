/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
  ],
  // The aliases and the config that turns everything off would only repeat or negate the presets in the docs.
  ignoreConfig: ['all', 'flat/recommended', 'flat/strict', 'flat/all', 'disable-type-checked'],
  ruleDocTitleFormat: 'prefix-name',
  ruleDocSectionInclude: ['Why this breaks in production', 'Examples', 'How detection works', 'When Not To Use It'],
  ruleDocSectionOptions: true,
  ruleListColumns: ['name', 'description', 'configsError', 'requiresTypeChecking', 'hasSuggestions', 'options'],
};
