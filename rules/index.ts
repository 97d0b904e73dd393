// The rule registry, alphabetical. tests/plugin.test.ts checks it lists every file in rules/.
import eventNamePastTense from './event-name-past-tense.js';
import idempotentConsumer from './idempotent-consumer.js';
import noDualWrite from './no-dual-write.js';
import noOffsetDedupe from './no-offset-dedupe.js';
import propagateCorrelation from './propagate-correlation.js';

export const rules = {
  'event-name-past-tense': eventNamePastTense,
  'idempotent-consumer': idempotentConsumer,
  'no-dual-write': noDualWrite,
  'no-offset-dedupe': noOffsetDedupe,
  'propagate-correlation': propagateCorrelation,
};
