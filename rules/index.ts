// The rule registry, alphabetical. tests/plugin.test.ts checks it lists every file in rules/.
import noDualWrite from './no-dual-write.js';
import noOffsetDedupe from './no-offset-dedupe.js';

export const rules = {
  'no-dual-write': noDualWrite,
  'no-offset-dedupe': noOffsetDedupe,
};
