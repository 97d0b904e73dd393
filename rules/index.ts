// The rule registry, alphabetical. tests/plugin.test.ts checks it lists every file in rules/.
import eventNamePastTense from './event-name-past-tense.js';
import idempotentConsumer from './idempotent-consumer.js';
import noBreakingEventChange from './no-breaking-event-change.js';
import noDualWrite from './no-dual-write.js';
import noEarlyAck from './no-early-ack.js';
import noFloatingPublish from './no-floating-publish.js';
import noGenericUpdatedEvent from './no-generic-updated-event.js';
import noOffsetDedupe from './no-offset-dedupe.js';
import noRequestReplyOverEvents from './no-request-reply-over-events.js';
import noSwallowedHandlerError from './no-swallowed-handler-error.js';
import noWallClockOrdering from './no-wall-clock-ordering.js';
import noWriteOutsideTransaction from './no-write-outside-transaction.js';
import preferMonotonicEventId from './prefer-monotonic-event-id.js';
import propagateCorrelation from './propagate-correlation.js';
import requireEventEnvelope from './require-event-envelope.js';
import requirePartitionKey from './require-partition-key.js';
import requireStableIdentifiers from './require-stable-identifiers.js';

export const rules = {
  'event-name-past-tense': eventNamePastTense,
  'idempotent-consumer': idempotentConsumer,
  'no-breaking-event-change': noBreakingEventChange,
  'no-dual-write': noDualWrite,
  'no-early-ack': noEarlyAck,
  'no-floating-publish': noFloatingPublish,
  'no-generic-updated-event': noGenericUpdatedEvent,
  'no-offset-dedupe': noOffsetDedupe,
  'no-request-reply-over-events': noRequestReplyOverEvents,
  'no-swallowed-handler-error': noSwallowedHandlerError,
  'no-wall-clock-ordering': noWallClockOrdering,
  'no-write-outside-transaction': noWriteOutsideTransaction,
  'prefer-monotonic-event-id': preferMonotonicEventId,
  'propagate-correlation': propagateCorrelation,
  'require-event-envelope': requireEventEnvelope,
  'require-partition-key': requirePartitionKey,
  'require-stable-identifiers': requireStableIdentifiers,
};
