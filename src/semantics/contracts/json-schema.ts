import { versionOf } from './discovery.js';
import { shapeOfJsonSchema, type Shape } from './shape.js';

/** Properties of an event schema that hold the event's name as a `const`. */
const typeFields: readonly string[] = ['type', 'eventType', 'eventName', 'event_type'];

/**
 * The contract a JSON Schema event file declares: its event name (the `const` of the type
 * property, else the `title`), its version (a `const` version property, or a `V2` / `.v2` suffix
 * of the name, title or `$id`) and its shape. Undefined for a schema that names no event.
 */
export function contractOfJsonSchema(schema: unknown): { readonly name: string; readonly version: number; readonly shape: Shape } | undefined {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return undefined;
  const root = schema as Record<string, unknown>;
  const properties = (typeof root.properties === 'object' && root.properties !== null ? root.properties : {}) as Record<string, { const?: unknown } | undefined>;
  const typed = typeFields.map((field) => properties[field]?.const).find((value): value is string => typeof value === 'string');
  const title = typeof root.title === 'string' ? root.title : undefined;
  const name = typed ?? title;
  if (name === undefined || name === '') return undefined;
  const shape = shapeOfJsonSchema(schema);
  const id = typeof root.$id === 'string' ? root.$id.replace(/\.(?:schema\.)?json$/u, '') : undefined;
  return { name, version: versionOf(shape, [name, ...(title === undefined ? [] : [title]), ...(id === undefined ? [] : [id])]), shape };
}
