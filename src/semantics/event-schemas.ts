/**
 * Event schemas as JSON Schema files, read through ESLint's JSON language (`@eslint/json`): the
 * event names they declare (`title`, the `const`/`enum` of the type property, the last segment
 * of `$id`) and the envelope fields they require.
 */

/** The few JSON AST shapes this module reads (Momoa's, as `@eslint/json` produces them). */
export interface JsonNode {
  readonly type: string;
  readonly loc: { readonly start: { readonly line: number; readonly column: number }; readonly end: { readonly line: number; readonly column: number } };
}
interface JsonString extends JsonNode {
  readonly type: 'String';
  readonly value: string;
}
interface JsonMember extends JsonNode {
  readonly type: 'Member';
  readonly name: JsonNode & { readonly value?: unknown };
  readonly value: JsonNode;
}
interface JsonObject extends JsonNode {
  readonly type: 'Object';
  readonly members: readonly JsonMember[];
}
interface JsonArray extends JsonNode {
  readonly type: 'Array';
  readonly elements: readonly { readonly value: JsonNode }[];
}

export interface SchemaEventName {
  readonly name: string;
  readonly node: JsonNode;
  readonly source: 'title' | 'type const' | 'type enum' | '$id';
}

/** Is this linted source a JSON document (ESLint's JSON language) rather than JavaScript? */
export function isJsonDocument(ast: { readonly type: string }): boolean {
  return ast.type === 'Document';
}

/** The schema object at the root of a JSON document, if the root is an object. */
export function rootSchema(ast: unknown): JsonObject | undefined {
  const body = (ast as { body?: JsonNode }).body;
  return body?.type === 'Object' ? (body as JsonObject) : undefined;
}

/** Event names declared by an event schema. */
export function schemaEventNames(schema: JsonObject, typeFields: ReadonlySet<string>): SchemaEventName[] {
  const names: SchemaEventName[] = [];
  const properties = objectMember(schema, 'properties');
  const typeNames = typeNamesOf(properties, typeFields);
  // A schema for a family of events (`enum` of several types) has a title and $id for the family.
  if (typeNames.filter((n) => n.source === 'type enum').length <= 1) {
    const title = stringMember(schema, 'title');
    if (title !== undefined) names.push({ name: title.value, node: title, source: 'title' });
    const id = stringMember(schema, '$id');
    const idName = id === undefined ? undefined : nameFromId(id.value);
    if (id !== undefined && idName !== undefined) names.push({ name: idName, node: id, source: '$id' });
  }
  return [...names, ...typeNames];
}

function typeNamesOf(properties: JsonObject | undefined, typeFields: ReadonlySet<string>): SchemaEventName[] {
  const names: SchemaEventName[] = [];
  for (const member of properties?.members ?? []) {
    if (!typeFields.has(memberName(member)) || member.value.type !== 'Object') continue;
    const typeSchema = member.value as JsonObject;
    const constant = stringMember(typeSchema, 'const');
    if (constant !== undefined) names.push({ name: constant.value, node: constant, source: 'type const' });
    const values = arrayMember(typeSchema, 'enum');
    for (const element of values?.elements ?? []) {
      if (element.value.type === 'String') names.push({ name: (element.value as JsonString).value, node: element.value, source: 'type enum' });
    }
  }
  return names;
}

/** The property names an event schema requires, and where they are listed. */
export function schemaRequiredFields(schema: JsonObject): { readonly required: ReadonlySet<string>; readonly properties: ReadonlySet<string>; readonly node: JsonNode } {
  const requiredArray = arrayMember(schema, 'required');
  const required = new Set(
    (requiredArray?.elements ?? []).flatMap((e) => (e.value.type === 'String' ? [(e.value as JsonString).value] : [])),
  );
  const properties = new Set((objectMember(schema, 'properties')?.members ?? []).map(memberName));
  const requiredMember = schema.members.find((m) => memberName(m) === 'required');
  return { required, properties, node: requiredMember ?? schema };
}

/** The plain value of a JSON node (Momoa's AST): objects, arrays, strings, numbers, booleans, null. */
export function jsonValueOf(node: JsonNode): unknown {
  switch (node.type) {
    case 'Object':
      return Object.fromEntries((node as JsonObject).members.map((m) => [memberName(m), jsonValueOf(m.value)]));
    case 'Array':
      return (node as JsonArray).elements.map((e) => jsonValueOf(e.value));
    case 'String':
    case 'Number':
    case 'Boolean':
      return (node as JsonNode & { readonly value: unknown }).value;
    default:
      return null;
  }
}

/** `https://acme.com/schemas/orders/order-placed.v1.schema.json` → `order-placed.v1`. */
function nameFromId(id: string): string | undefined {
  const withoutFragment = id.split('#')[0] ?? '';
  const segment = withoutFragment.split('/').filter((s) => s !== '').at(-1);
  if (segment === undefined || segment.includes(':')) return undefined;
  let name = segment;
  for (const extension of ['.json', '.schema', '.jsonschema']) {
    if (name.toLowerCase().endsWith(extension)) name = name.slice(0, -extension.length);
  }
  return name === '' ? undefined : name;
}

function memberName(member: JsonMember): string {
  const value = member.name.value;
  return typeof value === 'string' ? value : '';
}

function stringMember(object: JsonObject, name: string): JsonString | undefined {
  const value = object.members.find((m) => memberName(m) === name)?.value;
  return value?.type === 'String' ? (value as JsonString) : undefined;
}

function objectMember(object: JsonObject, name: string): JsonObject | undefined {
  const value = object.members.find((m) => memberName(m) === name)?.value;
  return value?.type === 'Object' ? (value as JsonObject) : undefined;
}

function arrayMember(object: JsonObject, name: string): JsonArray | undefined {
  const value = object.members.find((m) => memberName(m) === name)?.value;
  return value?.type === 'Array' ? (value as JsonArray) : undefined;
}
