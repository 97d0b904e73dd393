/**
 * What the internal inventory rule tells the review command about one file: every publish site,
 * consumer handler and event name it found, and whether its imports resolve. Each item travels
 * as the JSON text of one ESLint message, so it survives any ESLint transport (worker threads,
 * suppressed messages) unchanged.
 */

/** How a publish site hands the event over. */
export type PublishMechanism =
  /** A broker client call (`producer.send`). */
  | 'broker'
  /** A call to a project function that publishes (`publishEvent(…)` → `producer.send`). */
  | 'wrapper'
  /** A row written to an outbox table, published later by a relay. */
  | 'outbox';

export interface PublishItem {
  readonly kind: 'publish';
  readonly mechanism: PublishMechanism;
  /** "Kafka", "SNS", "outbox (PostgreSQL)". */
  readonly system: string;
  /** The call as written, then the calls it reaches: `publishEvent` → `producer.send`. */
  readonly chain: readonly string[];
  /** Event names the call carries (type fields, DetailType, factory arguments). */
  readonly eventNames: readonly string[];
  /** Topics, queues, subjects or exchanges written as literals at the call. */
  readonly destinations: readonly string[];
  /** The function the publish is in: `placeOrder`, `startShippingHandler › eachMessage`. */
  readonly producer: string;
  /** The enclosing function also reads or clears an outbox table: it is an outbox relay. */
  readonly relay: boolean;
}

export interface ConsumerItem {
  readonly kind: 'consumer';
  /** `eachMessage`, `channel.consume callback`, `OrderListener.onMessage`. */
  readonly name: string;
  readonly system: string;
  /** "kafkajs consumer (eachMessage)". */
  readonly description: string;
  /** Topics, queues or patterns the handler is registered for, where the code shows them. */
  readonly subscriptions: readonly string[];
  /** Event names the handler tests for (`event.type === 'OrderPlaced'`, `case 'OrderPlaced':`). */
  readonly handledEvents: readonly string[];
  /** Calls that record or check the message identity before effects (`redis.set … NX`). */
  readonly guards: readonly string[];
  /** What a redelivery would repeat ("inserts a row"). */
  readonly effects: readonly string[];
}

export interface EventNameItem {
  readonly kind: 'event-name';
  readonly name: string;
  /** Where the name was found: "published type field", "envelope type", "event class"… */
  readonly source: string;
}

/** Imports of the file the type checker cannot resolve: calls into them have no types. */
export interface TypeCheckItem {
  readonly kind: 'type-check';
  /** How many imports do not resolve. */
  readonly errorCount: number;
  /** The first error, one line: "Cannot find module 'kafkajs' …". */
  readonly firstError: string;
  readonly firstErrorLine: number;
}

export type InventoryItem = PublishItem | ConsumerItem | EventNameItem | TypeCheckItem;

/** The rule id the inventory rule has in the review command's own config. */
export const inventoryRuleId = 'event-driven-review/inventory';

export function encodeInventoryItem(item: InventoryItem): string {
  return JSON.stringify(item);
}

/** The item a message carries, or `undefined` for a message that is not an inventory item. */
export function decodeInventoryItem(message: { readonly ruleId: string | null; readonly message: string }): InventoryItem | undefined {
  if (message.ruleId !== inventoryRuleId) return undefined;
  try {
    const item = JSON.parse(message.message) as Partial<InventoryItem>;
    return typeof item.kind === 'string' ? (item as InventoryItem) : undefined;
  } catch {
    return undefined;
  }
}
