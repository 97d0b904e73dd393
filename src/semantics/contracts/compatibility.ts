import type { Shape } from './shape.js';

/**
 * Schema-registry compatibility between the locked shape of an event and its shape now.
 * `backward`: readers on the new shape must read events written with the old one (consumers
 * upgrade first). `forward`: readers on the old shape must read new events (producers upgrade
 * first). `full`: both. A removed required property or a type old readers cannot read breaks in
 * every mode: a TypeScript payload type is read by consumers on both sides of a deploy, and no
 * linter can know that every consumer moved first.
 */
export type CompatibilityMode = 'backward' | 'forward' | 'full';
export const compatibilityModes: readonly CompatibilityMode[] = ['backward', 'forward', 'full'];

export type BreakKind =
  /** A required property old readers read is gone (or renamed). */
  | 'removed'
  /** A property became required, or was added as required: events written before lack it. */
  | 'became-required'
  /** A required property became optional: old readers get `undefined`. */
  | 'became-optional'
  /** A union or enum value new events may carry that old readers do not know. */
  | 'member-added'
  /** A union or enum value old events carry that new readers no longer accept. */
  | 'member-removed'
  /** The type changed to one the other side cannot read. */
  | 'type-changed';

export interface Break {
  readonly kind: BreakKind;
  /** Where, as a property path: `data.items[].sku`; empty for the event itself. */
  readonly path: string;
  /** What changed, for a message: "removed `currency`". */
  readonly description: string;
}

/** What a change does to the other side, in the given mode. */
export function breakingChanges(locked: Shape, current: Shape, mode: CompatibilityMode): Break[] {
  // Old readers, new events: what `forward` forbids. New readers, old events: what `backward` forbids.
  const forOldReaders = readBreaks(locked, current, '', 'old-reader');
  const forNewReaders = readBreaks(current, locked, '', 'new-reader');
  const always = (b: Break): boolean => b.kind === 'removed' || b.kind === 'type-changed';
  const chosen =
    mode === 'backward' ? [...forNewReaders, ...forOldReaders.filter(always)] : mode === 'forward' ? [...forOldReaders, ...forNewReaders.filter(always)] : [...forOldReaders, ...forNewReaders];
  return mergeRenames(dedupe(chosen), locked, current);
}

type Reader = 'old-reader' | 'new-reader';

/** What a reader of shape `reader` cannot read in values of shape `writer`. */
function readBreaks(reader: Shape, writer: Shape, path: string, who: Reader): Break[] {
  if (isAnything(reader) || isAnything(writer) || reader.$ref !== undefined || writer.$ref !== undefined) return [];
  const readerValues = valuesOf(reader);
  const writerValues = valuesOf(writer);
  if (readerValues !== undefined && writerValues !== undefined) {
    const unknown = writerValues.filter((v) => !readerValues.includes(v));
    if (unknown.length === 0) return [];
    const kind: BreakKind = who === 'old-reader' ? 'member-added' : 'member-removed';
    const verb = who === 'old-reader' ? 'added' : 'removed';
    return [{ kind, path, description: `${verb} ${unknown.map((v) => `\`${JSON.stringify(v)}\``).join(', ')}${path === '' ? '' : ` ${who === 'old-reader' ? 'to' : 'from'} \`${path}\``}` }];
  }
  const readerAlternatives = reader.anyOf ?? [reader];
  const writerAlternatives = writer.anyOf ?? [writer];
  if (reader.anyOf !== undefined || writer.anyOf !== undefined) {
    // Every kind of value the writer may send must suit one alternative of the reader.
    const unread = writerAlternatives.filter((w) => !readerAlternatives.some((r) => readBreaks(r, w, path, who).length === 0));
    if (unread.length === 0) return [];
    const kind: BreakKind = who === 'old-reader' ? 'member-added' : 'member-removed';
    return [{ kind, path, description: `${who === 'old-reader' ? 'widened' : 'narrowed'} \`${path || 'the event'}\` to ${describe(who === 'old-reader' ? writer : reader)}` }];
  }
  if (!sameKind(reader, writer)) return [{ kind: 'type-changed', path, description: `changed \`${path || 'the event'}\` from ${describe(who === 'old-reader' ? reader : writer)} to ${describe(who === 'old-reader' ? writer : reader)}` }];
  if (reader.type === 'array') return readBreaks(reader.items ?? {}, writer.items ?? {}, `${path}[]`, who);
  if (reader.type !== 'object') return [];
  const breaks: Break[] = [];
  const readerRequired = new Set(reader.required ?? []);
  const writerRequired = new Set(writer.required ?? []);
  for (const [name, readerProperty] of Object.entries(reader.properties ?? {})) {
    const at = path === '' ? name : `${path}.${name}`;
    const writerProperty = writer.properties?.[name];
    if (readerRequired.has(name) && writerProperty === undefined) {
      breaks.push(who === 'old-reader' ? { kind: 'removed', path: at, description: `removed \`${at}\`` } : { kind: 'became-required', path: at, description: `added required \`${at}\`` });
      continue;
    }
    if (readerRequired.has(name) && !writerRequired.has(name)) {
      breaks.push(who === 'old-reader' ? { kind: 'became-optional', path: at, description: `made \`${at}\` optional` } : { kind: 'became-required', path: at, description: `made \`${at}\` required` });
    }
    if (writerProperty !== undefined) breaks.push(...readBreaks(readerProperty, writerProperty, at, who));
  }
  return breaks;
}

function isAnything(shape: Shape): boolean {
  return Object.keys(shape).length === 0;
}

/** The literal values a shape allows, when it is a `const` or an `enum`. */
function valuesOf(shape: Shape): readonly (string | number | boolean)[] | undefined {
  if (shape.const !== undefined) return [shape.const];
  return shape.enum;
}

/** Same JSON type: a literal belongs to its primitive, an integer is a number. */
function sameKind(reader: Shape, writer: Shape): boolean {
  const readerType = kindOf(reader);
  const writerType = kindOf(writer);
  return readerType === writerType || (readerType === 'number' && writerType === 'integer');
}

function kindOf(shape: Shape): string | undefined {
  const values = valuesOf(shape);
  if (values !== undefined) return typeof values[0];
  return shape.type;
}

function describe(shape: Shape): string {
  const values = valuesOf(shape);
  if (values !== undefined) return values.map((v) => JSON.stringify(v)).join(' | ');
  if (shape.anyOf !== undefined) return shape.anyOf.map(describe).join(' | ');
  if (shape.type === 'array') return `${describe(shape.items ?? {})}[]`;
  return shape.type ?? 'anything';
}

function dedupe(breaks: readonly Break[]): Break[] {
  const seen = new Set<string>();
  return breaks.filter((b) => {
    const key = b.kind === 'type-changed' ? `type:${b.path}` : `${b.kind}:${b.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A removed property and an added one of the same shape beside it read as a rename. */
function mergeRenames(breaks: readonly Break[], locked: Shape, current: Shape): Break[] {
  const removed = breaks.filter((b) => b.kind === 'removed');
  const added = breaks.filter((b) => b.kind === 'became-required' && b.description.startsWith('added'));
  const merged: Break[] = [];
  const used = new Set<Break>();
  for (const gone of removed) {
    const twin = added.find((a) => !used.has(a) && parentOf(a.path) === parentOf(gone.path) && JSON.stringify(shapeAt(current, a.path)) === JSON.stringify(shapeAt(locked, gone.path)));
    if (twin === undefined) continue;
    used.add(twin).add(gone);
    merged.push({ kind: 'removed', path: gone.path, description: `renamed \`${gone.path}\` to \`${twin.path}\`` });
  }
  return [...breaks.filter((b) => !used.has(b)), ...merged];
}

function parentOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot === -1 ? '' : path.slice(0, dot);
}

function shapeAt(shape: Shape, path: string): Shape | undefined {
  let current: Shape | undefined = shape;
  for (const segment of path.split('.')) {
    const name = segment.endsWith('[]') ? segment.slice(0, -2) : segment;
    current = current?.properties?.[name];
    if (segment.endsWith('[]')) current = current?.items;
  }
  return current;
}
