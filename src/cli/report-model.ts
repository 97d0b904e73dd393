import type { ConsumerItem, PublishItem } from './inventory-items.js';

/** The review's data model: the sites and findings the report is made of (read by the renderers and the flow map). */

/** A place in the reviewed project: a path relative to its root, with `/`, and 1-based line and column. */
export interface Location {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface Finding extends Location {
  /** `no-dual-write` (the plugin's namespace left out). */
  readonly rule: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
  readonly docsUrl?: string;
  /** What the rule's suggestions would do ("Rename the event to 'OrderShipped'."). */
  readonly suggestions: readonly string[];
}

/** How a publish site relates to the outbox pattern. */
export type OutboxStatus =
  /** Writes the event to an outbox table in the state change's transaction. */
  | 'outbox'
  /** Publishes rows it reads from the outbox. */
  | 'relay'
  /** The project's wrapper around a broker client: its callers are the publish sites that matter. */
  | 'wrapper'
  /** Publishes straight to the broker. */
  | 'direct'
  /** Publishes straight to the broker, and no-dual-write reports it. */
  | 'dual-write';

export interface PublishSite extends Location, Omit<PublishItem, 'kind'> {
  readonly outbox: OutboxStatus;
  readonly findings: readonly Finding[];
}

/** How a consumer copes with a redelivered message. */
export type DedupeStatus =
  /** Records or checks the message identity before its effects. */
  | 'dedupes'
  /** Deduplicates on a broker position (offset, delivery tag): the wrong key. */
  | 'broker-position'
  /** Has effects a redelivery repeats and nothing before them. */
  | 'missing'
  /** idempotent-consumer saw a guard the inventory does not name (a lookup, a version gate, an idempotent wrapper). */
  | 'guarded'
  /** Has no effect that a redelivery would repeat. */
  | 'not-needed';

export interface ConsumerSite extends Location, Omit<ConsumerItem, 'kind'> {
  readonly endLine: number;
  readonly dedupe: DedupeStatus;
  readonly findings: readonly Finding[];
}

export interface EventName {
  readonly name: string;
  readonly sites: readonly (Location & { readonly source: string })[];
  /** event-name-past-tense findings at its sites. */
  readonly findings: readonly Finding[];
}
