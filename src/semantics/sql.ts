/**
 * A small, linear-time classifier for SQL text: is it a write, a read, or a transaction
 * boundary, and which tables does it write? It tokenizes by hand (no regular expressions on
 * user strings) and gives up quietly on anything it does not understand.
 */

export type SqlKind = 'write' | 'read' | 'tx-begin' | 'tx-commit' | 'tx-rollback' | 'other';

export interface SqlClassification {
  readonly kind: SqlKind;
  /** Tables the text writes to, lower-cased, without schema or quotes. */
  readonly writtenTables: readonly string[];
  /** Tables the text reads from (FROM/JOIN of a SELECT), lower-cased. */
  readonly readTables: readonly string[];
  /** An INSERT with no ON CONFLICT / ON DUPLICATE KEY / IGNORE: a replay adds a second row or fails. */
  readonly insertsWithoutConflictHandling?: boolean;
  /** `SET x = x + …` / `x = x - …`: a replay applies the change twice. */
  readonly incrementsColumn?: boolean;
}

/** Placeholder for `${…}` parts of a template literal. */
export const sqlPlaceholder = '?';

const maxSqlLength = 100_000;
const dmlVerbs: ReadonlySet<string> = new Set(['insert', 'update', 'delete', 'merge', 'replace', 'upsert', 'truncate']);

interface Token {
  readonly word?: string;
  readonly punct?: string;
  readonly identifier?: string;
}

export function classifySql(text: string): SqlClassification {
  const statements = splitStatements(tokenize(text.length > maxSqlLength ? text.slice(0, maxSqlLength) : text));
  const kinds = statements.map(classifyStatement);
  const writtenTables = kinds.flatMap((k) => k.writtenTables);
  const readTables = kinds.flatMap((k) => k.readTables);
  // One text that begins, writes and commits is a single atomic write.
  const kind = kinds.some((k) => k.kind === 'write') ? 'write' : (kinds.find((k) => k.kind !== 'other')?.kind ?? 'other');
  return {
    kind,
    writtenTables,
    readTables,
    insertsWithoutConflictHandling: kinds.some((k) => k.insertsWithoutConflictHandling === true),
    incrementsColumn: kinds.some((k) => k.incrementsColumn === true),
  };
}

function classifyStatement(tokens: readonly Token[]): SqlClassification {
  const first = tokens[0]?.word;
  const second = tokens[1]?.word;
  const none = { writtenTables: [], readTables: [] };
  switch (first) {
    case 'begin':
    case 'start':
      return { kind: first === 'start' && second !== 'transaction' ? 'other' : 'tx-begin', ...none };
    case 'commit':
    case 'end':
      return { kind: 'tx-commit', ...none };
    case 'rollback':
    case 'abort':
      return { kind: second === 'to' ? 'other' : 'tx-rollback', ...none };
    case 'insert':
    case 'update':
    case 'delete':
    case 'merge':
    case 'replace':
    case 'upsert':
    case 'truncate':
    case 'with':
    case 'select':
      return classifyDml(tokens);
    default:
      return { kind: 'other', ...none };
  }
}

/** Finds every INSERT/UPDATE/DELETE/MERGE target, including inside CTEs. */
function classifyDml(tokens: readonly Token[]): SqlClassification {
  const writtenTables: string[] = [];
  const readTables: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]?.word;
    if (word === undefined) continue;
    const target = writeTargetAfter(tokens, i, word);
    if (target !== undefined) {
      writtenTables.push(target);
    } else if ((word === 'from' || word === 'join') && tokens[i - 1]?.word !== 'delete') {
      const table = tableNameAt(tokens, i + 1);
      if (table !== undefined) readTables.push(table);
    }
  }
  // `SELECT … FOR UPDATE` locks rows and writes nothing: only a found target, or a DML verb, is a write.
  const isWrite = writtenTables.length > 0 || dmlVerbs.has(tokens[0]?.word ?? '');
  const words = new Set(tokens.map((t) => t.word));
  const inserts = words.has('insert');
  const handlesConflict = (words.has('on') && (words.has('conflict') || words.has('duplicate'))) || words.has('ignore') || words.has('merge');
  return {
    kind: isWrite ? 'write' : 'read',
    writtenTables,
    readTables,
    insertsWithoutConflictHandling: inserts && !handlesConflict,
    incrementsColumn: hasSelfIncrement(tokens),
  };
}

function writeTargetAfter(tokens: readonly Token[], i: number, word: string): string | undefined {
  const next = tokens[i + 1]?.word;
  switch (word) {
    case 'into':
      return tokens[i - 1]?.word === 'insert' || tokens[i - 1]?.word === 'ignore' || tokens[i - 1]?.word === 'replace' || tokens[i - 1]?.word === 'merge'
        ? tableNameAt(tokens, i + 1)
        : undefined;
    case 'update':
      // `FOR UPDATE`, `ON DUPLICATE KEY UPDATE`, `DO UPDATE` are not UPDATE statements.
      if (['for', 'key', 'do', 'no'].includes(tokens[i - 1]?.word ?? '')) return undefined;
      return tableNameAt(tokens, next === 'only' ? i + 2 : i + 1);
    case 'delete':
      if (tokens[i - 1]?.word === 'on' || next !== 'from') return undefined;
      return tableNameAt(tokens, tokens[i + 2]?.word === 'only' ? i + 3 : i + 2);
    case 'truncate':
      return tableNameAt(tokens, next === 'table' ? i + 2 : i + 1);
    default:
      return undefined;
  }
}

/** `col = col + …` or `col = col - …`, as in `balance = balance + $1`. */
function hasSelfIncrement(tokens: readonly Token[]): boolean {
  for (let i = 0; i + 3 < tokens.length; i++) {
    const column = tokens[i]?.word;
    if (column !== undefined && tokens[i + 1]?.punct === '=' && tokens[i + 2]?.word === column) {
      const operator = tokens[i + 3]?.punct;
      if (operator === '+' || operator === '-') return true;
    }
  }
  return false;
}

function tableNameAt(tokens: readonly Token[], i: number): string | undefined {
  const token = tokens[i];
  const name = token?.identifier ?? token?.word;
  if (name === undefined) return token?.punct === sqlPlaceholder ? sqlPlaceholder : undefined;
  const dot = name.lastIndexOf('.');
  return dot === -1 ? name : name.slice(dot + 1);
}

function splitStatements(tokens: readonly Token[]): Token[][] {
  const statements: Token[][] = [[]];
  for (const token of tokens) {
    if (token.punct === ';') statements.push([]);
    else statements.at(-1)?.push(token);
  }
  return statements.filter((s) => s.length > 0);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === '-' && text.charAt(i + 1) === '-') {
      i = indexOrEnd(text, '\n', i + 2);
    } else if (ch === '/' && text.charAt(i + 1) === '*') {
      i = indexOrEnd(text, '*/', i + 2) + 2;
    } else if (ch === "'") {
      i = skipQuoted(text, i, "'");
      tokens.push({ punct: "'" });
    } else if (ch === '"' || ch === '`' || ch === '[') {
      const close = ch === '[' ? ']' : ch;
      const end = skipQuoted(text, i, close);
      const quoted = text.slice(i + 1, end - 1).toLowerCase();
      appendIdentifierPart(tokens, quoted);
      i = end;
    } else if (isWordChar(ch)) {
      let end = i + 1;
      while (end < text.length && isWordChar(text.charAt(end))) end++;
      appendIdentifierPart(tokens, text.slice(i, end).toLowerCase());
      i = end;
    } else if (ch === '.' && tokens.at(-1)?.word !== undefined) {
      // Join `schema.table` into one word.
      const previous = tokens.pop();
      tokens.push({ identifier: `${previous?.identifier ?? previous?.word ?? ''}.` });
      i++;
    } else {
      if (ch.trim() !== '') tokens.push({ punct: ch });
      i++;
    }
  }
  return tokens;
}

/** Appends a word, or completes a pending `schema.` identifier. */
function appendIdentifierPart(tokens: Token[], part: string): void {
  const previous = tokens.at(-1);
  if (previous?.identifier?.endsWith('.') === true) {
    tokens.pop();
    tokens.push({ word: `${previous.identifier}${part}`, identifier: `${previous.identifier}${part}` });
  } else {
    tokens.push({ word: part });
  }
}

function skipQuoted(text: string, start: number, close: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text.charAt(i) === close) {
      // A doubled quote is an escaped quote.
      if (text.charAt(i + 1) === close) i += 2;
      else return i + 1;
    } else {
      i++;
    }
  }
  return text.length;
}

function indexOrEnd(text: string, needle: string, from: number): number {
  const at = text.indexOf(needle, from);
  return at === -1 ? text.length : at;
}

function isWordChar(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch === '_' || ch === '$' || ch === sqlPlaceholder;
}
