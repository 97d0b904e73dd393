import type { RoleKind } from '../roles.js';

/**
 * Where a publish carries the message body: an argument, then a path through object properties
 * (`*` for every element of an array). kafkajs `send({ messages: [{ value }] })` is
 * `{ argument: 0, path: ['messages', '*', 'value'] }`. For an AWS command the argument is the
 * command's input: SQS `SendMessageCommand` is `{ argument: 0, path: ['MessageBody'] }`.
 */
export interface PayloadLocation {
  readonly argument: number;
  readonly path?: readonly string[];
}

/**
 * Where a publish carries the key that picks a partition or an ordering group: Kafka's message
 * `key`, Kinesis `PartitionKey`, SQS FIFO `MessageGroupId`, Pub/Sub `orderingKey`. `path` leads
 * from the argument (a command's input, for commands) to each message object.
 */
export interface PartitionKeyLocation {
  readonly argument: number;
  readonly path?: readonly string[];
  readonly property: string;
  /**
   * A message without the key goes to any partition, so events of one aggregate lose their
   * order (Kafka). Otherwise the key is required by the API or only matters when set, and only
   * a constant value is wrong.
   */
  readonly missingLosesOrder?: boolean;
}

/** A role a catalogue entry assigns; `sql` means "classify the SQL text of the first argument". */
export type EntryRole = RoleKind | 'sql';

/**
 * A library method with a role. Matched on the declaration the checker resolves a call to:
 * the exact npm package of the declaring file, the name of the declaring class, interface or
 * type alias (`owners`), and the method name.
 */
export interface MethodEntry {
  readonly packages: readonly string[];
  /** Declaring type names; omitted means any owner in the package (or a module-level function). */
  readonly owners?: readonly string[];
  /** Matches any owner whose name ends with this (generated Prisma delegates: `OrderDelegate`). */
  readonly ownerSuffix?: string;
  readonly methods: readonly string[];
  readonly role: EntryRole;
  readonly system: string;
  /** tx-scope: index of the callback argument; -1 means the last argument. */
  readonly callbackIndex?: number;
  /**
   * tx-scope: the callback's parameter is the only way into the transaction (no
   * continuation-local storage, no `{ transaction }` option that the root client could take).
   */
  readonly handleRequired?: boolean;
  /** effect: what a redelivery repeats ("sends an email"). */
  readonly what?: string;
  /**
   * effect, or publish to a job queue: options properties that make a repeated call harmless
   * when one is present (`idempotencyKey`, a job's `jobId`).
   */
  readonly idempotentWith?: readonly string[];
  /**
   * publish to a job queue kept in the caller's database: an options property that enqueues the
   * job through the caller's connection, inside its transaction (pg-boss `{ db }`). Such a call
   * is an outbox write, not a dual write.
   */
  readonly inCallersTransactionWith?: string;
  /** sql: the property of an options-object argument that holds the statement (pg `{ text }`, mysql2 `{ sql }`). */
  readonly sqlOptions?: readonly string[];
  /** write: methods chained after the call whose first argument names the table (`trx.insert(row).into('outbox')`). */
  readonly tableChain?: readonly string[];
  /** write: how a repeat of the call behaves, for handlers that may see a message twice. */
  readonly repeat?: RepeatFacets;
  /**
   * kv: when the call records a key only if it is absent, the dedupe guard of a consumer:
   * always (`SETNX`), or with a flag as an argument or an options property (`SET k v NX`, `{ NX: true }`).
   */
  readonly guardWhen?: 'always' | { readonly flag: string };
  /**
   * effect: the role holds only when an options property has one of these values
   * (`fetch(url, { method: 'POST' })`; a GET repeats nothing).
   */
  readonly onlyWhen?: { readonly property: string; readonly values: readonly string[] };
  /** publish: the call waits for a reply (NestJS `ClientProxy.send`); it is still a message on the broker. */
  readonly expectsReply?: boolean;
  /**
   * publish: the broker is known only from the client's configuration (NestJS transports), so
   * request/reply is judged by the transport analysis; without it, `expectsReply` on this
   * entry's system is request/reply over a broker by itself (`AmqpConnection.request`).
   */
  readonly transportFromClient?: boolean;
  /** publish: where the message body is. */
  readonly payload?: PayloadLocation;
  /** publish: the message is a job for a worker (Bull, BullMQ): its name is a job name, not an event name. */
  readonly jobQueue?: boolean;
  /** publish: where each message's partition or ordering key is. */
  readonly partitionKey?: PartitionKeyLocation;
}

/** What a repeated write does: most writes set state (a repeat is harmless), these add to it. */
export interface RepeatFacets {
  /** Methods of the entry that insert a new row or document each time: a repeat duplicates it. */
  readonly inserts?: readonly string[];
  /** Methods that add to what is stored (`increment`): a repeat counts twice. */
  readonly accumulates?: readonly string[];
  /** Options that make an insert a no-op on a duplicate key (`skipDuplicates`, `ignoreDuplicates`). */
  readonly conflictOptions?: readonly string[];
  /** Chained calls that do the same, after the insert (`.onConflict().ignore()`) or before it (Kysely's `.onConflict(…).execute()`). */
  readonly conflictChain?: readonly string[];
  /** Update operators that add instead of set (`$inc`), with what they do ("adds to a field"). */
  readonly accumulatingOperators?: Readonly<Record<string, string>>;
  /** An input property holding an update expression that can add (DynamoDB `UpdateExpression: 'ADD #n :one'`, `SET #n = #n + :one`). */
  readonly accumulatingExpression?: string;
}

/**
 * A client that is itself the function: postgres.js `` sql`INSERT …` `` and its transaction
 * handle. Matched by the declaration of the call signature the checker resolves (its package and
 * owner), only for tagged templates whose text reads as SQL.
 */
export interface CallableEntry {
  readonly packages: readonly string[];
  readonly owners: readonly string[];
  /** `sql`: classify the statement in the template. */
  readonly role: 'sql';
  readonly system: string;
}

/**
 * AWS SDK v3 style: one generic `client.send(command)`; the command class says what it does.
 * Matched on the class of the first argument and the package that declares it.
 */
export interface CommandEntry {
  readonly packages: readonly string[];
  readonly commands: readonly string[];
  readonly role: RoleKind;
  readonly system: string;
  /** effect: what a redelivery repeats. */
  readonly what?: string;
  /** The command is an effect instead when its input has this property (`PublishCommand` with `PhoneNumber` sends an SMS). */
  readonly effectWhenInputHas?: { readonly property: string; readonly what: string };
  /** publish: where the message body is in the command's input. */
  readonly payload?: PayloadLocation;
  /** write: the input property that names the table, at any depth (DynamoDB `TableName`, transactions included). */
  readonly tableProperty?: string;
  /** write: how a repeat of the command behaves. */
  readonly repeat?: RepeatFacets;
  /** publish: where each record's partition or ordering key is in the input. */
  readonly partitionKey?: PartitionKeyLocation;
}

/** Method decorators that run the whole method in a database transaction: `@Transactional()`. */
export interface TransactionDecoratorEntry {
  readonly packages: readonly string[];
  readonly decorators: readonly string[];
  readonly system: string;
}

/** One client library's catalogue. */
export interface ClientCatalogue {
  /** Package names as users install them (for docs and for the declaration drift test). */
  readonly client: string;
  readonly methods?: readonly MethodEntry[];
  readonly commands?: readonly CommandEntry[];
  readonly callables?: readonly CallableEntry[];
  readonly consumers?: ConsumerCatalogue;
  readonly transactionDecorators?: readonly TransactionDecoratorEntry[];
}

/** Where a consumer registration keeps its handler. */
export type HandlerLocation =
  /**
   * `consumer.run({ eachMessage })`, `channel.consume(queue, cb)`: an argument, or a property of an
   * object argument; index -1 is the last argument (`queue.process(name, concurrency, handler)`).
   */
  | { readonly kind: 'argument'; readonly index: number; readonly properties?: readonly string[] }
  /** `subscription.on('message', cb)`: the listener of one event name. */
  | { readonly kind: 'listener'; readonly event: string };

/**
 * A call that registers a message handler of an at-least-once broker. Matched like a
 * MethodEntry, except `receiverOwners`, which matches the receiver's type when the method is
 * inherited from a generic base (node-nats-streaming's `Subscription.on` is `EventEmitter.on`).
 */
export interface ConsumerEntry {
  readonly packages: readonly string[];
  readonly owners?: readonly string[];
  readonly receiverOwners?: readonly string[];
  readonly methods: readonly string[];
  readonly handler: HandlerLocation;
  readonly system: string;
  /** What the handler's first parameter is, for messages: "the kafkajs payload". */
  readonly description: string;
  /**
   * The broker settles each message as it hands it over when an options property is `true`
   * (amqplib `{ noAck: true }`): a crash in the handler loses the message.
   */
  readonly autoAckWhen?: { readonly argument: number; readonly property: string };
}

/** Classes whose constructor takes a handler: `new Worker(queue, processor)`. */
export interface ConsumerConstructorEntry {
  readonly packages: readonly string[];
  readonly classes: readonly string[];
  readonly handlerIndex: number;
  /** The handler is a property of that argument: `new Consumer({ handleMessage })`. */
  readonly handlerProperties?: readonly string[];
  readonly system: string;
  readonly description: string;
}

/** Decorators that make a method a handler: `@EventPattern('orders')`. */
export interface ConsumerDecoratorEntry {
  readonly packages: readonly string[];
  readonly decorators: readonly string[];
  readonly system: string;
  readonly description: string;
  /** The handler's return value is sent back as a reply (`@RabbitRPC`); the pattern is in these options of its first argument. */
  readonly replies?: { readonly patternProperties: readonly string[]; readonly insteadDecorator: string };
}

/** Handler functions recognised by the type of their first parameter (`SQSEvent`). */
export interface ConsumerEventTypeEntry {
  readonly packages: readonly string[];
  readonly types: readonly string[];
  readonly system: string;
  readonly description: string;
}

/** Broker-position fields: the same value names different messages on different partitions or channels. */
export interface PositionFieldEntry {
  readonly packages: readonly string[];
  readonly owners: readonly string[];
  readonly fields: readonly string[];
  readonly system: string;
  /** Why the value cannot identify an event, as a clause for messages. */
  readonly reason: string;
  /** Many messages share the value (a partition): keying per-partition state on it is legitimate. */
  readonly sharedAcrossMessages?: boolean;
}

export interface ConsumerCatalogue {
  readonly registrations?: readonly ConsumerEntry[];
  readonly constructors?: readonly ConsumerConstructorEntry[];
  readonly decorators?: readonly ConsumerDecoratorEntry[];
  readonly eventTypes?: readonly ConsumerEventTypeEntry[];
  /** `for await (const m of subscription)` over these types. */
  readonly iterables?: readonly { readonly packages: readonly string[]; readonly types: readonly string[]; readonly system: string; readonly description: string }[];
  readonly positionFields?: readonly PositionFieldEntry[];
  /**
   * Types of a delivered message (`KafkaMessage`, amqplib `ConsumeMessage`, NATS Streaming
   * `Message`). A library method that takes one is a handler its subclasses implement: the
   * inference that lets a shared event library seen only as `.d.ts` still mark its listeners.
   */
  readonly messageTypes?: readonly MessageTypeEntry[];
}

export interface MessageTypeEntry {
  readonly packages: readonly string[];
  readonly types: readonly string[];
  readonly system: string;
  readonly description: string;
}
