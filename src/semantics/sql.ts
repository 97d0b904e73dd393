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
  /** Columns named in `INSERT INTO t (a, b)`, lower-cased: an insert that sets the key is refused on a repeat. */
  readonly insertColumns?: readonly string[];
  /** `SET x = x + …` / `x = x - …`: a replay applies the change twice. */
  readonly incrementsColumn?: boolean;
}

/** Placeholder for `${…}` parts of a template literal. */
export const sqlPlaceholder = '?';

const maxSqlLength = 100_000;
const dmlVerbs: ReadonlySet<string> = new Set(['insert', 'update', 'delete', 'merge', 'replace', 'upsert', 'truncate']);

interface Token {
  /** An unquoted, unqualified word, lower-cased: a keyword or a plain name. */
  readonly word?: string;
  readonly punct?: string;
  /** A quoted or qualified name, lower-cased: never a keyword. Only its last part is kept. */
  readonly identifier?: string;
  /** The part before the last of a qualified name (`o` in `o.total`). */
  readonly qualifier?: string;
  /** A name followed by a `.`, waiting for its next part. */
  readonly pendingQualifier?: string;
}

/** A string literal, whatever its quoting. */
const stringToken: Token = { punct: "'" };

/** Words that may stand between INSERT/REPLACE/UPSERT/MERGE and INTO. */
const beforeInto: ReadonlySet<string> = new Set(['insert', 'ignore', 'replace', 'merge', 'upsert', 'low_priority', 'high_priority', 'delayed']);
/** Words before UPDATE that make it a clause, not a statement: `FOR UPDATE`, `ON DUPLICATE KEY UPDATE`, `DO UPDATE`, MERGE's `THEN UPDATE`. */
const clauseBeforeUpdate: ReadonlySet<string> = new Set(['for', 'key', 'do', 'no', 'then']);
/** Words that follow a written table and are not its alias. */
const notAnAlias: ReadonlySet<string> = new Set(['set', 'values', 'value', 'select', 'default', 'using', 'where', 'returning', 'on', 'from', 'output', 'with', 'partition', 'overriding', 'table', 'only', 'cascade', 'restart', 'continue']);
/** Postgres truncates identifiers, dollar-quote tags included, at 63 bytes. */
const maxDollarTagLength = 64;

export function classifySql(text: string): SqlClassification {
  const statements = splitStatements(tokenize(text.length > maxSqlLength ? text.slice(0, maxSqlLength) : text));
  const kinds = statements.map(classifyStatement);
  const writtenTables = kinds.flatMap((k) => k.writtenTables);
  const readTables = kinds.flatMap((k) => k.readTables);
  return {
    // One text that begins, writes and commits is a single atomic write.
    kind: kinds.some((k) => k.kind === 'write') ? 'write' : netKind(kinds),
    writtenTables,
    readTables,
    insertsWithoutConflictHandling: kinds.some((k) => k.insertsWithoutConflictHandling === true),
    insertColumns: kinds.flatMap((k) => k.insertColumns ?? []),
    incrementsColumn: kinds.some((k) => k.incrementsColumn === true),
  };
}

/**
 * The kind of a text that writes nothing: the transaction state it leaves behind. `BEGIN; SELECT
 * …; COMMIT` opens and closes its own transaction (a read); `SELECT 1; BEGIN` leaves one open.
 */
function netKind(kinds: readonly SqlClassification[]): SqlKind {
  let boundary: SqlKind | undefined;
  let beganHere = false;
  for (const { kind } of kinds) {
    if (kind === 'tx-begin') {
      boundary = kind;
      beganHere = true;
    } else if (kind === 'tx-commit' || kind === 'tx-rollback') {
      boundary = beganHere ? undefined : kind;
      beganHere = false;
    }
  }
  return boundary ?? (kinds.some((k) => k.kind === 'read') ? 'read' : 'other');
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
    case 'abort': {
      // `ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT] x` keeps the transaction open.
      const afterNoise = second === 'work' || second === 'transaction' ? tokens[2]?.word : second;
      return { kind: afterNoise === 'to' ? 'other' : 'tx-rollback', ...none };
    }
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
  /** Written tables and their aliases: `accounts.balance` and `a.balance` name a written column. */
  const ownNames = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]?.word;
    if (word === undefined) continue;
    const at = writeTargetAt(tokens, i, word);
    const target = at === undefined ? undefined : tableNameAt(tokens, at);
    if (at !== undefined && target !== undefined) {
      writtenTables.push(target);
      ownNames.add(target);
      const alias = aliasAt(tokens, at + 1);
      if (alias !== undefined) ownNames.add(alias);
    } else if ((word === 'from' || word === 'join') && tokens[i - 1]?.word !== 'delete') {
      const table = tableNameAt(tokens, i + 1);
      if (table !== undefined) readTables.push(table);
    }
  }
  // `SELECT … FOR UPDATE` locks rows and writes nothing: only a found target, or a DML verb, is a write.
  const isWrite = writtenTables.length > 0 || dmlVerbs.has(tokens[0]?.word ?? '');
  return {
    kind: isWrite ? 'write' : 'read',
    writtenTables,
    readTables,
    insertsWithoutConflictHandling: tokens.some((t) => t.word === 'insert') && !handlesConflict(tokens),
    insertColumns: insertColumnsOf(tokens),
    incrementsColumn: hasSelfIncrement(tokens, ownNames),
  };
}

/** The column list of the first `INSERT INTO t (…)`. */
function insertColumnsOf(tokens: readonly Token[]): string[] {
  const into = tokens.findIndex((t, i) => t.word === 'into' && tokens[i - 1]?.word === 'insert');
  if (into === -1 || tokens[into + 2]?.punct !== '(') return [];
  const columns: string[] = [];
  for (let i = into + 3; i < tokens.length && tokens[i]?.punct !== ')'; i++) {
    const name = tokens[i]?.identifier ?? tokens[i]?.word;
    if (name !== undefined) columns.push(name);
  }
  return columns;
}

/** The index of the table an INSERT/UPDATE/DELETE/TRUNCATE at `i` writes, if `i` starts one. */
function writeTargetAt(tokens: readonly Token[], i: number, word: string): number | undefined {
  const next = tokens[i + 1]?.word;
  switch (word) {
    case 'into':
      return beforeInto.has(tokens[i - 1]?.word ?? '') ? i + 1 : undefined;
    case 'update': {
      if (clauseBeforeUpdate.has(tokens[i - 1]?.word ?? '')) return undefined;
      const at = next === 'only' ? i + 2 : i + 1;
      // `… UPDATE SET x = 1` names no table: `set` is never one.
      return tokens[at]?.word === 'set' ? undefined : at;
    }
    case 'delete':
      if (tokens[i - 1]?.word === 'on' || next !== 'from') return undefined;
      return tokens[i + 2]?.word === 'only' ? i + 3 : i + 2;
    case 'truncate':
      return next === 'table' ? i + 2 : i + 1;
    default:
      return undefined;
  }
}

/** `orders o`, `orders AS o`: the alias after a written table. */
function aliasAt(tokens: readonly Token[], i: number): string | undefined {
  const at = tokens[i]?.word === 'as' ? i + 1 : i;
  const token = tokens[at];
  if (token?.identifier !== undefined && token.qualifier === undefined) return token.identifier;
  return token?.word !== undefined && !notAnAlias.has(token.word) ? token.word : undefined;
}

/** ON CONFLICT, ON DUPLICATE KEY, INSERT IGNORE, INSERT OR IGNORE|REPLACE (SQLite), or an INSERT inside a MERGE. */
function handlesConflict(tokens: readonly Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]?.word;
    const previous = tokens[i - 1]?.word;
    const next = tokens[i + 1]?.word;
    if (word === 'merge') return true;
    if (word === 'on' && (next === 'conflict' || next === 'duplicate')) return true;
    if (word === 'ignore' && (next === 'into' || previous === 'insert' || previous === 'or')) return true;
    if (word === 'replace' && previous === 'or' && tokens[i - 2]?.word === 'insert') return true;
  }
  return false;
}

/** `col = col + …` or `col = col - …`, as in `balance = balance + $1` or `balance = accounts.balance - 1`. */
function hasSelfIncrement(tokens: readonly Token[], ownNames: ReadonlySet<string>): boolean {
  for (let i = 0; i + 3 < tokens.length; i++) {
    const column = tokens[i];
    const operand = tokens[i + 2];
    if (column === undefined || operand === undefined || tokens[i + 1]?.punct !== '=') continue;
    const name = nameOf(column);
    if (name === undefined || name !== nameOf(operand)) continue;
    const sameColumn = operand.qualifier === column.qualifier || (operand.qualifier !== undefined && column.qualifier === undefined && ownNames.has(operand.qualifier));
    const operator = tokens[i + 3]?.punct;
    if (sameColumn && (operator === '+' || operator === '-')) return true;
  }
  return false;
}

function nameOf(token: Token): string | undefined {
  return token.identifier ?? token.word;
}

function tableNameAt(tokens: readonly Token[], i: number): string | undefined {
  const token = tokens[i];
  if (token === undefined) return undefined;
  return nameOf(token) ?? (token.punct === sqlPlaceholder ? sqlPlaceholder : undefined);
}

function splitStatements(tokens: readonly Token[]): Token[][] {
  const statements: Token[][] = [[]];
  for (const token of tokens) {
    if (token.punct === ';') statements.push([]);
    else statements.at(-1)?.push(token);
  }
  return statements.filter((s) => s.length > 0);
}

/** One pass over the text; every scan ahead (a string, a comment, a quoted name) moves past what it read. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    const tagEnd = ch === '$' ? dollarTagEnd(text, i) : -1;
    // A word or a quoted or qualified name can be qualified by a `.`; a pending `a.` cannot.
    const previous = tokens.at(-1);
    const qualifiable = ch === '.' && previous !== undefined ? nameOf(previous) : undefined;
    if (ch === '-' && text.charAt(i + 1) === '-') {
      i = indexOrEnd(text, '\n', i + 2);
    } else if (ch === '/' && text.charAt(i + 1) === '*') {
      i = indexOrEnd(text, '*/', i + 2) + 2;
    } else if (ch === "'") {
      // PostgreSQL's E'…' escapes with a backslash: `E'it\'s'`.
      const escaped = tokens.at(-1)?.word === 'e' && (text.charAt(i - 1) === 'e' || text.charAt(i - 1) === 'E');
      if (escaped) tokens.pop();
      const close = escaped ? closingEscapedQuote(text, i) : closingQuote(text, i, "'");
      i = close === -1 ? text.length : close + 1;
      tokens.push(stringToken);
    } else if (tagEnd !== -1) {
      // PostgreSQL's `$tag$ … $tag$` and `$$ … $$` strings; `$1` is a placeholder.
      const tag = text.slice(i, tagEnd);
      const close = text.indexOf(tag, tagEnd);
      i = close === -1 ? text.length : close + tag.length;
      tokens.push(stringToken);
    } else if (ch === '"' || ch === '`' || ch === '[') {
      const closeChar = ch === '[' ? ']' : ch;
      const close = closingQuote(text, i, closeChar);
      const end = close === -1 ? text.length : close;
      appendName(tokens, text.slice(i + 1, end).replaceAll(closeChar + closeChar, closeChar).toLowerCase(), true);
      i = close === -1 ? text.length : close + 1;
    } else if (isWordChar(ch)) {
      let end = i + 1;
      while (end < text.length && isWordChar(text.charAt(end))) end++;
      appendName(tokens, text.slice(i, end).toLowerCase(), false);
      i = end;
    } else if (ch === '.' && qualifiable !== undefined) {
      // `schema.table`: keep only the last part, so that `a.a.a.…` stays linear.
      tokens[tokens.length - 1] = { pendingQualifier: qualifiable };
      i++;
    } else {
      if (ch.trim() !== '') tokens.push({ punct: ch });
      i++;
    }
  }
  return tokens;
}

/** Appends a name, or completes a pending `schema.` one. Quoted names are never keywords. */
function appendName(tokens: Token[], part: string, quoted: boolean): void {
  const qualifier = tokens.at(-1)?.pendingQualifier;
  if (qualifier !== undefined) tokens[tokens.length - 1] = { identifier: part, qualifier };
  else tokens.push(quoted ? { identifier: part } : { word: part });
}

/** The index of the quote closing the one at `start` (a doubled quote is an escaped quote), or -1. */
function closingQuote(text: string, start: number, close: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text.charAt(i) === close) {
      if (text.charAt(i + 1) !== close) return i;
      i += 2;
    } else {
      i++;
    }
  }
  return -1;
}

/** Like closingQuote for `'`, where a backslash also escapes the next character. */
function closingEscapedQuote(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === '\\') {
      i += 2;
    } else if (ch === "'") {
      if (text.charAt(i + 1) !== "'") return i;
      i += 2;
    } else {
      i++;
    }
  }
  return -1;
}

/** The end of a `$tag$` / `$$` opener at `start` (a tag never starts with a digit, so `$1` is not one), or -1. */
function dollarTagEnd(text: string, start: number): number {
  const limit = Math.min(text.length, start + maxDollarTagLength + 1);
  for (let i = start + 1; i < limit; i++) {
    const ch = text.charAt(i);
    if (ch === '$') return i + 1;
    const isTagChar = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_' || (i > start + 1 && ch >= '0' && ch <= '9') || ch.charCodeAt(0) >= 0x80;
    if (!isTagChar) return -1;
  }
  return -1;
}

function indexOrEnd(text: string, needle: string, from: number): number {
  const at = text.indexOf(needle, from);
  return at === -1 ? text.length : at;
}

function isWordChar(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch === '_' || ch === '$' || ch === sqlPlaceholder;
}
