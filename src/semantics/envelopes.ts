import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { propertyKeyName } from '../util/ast.js';
import { packageOfDeclaration } from './declarations.js';

/**
 * What an event envelope is made of, and how to tell an event object or type from any other:
 * shared by the contract rules (envelope fields, monotonic ids, stable identifiers, generic
 * `*Updated` events).
 */

export interface EnvelopeField {
  /** The field the envelope should have. */
  readonly name: string;
  /** Names that teams use for the same thing and that should be renamed to `name`. */
  readonly lookAlikes: readonly string[];
}

/** The envelope of the design: id, type, version, source, occurredAt, causationId, correlationId, data. */
export const defaultEnvelope: readonly EnvelopeField[] = [
  { name: 'id', lookAlikes: ['eventId', 'event_id', 'messageId', 'uuid', 'guid'] },
  { name: 'type', lookAlikes: ['eventType', 'event_type', 'eventName', 'name', 'kind'] },
  { name: 'version', lookAlikes: ['schemaVersion', 'eventVersion', 'v'] },
  { name: 'source', lookAlikes: ['producer', 'origin', 'service', 'emitter'] },
  { name: 'occurredAt', lookAlikes: ['timestamp', 'occurred_at', 'createdAt', 'created_at', 'time', 'date', 'eventTime'] },
  { name: 'causationId', lookAlikes: ['causation_id', 'causedBy', 'parentId'] },
  { name: 'correlationId', lookAlikes: ['correlation_id', 'traceId', 'requestId'] },
  { name: 'data', lookAlikes: ['payload', 'body', 'detail', 'content'] },
];

/** CloudEvents 1.0 required and recommended attributes. */
export const cloudEventsEnvelope: readonly EnvelopeField[] = [
  { name: 'specversion', lookAlikes: ['specVersion', 'spec_version'] },
  { name: 'id', lookAlikes: ['eventId', 'event_id', 'messageId'] },
  { name: 'source', lookAlikes: ['producer', 'origin', 'service'] },
  { name: 'type', lookAlikes: ['eventType', 'event_type', 'eventName', 'name'] },
  { name: 'time', lookAlikes: ['timestamp', 'occurredAt', 'createdAt'] },
  { name: 'data', lookAlikes: ['payload', 'body', 'detail'] },
];

/** Names of the event-type field. */
export const eventTypeFields: ReadonlySet<string> = new Set(['type', 'eventType', 'event_type', 'eventName']);
const bodyFields: ReadonlySet<string> = new Set(['data', 'payload', 'detail', 'body']);
/** Declared names that say a type is not an event. Linear: one alternation at the end. */
export const notEventTypeName = /(?:Command|Cmd|Request|Query|Action|Response|Reply|Dto|DTO|Options|Config)$/u;

/** An object with a type field and a body (or an event id / time) is an event, whatever it is called. */
export function looksLikeEventObject(propertyNames: ReadonlySet<string>): boolean {
  const hasType = [...eventTypeFields].some((f) => propertyNames.has(f));
  const hasBodyOrIdentity = [...bodyFields].some((f) => propertyNames.has(f)) || propertyNames.has('occurredAt') || propertyNames.has('eventId');
  return hasType && hasBodyOrIdentity;
}

/** Property names of an object literal (spreads contribute through the checker's type). */
export function propertyNamesOf(object: TSESTree.ObjectExpression, type: ts.Type | undefined): Set<string> {
  const names = new Set<string>();
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && !property.computed) {
      names.add(propertyKeyName(property));
    }
  }
  if (object.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) {
    for (const symbol of type?.getProperties() ?? []) names.add(symbol.getName());
  }
  return names;
}

/** Is a type declared by a library (a broker's request shape), rather than by the project? */
export function isLibraryType(type: ts.Type | undefined): boolean {
  const declaration = (type?.aliasSymbol ?? type?.getSymbol())?.declarations?.[0];
  return declaration !== undefined && packageOfDeclaration(declaration) !== undefined;
}

/** The declared name of a type (its alias or its symbol), if any. */
export function typeNameOf(type: ts.Type | undefined): string | undefined {
  const name = type?.aliasSymbol?.getName() ?? type?.getSymbol()?.getName();
  return name === undefined || name.startsWith('__') ? undefined : name;
}

/** Optional properties of a type: the signature of a bag of maybe-changed fields. */
export function optionalPropertyCount(type: ts.Type): number {
  return type.getProperties().filter((p) => (p.flags & ts.SymbolFlags.Optional) !== 0).length;
}

/** Display fields that name an entity without identifying it: `userName`, `customerEmail`, `title`. */
const displaySuffixes = ['DisplayName', 'Username', 'UserName', 'Name', 'Email', 'Title', 'Label', 'Handle', 'Phone'];
const bareDisplayFields: ReadonlySet<string> = new Set(['name', 'email', 'title', 'username', 'displayName', 'label', 'handle', 'phone']);

export interface DisplayOnlyEntity {
  /** The entity named by display fields (`user`), or undefined for bare fields (`email`). */
  readonly entity: string | undefined;
  readonly field: string;
  /** The id field that should be carried (`userId`, or `id`). */
  readonly missingId: string;
}

/** Entities a set of fields names only by display fields, with no matching `…Id`. */
export function displayOnlyEntities(fields: readonly string[]): DisplayOnlyEntity[] {
  const names = new Set(fields);
  const ids = fields.filter(isIdField);
  const found: DisplayOnlyEntity[] = [];
  const seenEntities = new Set<string>();
  for (const field of fields) {
    const suffix = displaySuffixes.find((s) => field.length > s.length && field.endsWith(s));
    if (suffix !== undefined) {
      const entity = field.slice(0, field.length - suffix.length);
      if (seenEntities.has(entity)) continue;
      seenEntities.add(entity);
      const candidates = [`${entity}Id`, `${entity}ID`, `${entity}_id`, `${entity}Uuid`, `${entity}Key`, `${entity}Number`, `${entity}Ref`];
      if (!candidates.some((c) => names.has(c))) found.push({ entity, field, missingId: `${entity}Id` });
    } else if (bareDisplayFields.has(field) && ids.length === 0 && !seenEntities.has('')) {
      seenEntities.add('');
      found.push({ entity: undefined, field, missingId: 'id' });
    }
  }
  return found;
}

function isIdField(field: string): boolean {
  return field === 'id' || field.endsWith('Id') || field.endsWith('ID') || field.endsWith('_id') || field.endsWith('Uuid');
}
