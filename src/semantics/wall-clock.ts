import ts from 'typescript';
import { symbolAt } from './declarations.js';
import { guard } from '../util/guard.js';

/**
 * Event timestamps and sequences: what a comparator, an iteratee or an `ORDER BY` orders by,
 * and whether the objects are events. Used by `no-wall-clock-ordering`. Everything that sees
 * user text scans it by hand, in linear time.
 */

/** Envelope fields that producers fill from their own clock (compared lower-case, without `_`). */
const timestampFields: ReadonlySet<string> = new Set(['occurredat', 'occurredon', 'timestamp', 'createdat', 'eventtime', 'emittedat', 'publishedat', 'time', 'ts']);
/** Per-aggregate (or per-stream, or global store) positions: ordering by them is right. */
const sequenceFields: ReadonlySet<string> = new Set([
  'version',
  'sequence',
  'seq',
  'seqno',
  'sequencenumber',
  'revision',
  'position',
  'streamposition',
  'globalposition',
  'streamversion',
  'aggregateversion',
  'eventnumber',
  'offset',
  'id',
]);
/** Words that make a name something else than a domain event: log lines, UI and DOM events. */
const notDomainEvents: ReadonlySet<string> = new Set(['log', 'logs', 'logger', 'calendar', 'ui', 'dom', 'mouse', 'keyboard', 'pointer', 'touch', 'click', 'scroll']);
const envelopeTypeFields: readonly string[] = ['type', 'eventType', 'eventName'];
const envelopeDataFields: readonly string[] = ['data', 'payload', 'detail'];
const maxSqlLength = 100_000;

export interface OrderingKey {
  readonly field: string;
  /** The object the timestamp is read from (`a` in `a.occurredAt`). */
  readonly object: ts.Expression;
}

export interface EventTimestamps {
  /** The first field a comparator reads from its parameters, when it is a timestamp read before any sequence. */
  firstOrderingKey(fn: ts.SignatureDeclaration): OrderingKey | undefined;
  /** `'occurredAt'`, `['occurredAt', 'version']`, `(e) => e.occurredAt`: the first key of a lodash-style iteratee. */
  firstIterateeField(iteratee: ts.Expression): string | undefined;
  /** An inline function, or the function or `const` arrow an expression names (in any project file). */
  functionNamedBy(expression: ts.Expression): ts.SignatureDeclaration | undefined;
  /** Is the type an event by its shape (`type` + `data`/`payload`) or by its name or the names given? Library and `any` types are not. */
  isEventShaped(type: ts.Type, names: readonly string[]): boolean;
  /** The non-nullable type of a node; undefined when the checker fails. */
  typeOf(node: ts.Node): ts.Type | undefined;
}

export function createEventTimestamps(program: ts.Program): EventTimestamps {
  const checker = program.getTypeChecker();
  return { firstOrderingKey, firstIterateeField, functionNamedBy, isEventShaped, typeOf };

  function firstOrderingKey(fn: ts.SignatureDeclaration): OrderingKey | undefined {
    const parameters = fn.parameters.slice(0, 2);
    const body = 'body' in fn ? (fn.body as ts.Node | undefined) : undefined;
    if (parameters.length === 0 || body === undefined) return undefined;
    let decided: OrderingKey | null | undefined;
    let budget = 5_000;
    const visit = (node: ts.Node): void => {
      if (decided !== undefined || budget-- <= 0) return;
      if (ts.isPropertyAccessExpression(node) && readsParameter(node.expression, parameters)) {
        const field = node.name.text;
        if (isSequenceName(field)) decided = null;
        else if (isTimestampName(field)) decided = { field, object: node.expression };
        if (decided !== undefined) return;
      }
      ts.forEachChild(node, visit);
    };
    visit(body);
    return decided ?? undefined;
  }

  function firstIterateeField(iteratee: ts.Expression): string | undefined {
    const node = skipOuter(iteratee);
    if (ts.isStringLiteralLike(node)) return node.text;
    if (ts.isArrayLiteralExpression(node)) {
      const first = node.elements[0];
      return first === undefined ? undefined : firstIterateeField(first);
    }
    const fn = functionNamedBy(node);
    const body = fn !== undefined && 'body' in fn ? (fn.body as ts.Node | undefined) : undefined;
    if (fn === undefined || body === undefined) return undefined;
    const parameters = fn.parameters.slice(0, 1);
    let field: string | undefined;
    let budget = 5_000;
    const visit = (inner: ts.Node): void => {
      if (field !== undefined || budget-- <= 0) return;
      if (ts.isPropertyAccessExpression(inner) && readsParameter(inner.expression, parameters)) {
        field = inner.name.text;
        return;
      }
      ts.forEachChild(inner, visit);
    };
    visit(body);
    return field;
  }

  function readsParameter(expression: ts.Expression, parameters: readonly ts.ParameterDeclaration[]): boolean {
    let base = expression;
    while (ts.isPropertyAccessExpression(base) || ts.isElementAccessExpression(base) || ts.isNonNullExpression(base) || ts.isParenthesizedExpression(base)) base = base.expression;
    if (!ts.isIdentifier(base)) return false;
    const declaration = checker.getSymbolAtLocation(base)?.valueDeclaration;
    return declaration !== undefined && parameters.some((p) => declaration.pos >= p.pos && declaration.end <= p.end);
  }

  function functionNamedBy(expression: ts.Expression): ts.SignatureDeclaration | undefined {
    const node = skipOuter(expression);
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return node;
    if (!ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node)) return undefined;
    const symbol = symbolAt(checker, ts.isPropertyAccessExpression(node) ? node.name : node);
    const declaration = symbol?.valueDeclaration;
    if (declaration === undefined || declaration.getSourceFile().isDeclarationFile) return undefined;
    if ((ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) && declaration.body !== undefined) return declaration;
    if ((ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration)) && declaration.initializer !== undefined) {
      const initializer = skipOuter(declaration.initializer);
      if (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) return initializer;
    }
    return undefined;
  }

  function isEventShaped(type: ts.Type, names: readonly string[]): boolean {
    const parts = type.isUnion() ? type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null))) : [type];
    if (parts.length === 0 || parts.some((t) => t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown) || isLibraryType(t))) return false;
    const hasAny = (fields: readonly string[]): boolean => fields.some((f) => type.getProperty(f) !== undefined);
    if (hasAny(envelopeTypeFields) && hasAny(envelopeDataFields)) return true;
    const typeNames = parts.flatMap((t) => [t.getSymbol()?.getName(), t.aliasSymbol?.getName()]).filter((n): n is string => n !== undefined);
    return [...typeNames, ...names].some(isEventName);
  }

  /** DOM events, SDK log events, Kafka messages: declared by a library, judged only through the handler that receives them. */
  function isLibraryType(type: ts.Type): boolean {
    const declaration = (type.aliasSymbol ?? type.getSymbol())?.declarations?.[0];
    if (declaration === undefined) return false;
    const file = declaration.getSourceFile();
    return file.isDeclarationFile && (program.isSourceFileFromExternalLibrary(file) || program.isSourceFileDefaultLibrary(file));
  }

  function typeOf(node: ts.Node): ts.Type | undefined {
    return guard<ts.Type | undefined>(() => checker.getNonNullableType(checker.getTypeAtLocation(node)), undefined);
  }
}

function skipOuter(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current) || ts.isSatisfiesExpression(current)) current = current.expression;
  return current;
}

function normalize(name: string): string {
  return name.toLowerCase().replaceAll('_', '');
}

/** `occurredAt`, `occurred_at`, `timestamp`, `createdAt`, `time` (CloudEvents). */
export function isTimestampName(name: string): boolean {
  return timestampFields.has(normalize(name));
}

/** `version`, `sequence`, `seq`, `revision`, `global_position`, `offset`. */
export function isSequenceName(name: string): boolean {
  return sequenceFields.has(normalize(name));
}

/** `updatedAt`, `last_seen_at`, `lastEventTime`: another record's time. */
export function endsLikeTimestamp(name: string): boolean {
  return name.endsWith('At') || name.endsWith('_at') || name.endsWith('Time') || name.endsWith('Timestamp');
}

/** `OrderEvent`, `events`, `order_events`, `EventEnvelope` — but not `logEvents`, `CalendarEvent`, `preventDefault`. */
export function isEventName(name: string): boolean {
  const words = wordsOf(name);
  return words.some((w) => w === 'event' || w === 'events') && !words.some((w) => notDomainEvents.has(w));
}

/** Splits an identifier into lower-case words at `_`, `-`, `.`, spaces and case changes, in one pass. */
export function wordsOf(name: string): string[] {
  const words: string[] = [];
  let word = '';
  for (let i = 0; i < name.length; i++) {
    const char = name.charAt(i);
    const isUpper = char >= 'A' && char <= 'Z';
    const isLowerOrDigit = (char >= 'a' && char <= 'z') || (char >= '0' && char <= '9');
    if (!isUpper && !isLowerOrDigit) {
      if (word !== '') words.push(word);
      word = '';
      continue;
    }
    const previous = name.charAt(i - 1);
    const next = name.charAt(i + 1);
    const previousIsUpper = previous >= 'A' && previous <= 'Z';
    const nextIsLower = next >= 'a' && next <= 'z';
    // A word starts at a capital after a lower-case letter, or at the last capital of a run (`DOMEvent` → dom, event).
    if (isUpper && word !== '' && (!previousIsUpper || nextIsLower)) {
      words.push(word);
      word = '';
    }
    word += char.toLowerCase();
  }
  if (word !== '') words.push(word);
  return words;
}

/**
 * The wall-clock column an `ORDER BY` orders events by: the first key of a clause that is a
 * timestamp of one of `eventTables`, before any sequence key (grouping keys such as
 * `aggregate_id` may come first). As written, or undefined.
 */
export function wallClockOrderColumn(text: string, eventTables: readonly string[]): string | undefined {
  const tokens = sqlTokens(text.length > maxSqlLength ? text.slice(0, maxSqlLength) : text);
  const aliases = tableAliases(tokens);
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]?.word !== 'order' || tokens[i + 1]?.word !== 'by') continue;
    let j = i + 2;
    for (let keys = 0; keys < 16 && j < tokens.length; keys++) {
      let qualifier: string | undefined;
      let column = tokens[j];
      if (tokens[j + 1]?.punct === '.' && tokens[j + 2]?.name !== undefined) {
        qualifier = column?.name;
        column = tokens[j + 2];
        j += 2;
      }
      const name = column?.name;
      if (name === undefined || tokens[j + 1]?.punct === '(' || isSequenceName(name)) break;
      if (isTimestampName(name)) {
        const table = qualifier === undefined ? undefined : (aliases.get(qualifier) ?? qualifier);
        if (table === undefined || eventTables.includes(table)) return column?.raw;
        break;
      }
      // A grouping key (`aggregate_id`, `stream_id`) orders groups; the order inside each comes next.
      j++;
      while (j < tokens.length && orderModifiers.has(tokens[j]?.word ?? '')) j++;
      if (tokens[j]?.punct !== ',') break;
      j++;
    }
  }
  return undefined;
}

interface SqlToken {
  /** An unquoted word, lower-cased: a keyword or a name. */
  readonly word?: string;
  /** A name, quoted or not, lower-cased. */
  readonly name?: string;
  /** The name as written. */
  readonly raw?: string;
  readonly punct?: string;
}

const sqlKeywords: ReadonlySet<string> = new Set([
  'where',
  'join',
  'inner',
  'left',
  'right',
  'full',
  'cross',
  'on',
  'order',
  'group',
  'limit',
  'offset',
  'union',
  'natural',
  'using',
  'lateral',
  'for',
  'window',
  'having',
  'returning',
  'as',
]);
const orderModifiers: ReadonlySet<string> = new Set(['asc', 'desc', 'nulls', 'first', 'last']);

/** `FROM order_events AS e`, `JOIN orders o`: alias → table (and each table to itself). */
function tableAliases(tokens: readonly SqlToken[]): Map<string, string> {
  const aliases = new Map<string, string>();
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]?.word;
    if ((word !== 'from' && word !== 'join') || tokens[i + 1]?.name === undefined) continue;
    let j = i + 1;
    while (tokens[j + 1]?.punct === '.' && tokens[j + 2]?.name !== undefined) j += 2;
    const table = tokens[j]?.name ?? '';
    const alias = tokens[j + 1]?.word === 'as' ? tokens[j + 2] : tokens[j + 1];
    aliases.set(table, table);
    if (alias?.name !== undefined && !sqlKeywords.has(alias.name)) aliases.set(alias.name, table);
  }
  return aliases;
}

/** Words, quoted names and punctuation; string literals and comments are skipped. One pass, `indexOf` for closers. */
function sqlTokens(text: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text.charAt(i);
    if (char === ' ' || char === '\n' || char === '\t' || char === '\r') {
      i++;
    } else if (char === '-' && text.charAt(i + 1) === '-') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (char === '/' && text.charAt(i + 1) === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
    } else if (char === "'") {
      const end = text.indexOf("'", i + 1);
      i = end === -1 ? text.length : end + 1;
      tokens.push({ punct: "'" });
    } else if (char === '"' || char === '`') {
      const end = text.indexOf(char, i + 1);
      const raw = text.slice(i + 1, end === -1 ? text.length : end);
      i = end === -1 ? text.length : end + 1;
      tokens.push({ name: raw.toLowerCase(), raw });
    } else if (isWordChar(char)) {
      let end = i;
      while (end < text.length && (isWordChar(text.charAt(end)) || text.charAt(end) === '$')) end++;
      const raw = text.slice(i, end);
      tokens.push({ word: raw.toLowerCase(), name: raw.toLowerCase(), raw });
      i = end;
    } else {
      tokens.push({ punct: char });
      i++;
    }
  }
  return tokens;
}

function isWordChar(char: string): boolean {
  return (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || (char >= '0' && char <= '9') || char === '_';
}
