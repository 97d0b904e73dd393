import ts from 'typescript';
import { calleeNameOf, hasPropertyNamed, type CallLike, type CallResolver, type LibraryCall } from './resolve-call/index.js';
import type { Role } from './roles.js';

/**
 * What a library call means for a consumer that may see the same message twice: a guard that
 * records or checks the message's identity, a side effect that a redelivery repeats, or
 * neither (an idempotent write such as an upsert or `SET status = 'paid'`).
 */

/** Tables, keys and models that hold "already handled" markers. Linear: one alternation. */
export const dedupeStoreName = /processed|consumed|inbox|dedup|idempot|handled|already/iu;

export function idempotencyRoleOf(call: CallLike, library: LibraryCall, resolver: CallResolver): Role | undefined {
  const { role } = library;
  const method = calleeNameOf(call) ?? '';
  switch (role.kind) {
    case 'effect':
      return role;
    case 'kv':
      if (recordsIfAbsent(call, library.entry?.guardWhen)) return guard(role);
      // For a key-value store, the key itself names the store: `sismember('processed-events', id)`.
      return touchesDedupeStore(call, resolver) || dedupeStoreName.test(firstArgumentText(call)) ? guard(role) : undefined;
    case 'read':
      return touchesDedupeStore(call, resolver) ? guard(role) : undefined;
    case 'write':
      if (role.outbox === true) return undefined;
      if (touchesDedupeStore(call, resolver)) return guard(role);
      return repeatedWrite(call, library, method);
    case 'publish':
      // A job queue drops the second `add` of a job with the same id (`jobId`); without one, a redelivery enqueues it twice.
      if (role.jobQueue === true && role.idempotentWith !== undefined && !role.idempotentWith.some((property) => hasPropertyNamed(call, property))) {
        return { kind: 'effect', system: role.system, what: `enqueues a job without a \`${role.idempotentWith.join('` or `')}\`` };
      }
      return undefined;
    default:
      return undefined;
  }
}

function repeatedWrite(call: CallLike, library: LibraryCall, method: string): Role | undefined {
  const system = library.role.system;
  const sql = library.sql;
  if (sql !== undefined) {
    if (sql.incrementsColumn === true) return { kind: 'effect', system, what: 'adds to a column' };
    // An insert that sets the key (`id`, `event_id`) is refused by the primary key when repeated.
    if (sql.insertsWithoutConflictHandling === true && !(sql.insertColumns ?? []).some((c) => keyColumns.has(c))) {
      return { kind: 'effect', system, what: 'inserts a row' };
    }
    return undefined;
  }
  const repeat = library.repeat;
  if (repeat?.accumulates?.includes(method) === true) return { kind: 'effect', system, what: 'changes a counter' };
  for (const [operator, what] of Object.entries(repeat?.accumulatingOperators ?? {})) {
    if (hasPropertyNamed(call, operator)) return { kind: 'effect', system, what };
  }
  if (
    repeat?.inserts?.includes(method) === true &&
    !(repeat.conflictOptions ?? []).some((option) => hasPropertyNamed(call, option)) &&
    !hasConflictInChain(call, repeat.conflictChain ?? []) &&
    !setsKeyFromData(call)
  ) {
    return { kind: 'effect', system, what: 'inserts a row' };
  }
  if (repeat?.accumulatingExpression !== undefined && addsInUpdateExpression(call, repeat.accumulatingExpression)) return { kind: 'effect', system, what: 'adds to an attribute' };
  return undefined;
}

/** Keys a repeated insert collides on: the row's own id, or the event's. */
const keyColumns: ReadonlySet<string> = new Set(['id', '_id', 'event_id', 'eventid', 'message_id', 'messageid']);

/** `Model.create({ ...ticket, _id: ticket.id })`: the key comes from the message, so a repeat is refused. */
function setsKeyFromData(call: CallLike): boolean {
  const first = ts.isCallExpression(call) ? call.arguments[0] : undefined;
  const objects = first === undefined ? [] : ts.isArrayLiteralExpression(first) ? first.elements : [first];
  return objects.some(
    (object) =>
      ts.isObjectLiteralExpression(object) &&
      object.properties.some((property) => {
        const name = property.name?.getText().replace(/['"]/gu, '');
        if (name === undefined || !keyColumns.has(name.toLowerCase())) return false;
        if (ts.isShorthandPropertyAssignment(property)) return true;
        // A key generated here (`randomUUID()`, `new ObjectId()`) is new on every delivery.
        return ts.isPropertyAssignment(property) && !ts.isCallExpression(property.initializer) && !ts.isNewExpression(property.initializer);
      }),
  );
}

function touchesDedupeStore(call: CallLike, resolver: CallResolver): boolean {
  return resolver.targetNamesOf(call).some((name) => dedupeStoreName.test(name));
}

function guard(role: Role): Role {
  return { kind: 'guard', system: role.system };
}

/** `SETNX`, or `SET k v NX` / `set(k, v, { NX: true })` / `{ condition: 'NX' }` when the entry names the flag. */
function recordsIfAbsent(call: CallLike, guardWhen: 'always' | { readonly flag: string } | undefined): boolean {
  if (guardWhen === undefined) return false;
  if (guardWhen === 'always') return true;
  const flag = guardWhen.flag;
  if (!ts.isCallExpression(call)) return false;
  return call.arguments.some((a) => (ts.isStringLiteralLike(a) && a.text.toUpperCase() === flag) || (ts.isObjectLiteralExpression(a) && hasFlag(a, flag)));
}

function hasFlag(options: ts.ObjectLiteralExpression, flag: string): boolean {
  return options.properties.some(
    (p) => ts.isPropertyAssignment(p) && (p.name.getText() === flag || (ts.isStringLiteralLike(p.initializer) && p.initializer.text.toUpperCase() === flag)),
  );
}

/**
 * A conflict clause chained to the insert, after it (`knex('t').insert(row).onConflict('id').ignore()`,
 * drizzle's `.onConflictDoNothing()`) or before the call that runs it (Kysely's
 * `insertInto('t').values(v).onConflict(…).execute()`, TypeORM's `.orIgnore().execute()`).
 */
function hasConflictInChain(call: CallLike, methods: readonly string[]): boolean {
  if (methods.length === 0) return false;
  for (let node: ts.Node = call, hops = 0; hops < 6 && ts.isPropertyAccessExpression(node.parent); hops++) {
    if (methods.includes(node.parent.name.text)) return true;
    node = ts.isCallExpression(node.parent.parent) ? node.parent.parent : node.parent;
  }
  let receiver: ts.Expression | undefined = ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) ? call.expression.expression : undefined;
  for (let hops = 0; receiver !== undefined && hops < 12; hops++) {
    if (ts.isCallExpression(receiver)) receiver = receiver.expression;
    else if (ts.isPropertyAccessExpression(receiver)) {
      if (methods.includes(receiver.name.text)) return true;
      receiver = receiver.expression;
    } else if (ts.isParenthesizedExpression(receiver) || ts.isNonNullExpression(receiver) || ts.isAwaitExpression(receiver)) receiver = receiver.expression;
    else receiver = undefined;
  }
  return false;
}

/** `{ UpdateExpression: 'ADD #count :one' }` or `'SET #n = #n + :one'`, in the input as written. */
function addsInUpdateExpression(call: CallLike, property: string): boolean {
  if (!ts.isCallExpression(call)) return false;
  const text = call.arguments[0]?.getText() ?? '';
  const at = text.length > 5000 ? -1 : text.indexOf(property);
  if (at === -1) return false;
  // After the property: a quoted expression that starts with ADD, or sets a name to itself plus something.
  return /^\s*:\s*['"`](?:ADD\b|[^'"`]*=\s*[#\w]+\s*\+)/u.test(text.slice(at + property.length));
}

function firstArgumentText(call: CallLike): string {
  const first = ts.isCallExpression(call) ? call.arguments[0] : undefined;
  if (first === undefined) return '';
  const text = first.getText();
  return text.length > 300 ? text.slice(0, 300) : text;
}
