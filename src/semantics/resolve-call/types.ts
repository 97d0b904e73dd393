import type ts from 'typescript';
import type { MethodEntry, RepeatFacets } from '../catalogue/index.js';
import type { PartitionKeyLocation } from '../catalogue/types.js';
import type { Role } from '../roles.js';
import type { SqlClassification } from '../sql.js';

export type CallLike = ts.CallExpression | ts.TaggedTemplateExpression;

/** A call that the catalogue or the settings give a role directly. */
export interface LibraryCall {
  readonly role: Role;
  /** Short text of the call as written: `producer.send`. */
  readonly label: string;
  /** For SQL calls: what the statement does. */
  readonly sql?: SqlClassification;
  /** For publishes: the message bodies, where the catalogue says the client carries them. */
  readonly payloads?: readonly ts.Expression[];
  /** The catalogue entry the call matched (a method's; commands have none). */
  readonly entry?: MethodEntry;
  /** How a repeat of the call behaves, from its method or command entry. */
  readonly repeat?: RepeatFacets;
  /** For publishes: the messages that carry a partition or ordering key, where they are written in place. */
  readonly partitionKey?: PartitionKeyedMessages;
}

/** The message objects of a publish (`{ key, value }` of kafkajs) and the property that keys them. */
export interface PartitionKeyedMessages {
  readonly location: PartitionKeyLocation;
  /** Each message as written: an object literal, or an expression the rule cannot see into. */
  readonly messages: readonly ts.Expression[];
}
