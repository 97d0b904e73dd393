// The rule registry, alphabetical. tests/plugin.test.ts checks it lists every file in rules/.
import noDualWrite from './no-dual-write.js';

export const rules = {
  'no-dual-write': noDualWrite,
};
