/**
 * What a call does, as far as the event-driven rules care.
 * The catalogue (data) maps library APIs to these roles; the resolver maps calls to them.
 */
export type RoleKind =
  /** Sends a message to a broker or queue that another process reads. */
  | 'publish'
  /** Changes state in a database. */
  | 'write'
  /** Reads from a database (used to recognise outbox relays). */
  | 'read'
  /** Opens a database transaction (`BEGIN`, `queryRunner.startTransaction()`). */
  | 'tx-begin'
  /** Commits a database transaction. */
  | 'tx-commit'
  /** Rolls a database transaction back. */
  | 'tx-rollback'
  /** Runs a callback inside a transaction (`prisma.$transaction(cb)`); the callback's first parameter is the transaction handle. */
  | 'tx-scope'
  /** Waits for the broker to confirm earlier publishes; not a publish itself. */
  | 'confirm'
  /** Receives messages from a queue it polls (SQS `ReceiveMessageCommand`): its function is a consumer. */
  | 'receive'
  /** Reads or writes a key in a key-value store or an in-memory set (Redis `SET`, `Set.has`): where dedupe keys live. */
  | 'kv'
  /** A side effect a redelivery repeats: inserts a row, increments a counter, sends an email, charges a card. */
  | 'effect'
  /** A dedupe guard: records or checks the message's identity before the effects. */
  | 'guard'
  /** Settles a delivered message as done (`channel.ack`, SQS `DeleteMessageCommand`, `commitOffsets`): the broker forgets it. */
  | 'ack'
  /** Settles a delivered message as failed (`nack`, `reject`, dead-letter), or records the failure (settings `failureRecorders`). */
  | 'nack';

/** One resolved effect of a call: what it does and the system it touches. */
export interface Role {
  readonly kind: RoleKind;
  /** Human name of the system, e.g. "Kafka", "PostgreSQL". */
  readonly system: string;
  /** For writes and reads: the call targets an outbox table, so it is part of the outbox pattern (a read of it is a relay). */
  readonly outbox?: boolean;
  /** For tx-scope: index of the callback argument. */
  readonly callbackIndex?: number;
  /** For tx-scope: writes must go through the callback's handle to be in the transaction. */
  readonly handleRequired?: boolean;
  /** For effects: what a redelivery repeats, as a verb phrase ("sends an email"). */
  readonly what?: string;
  /** For publishes: the caller waits for a reply (request/reply); still a message on the broker. */
  readonly expectsReply?: boolean;
  /** For publishes: a job for a worker queue; its name is a job name, not an event name. */
  readonly jobQueue?: boolean;
  /** For job-queue publishes: the options that make a repeated enqueue harmless (`jobId`). */
  readonly idempotentWith?: readonly string[];
}

/**
 * An effect reached from a call site, with the chain of calls that leads to the library call.
 * `chain[0]` is the call as written at the site; the last entry is the library call.
 */
export interface Effect {
  readonly role: Role;
  readonly chain: readonly string[];
}

/** What a caller is looking for: any role, only publishes (most contract rules), or transaction callbacks. */
export type EffectInterest = 'any' | 'publish' | 'tx-scope';
