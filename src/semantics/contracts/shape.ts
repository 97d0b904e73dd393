import ts from 'typescript';

/**
 * The structural shape of an event payload, written in a small subset of JSON Schema so that the
 * lock file reads like one and JSON Schema event files need no conversion: `type`, `const`,
 * `enum`, `anyOf`, `items`, `properties`, `required`, `additionalProperties`, `format`, and
 * `$ref` (a type already on the path: recursion stops there). `{}` accepts anything.
 */
export interface Shape {
  readonly type?: 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'array' | 'object' | 'bigint';
  readonly const?: string | number | boolean;
  readonly enum?: readonly (string | number | boolean)[];
  readonly anyOf?: readonly Shape[];
  readonly items?: Shape;
  readonly properties?: Readonly<Record<string, Shape>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: Shape;
  readonly format?: string;
  readonly $ref?: string;
}

const maxDepth = 8;
const maxProperties = 200;

/** The shape of a TypeScript type as JSON carries it: methods dropped, `Date` as a date-time string, optional members not required. */
export function shapeOfType(checker: ts.TypeChecker, type: ts.Type): Shape {
  return canonical(shapeOf(checker, type, [], 0));
}

function shapeOf(checker: ts.TypeChecker, type: ts.Type, path: readonly ts.Type[], depth: number): Shape {
  const flags = type.flags;
  if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
  if (type.isStringLiteral()) return { const: type.value };
  if (type.isNumberLiteral()) return { const: type.value };
  if (flags & ts.TypeFlags.BooleanLiteral) return { const: checker.typeToString(type) === 'true' };
  if (flags & ts.TypeFlags.StringLike) return { type: 'string' };
  if (flags & ts.TypeFlags.NumberLike) return { type: 'number' };
  if (flags & ts.TypeFlags.BooleanLike) return { type: 'boolean' };
  if (flags & ts.TypeFlags.BigIntLike) return { type: 'bigint' };
  if (flags & ts.TypeFlags.Null) return { type: 'null' };
  if (flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Never)) return {};
  if (type.isUnion()) return unionShape(checker, type.types, path, depth);
  const name = type.getSymbol()?.getName();
  if (name === 'Date') return { type: 'string', format: 'date-time' };
  if (depth >= maxDepth || path.includes(type)) return { $ref: checker.typeToString(type) };
  const inner = [...path, type];
  if (checker.isArrayType(type) || checker.isTupleType(type)) {
    const element = checker.getTypeArguments(type as ts.TypeReference);
    return { type: 'array', items: element.length === 1 && element[0] !== undefined ? shapeOf(checker, element[0], inner, depth + 1) : unionShape(checker, element, inner, depth + 1) };
  }
  if (flags & ts.TypeFlags.Object || type.isIntersection()) return objectShape(checker, type, inner, depth);
  return {};
}

function unionShape(checker: ts.TypeChecker, members: readonly ts.Type[], path: readonly ts.Type[], depth: number): Shape {
  const shapes = members.filter((m) => !(m.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void))).map((m) => shapeOf(checker, m, path, depth));
  if (shapes.some((s) => Object.keys(s).length === 0)) return {};
  // `true | false` is how the checker spells `boolean`.
  const booleans = shapes.filter((s) => typeof s.const === 'boolean');
  const rest = booleans.length === 2 ? [...shapes.filter((s) => typeof s.const !== 'boolean'), { type: 'boolean' } as Shape] : shapes;
  if (rest.length === 1 && rest[0] !== undefined) return rest[0];
  if (rest.every((s) => s.const !== undefined && Object.keys(s).length === 1)) return { enum: rest.map((s) => s.const as string | number | boolean) };
  return { anyOf: rest };
}

function objectShape(checker: ts.TypeChecker, type: ts.Type, path: readonly ts.Type[], depth: number): Shape {
  if (type.getCallSignatures().length > 0) return {};
  const properties: Record<string, Shape> = {};
  const required: string[] = [];
  for (const property of checker.getPropertiesOfType(type).slice(0, maxProperties)) {
    const declaration = property.valueDeclaration ?? property.declarations?.[0];
    // Methods and function-valued members are behaviour, not data a consumer reads.
    if (declaration !== undefined && (ts.isMethodDeclaration(declaration) || ts.isMethodSignature(declaration) || ts.isGetAccessor(declaration))) continue;
    const propertyType = checker.getTypeOfSymbol(property);
    if (propertyType.getCallSignatures().length > 0) continue;
    const name = property.getName();
    if (name.startsWith('__')) continue;
    properties[name] = shapeOf(checker, propertyType, path, depth + 1);
    const optional = (property.flags & ts.SymbolFlags.Optional) !== 0 || (propertyType.isUnion() && propertyType.types.some((t) => t.flags & ts.TypeFlags.Undefined));
    if (!optional) required.push(name);
  }
  const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
  return {
    type: 'object',
    properties,
    required,
    ...(index === undefined ? {} : { additionalProperties: shapeOf(checker, index.type, path, depth + 1) }),
  };
}

/**
 * The shape of a JSON Schema (an event schema file), reduced to what the comparison reads:
 * unknown keywords are dropped, `oneOf` is read as `anyOf`, `type: [a, b]` as a union.
 */
export function shapeOfJsonSchema(schema: unknown, depth = 0): Shape {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema) || depth > maxDepth) return {};
  const s = schema as Record<string, unknown>;
  if (typeof s.$ref === 'string') return { $ref: s.$ref };
  if (isScalar(s.const)) return { const: s.const };
  if (Array.isArray(s.enum) && s.enum.every(isScalar)) return { enum: s.enum };
  const alternatives = Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : undefined;
  if (alternatives !== undefined) return { anyOf: alternatives.map((a) => shapeOfJsonSchema(a, depth + 1)) };
  if (Array.isArray(s.type)) return { anyOf: (s.type as unknown[]).map((t) => shapeOfJsonSchema({ ...s, type: t }, depth + 1)) };
  switch (s.type) {
    case 'string':
      return typeof s.format === 'string' ? { type: 'string', format: s.format } : { type: 'string' };
    case 'number':
    case 'integer':
    case 'boolean':
    case 'null':
      return { type: s.type };
    case 'array':
      return { type: 'array', items: shapeOfJsonSchema(s.items, depth + 1) };
    case 'object':
    case undefined: {
      if (s.properties === undefined && s.type === undefined) return {};
      const properties: Record<string, Shape> = {};
      const declared = typeof s.properties === 'object' && s.properties !== null ? (s.properties as Record<string, unknown>) : {};
      for (const [name, value] of Object.entries(declared)) properties[name] = shapeOfJsonSchema(value, depth + 1);
      const required = Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string' && r in properties) : [];
      const additional = typeof s.additionalProperties === 'object' && s.additionalProperties !== null ? { additionalProperties: shapeOfJsonSchema(s.additionalProperties, depth + 1) } : {};
      return canonical({ type: 'object', properties, required, ...additional });
    }
    default:
      return {};
  }
}

/** Keys and lists in a stable order, so that a lock file diff shows only what changed. */
export function canonical(shape: Shape): Shape {
  const out: Record<string, unknown> = {};
  if (shape.$ref !== undefined) out.$ref = shape.$ref;
  if (shape.type !== undefined) out.type = shape.type;
  if (shape.format !== undefined) out.format = shape.format;
  if (shape.const !== undefined) out.const = shape.const;
  if (shape.enum !== undefined) out.enum = [...new Set(shape.enum)].sort(compareScalars);
  if (shape.anyOf !== undefined) out.anyOf = shape.anyOf.map(canonical).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  if (shape.items !== undefined) out.items = canonical(shape.items);
  if (shape.properties !== undefined) {
    out.properties = Object.fromEntries(
      Object.keys(shape.properties)
        .sort()
        .map((name) => [name, canonical(shape.properties?.[name] ?? {})]),
    );
  }
  if (shape.required !== undefined) out.required = [...shape.required].sort();
  if (shape.additionalProperties !== undefined) out.additionalProperties = canonical(shape.additionalProperties);
  return out;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function compareScalars(a: string | number | boolean, b: string | number | boolean): number {
  return String(a).localeCompare(String(b));
}
