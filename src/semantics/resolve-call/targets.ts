import ts from 'typescript';
import { callableEntries, methodEntriesByName, ownerMatches, type MethodEntry } from '../catalogue/index.js';
import { declarationMatchesSpecifier, ownerNameOf, packageOfDeclaration } from '../declarations.js';
import { payloadExpressions } from '../payloads.js';
import type { Role } from '../roles.js';
import type { FunctionSpecifier } from '../settings.js';
import { classifySql } from '../sql.js';
import { guard } from '../../util/guard.js';
import { calleeNameOf, labelOf } from './call-labels.js';
import { calleeDeclarationsOf, declarationsBySignature } from './callee-declarations.js';
import { roleFromCommand } from './commands.js';
import type { ResolverContext } from './context.js';
import { hasPropertyNamed, hasPropertyValue } from './properties.js';
import { firstArgument, isSqlTaggedTemplate, sqlTextOf, templateText } from './sql-text.js';
import { targetsOutbox, withLazyOutbox } from './target-names.js';
import type { CallLike, LibraryCall } from './types.js';

/** The system of an outbox writer named in settings: the outbox is all that is known of it. */
export const settingsOutboxSystem = 'outbox';

/** The role of a call to a catalogued library API or a settings-named function. */
export function libraryCallOf(context: ResolverContext, call: CallLike): LibraryCall | undefined {
  const cached = context.libraryCalls.get(call);
  if (cached !== undefined) return cached ?? undefined;
  const resolved = guard(() => computeLibraryCall(context, call), undefined);
  context.libraryCalls.set(call, resolved ?? null);
  return resolved;
}

function computeLibraryCall(context: ResolverContext, call: CallLike): LibraryCall | undefined {
  const name = calleeNameOf(call);
  if (name === undefined) return undefined;
  const entries = methodEntriesByName.get(name);
  const maybeCommand = name === 'send' && ts.isCallExpression(call) && call.arguments.length > 0;
  // Syntax first: most calls are ruled out here without asking the checker anything.
  if (entries === undefined && !maybeCommand && !context.settingsNames.has(name)) return isSqlTaggedTemplate(call) ? callableLibraryCall(context, call) : undefined;

  const declarations = calleeDeclarationsOf(context, call);
  const role =
    roleFromSettings(context, declarations) ??
    (maybeCommand ? roleFromCommand(context, call, declarations) : undefined) ??
    roleFromCatalogue(context, call, declarations, entries ?? []);
  if (role === undefined) return undefined;
  const sql = context.sqlClassifications.get(call);
  const payloads = context.payloadsByCall.get(call);
  const entry = context.matchedEntries.get(call);
  const repeat = entry?.repeat ?? context.commandRepeats.get(call);
  const partitionKey = context.partitionKeys.get(call);
  return {
    role,
    label: labelOf(call),
    ...(sql === undefined ? {} : { sql }),
    ...(payloads === undefined || role.kind !== 'publish' ? {} : { payloads }),
    ...(entry === undefined ? {} : { entry }),
    ...(repeat === undefined ? {} : { repeat }),
    ...(partitionKey === undefined || role.kind !== 'publish' ? {} : { partitionKey }),
  };
}

/** postgres.js `` sql`INSERT …` ``: the client is the function, known by the call signature it declares. */
function callableLibraryCall(context: ResolverContext, call: ts.TaggedTemplateExpression): LibraryCall | undefined {
  for (const declaration of declarationsBySignature(context.checker, call)) {
    const pkg = packageOfDeclaration(declaration);
    const owner = ownerNameOf(declaration);
    const entry = callableEntries.find((e) => pkg !== undefined && owner !== undefined && e.packages.includes(pkg) && e.owners.includes(owner));
    if (entry === undefined) continue;
    const sql = classifySql(templateText(call.template));
    context.sqlClassifications.set(call, sql);
    if (sql.kind === 'other') return undefined;
    const role: Role = { kind: sql.kind, system: entry.system };
    const tables = sql.kind === 'write' ? sql.writtenTables : sql.kind === 'read' ? sql.readTables : undefined;
    return { role: tables === undefined ? role : withLazyOutbox(role, () => targetsOutbox(context, call, tables)), label: labelOf(call), sql };
  }
  return undefined;
}

function roleFromSettings(context: ResolverContext, declarations: readonly ts.Declaration[]): Role | undefined {
  const { settings, program } = context;
  if (context.settingsNames.size === 0) return undefined;
  const matches = (specs: readonly FunctionSpecifier[]): boolean =>
    declarations.some((d) => specs.some((spec) => declarationMatchesSpecifier(d, spec, program)));
  if (matches(settings.guards)) return { kind: 'guard', system: 'dedupe (settings)' };
  if (matches(settings.outboxWriters)) return { kind: 'write', system: settingsOutboxSystem, outbox: true };
  if (matches(settings.publishers)) return { kind: 'publish', system: 'a broker (settings)' };
  if (matches(settings.writers)) return { kind: 'write', system: 'the database (settings)' };
  if (matches(settings.failureRecorders)) return { kind: 'nack', system: 'a failure recorder (settings)' };
  return undefined;
}

function roleFromCatalogue(context: ResolverContext, call: CallLike, declarations: readonly ts.Declaration[], entries: readonly MethodEntry[]): Role | undefined {
  for (const declaration of declarations) {
    const pkg = packageOfDeclaration(declaration);
    if (pkg === undefined) continue;
    const owner = ownerNameOf(declaration);
    const entry = entries.find((e) => e.packages.includes(pkg) && ownerMatches(e, owner));
    if (entry === undefined) continue;
    context.matchedEntries.set(call, entry);
    return roleFromEntry(context, entry, call);
  }
  return undefined;
}

function roleFromEntry(context: ResolverContext, entry: MethodEntry, call: CallLike): Role | undefined {
  const system = entry.system;
  switch (entry.role) {
    case 'sql':
      return roleFromSqlEntry(context, entry, call);
    case 'tx-scope':
      return roleFromTransactionScopeEntry(entry, call);
    case 'write': {
      if (ts.isTaggedTemplateExpression(call)) context.sqlClassifications.set(call, classifySql(templateText(call.template)));
      return withLazyOutbox({ kind: 'write', system }, () => targetsOutbox(context, call, context.sqlClassifications.get(call)?.writtenTables ?? []));
    }
    case 'effect':
      if (entry.onlyWhen !== undefined && !hasPropertyValue(call, entry.onlyWhen.property, entry.onlyWhen.values)) return undefined;
      // A provider's idempotency key (`{ idempotencyKey }`, an `Idempotency-Key` header) makes the repeat harmless.
      if (entry.idempotentWith?.some((property) => hasPropertyNamed(call, property)) === true) return undefined;
      return { kind: 'effect', system, what: entry.what ?? 'has a side effect' };
    case 'read':
      return withLazyOutbox({ kind: 'read', system }, () => targetsOutbox(context, call, []));
    case 'publish':
      return roleFromPublishEntry(context, entry, call);
    default:
      return { kind: entry.role, system };
  }
}

/** A query method: the statement's text says whether it reads, writes, or opens or ends a transaction. */
function roleFromSqlEntry(context: ResolverContext, entry: MethodEntry, call: CallLike): Role | undefined {
  const system = entry.system;
  const text = sqlTextOf(context.checker, firstArgument(call), 0, entry.sqlOptions ?? []);
  if (text === undefined) return undefined;
  const sql = classifySql(text);
  context.sqlClassifications.set(call, sql);
  if (sql.kind === 'other') return undefined;
  // A read of the outbox (`SELECT … FROM outbox … FOR UPDATE SKIP LOCKED`) is what a relay does.
  if (sql.kind === 'read') return withLazyOutbox({ kind: 'read', system }, () => targetsOutbox(context, call, sql.readTables));
  if (sql.kind !== 'write') return { kind: sql.kind, system };
  return withLazyOutbox({ kind: 'write', system }, () => targetsOutbox(context, call, sql.writtenTables));
}

function roleFromTransactionScopeEntry(entry: MethodEntry, call: CallLike): Role | undefined {
  const system = entry.system;
  const args = ts.isCallExpression(call) ? call.arguments : [];
  const index = entry.callbackIndex === -1 ? args.length - 1 : (entry.callbackIndex ?? 0);
  const callback = args[index];
  // The callback written in place, or a reference to one (`session.withTransaction(work)` inside a wrapper).
  if (callback !== undefined && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback) || ts.isIdentifier(callback) || ts.isPropertyAccessExpression(callback))) {
    return { kind: 'tx-scope', system, callbackIndex: index, ...(entry.handleRequired === true ? { handleRequired: true } : {}) };
  }
  // `knex.transaction()` / `sequelize.transaction()` without a callback hand back a transaction to commit.
  return args.some((a) => ts.isArrayLiteralExpression(a)) ? undefined : { kind: 'tx-begin', system };
}

function roleFromPublishEntry(context: ResolverContext, entry: MethodEntry, call: CallLike): Role {
  const { checker } = context;
  const system = entry.system;
  // A job enqueued through the caller's own connection commits with its transaction: an outbox row.
  if (entry.inCallersTransactionWith !== undefined && hasPropertyNamed(call, entry.inCallersTransactionWith)) return { kind: 'write', system, outbox: true };
  if (entry.payload !== undefined && ts.isCallExpression(call)) {
    context.payloadsByCall.set(call, payloadExpressions(checker, call.arguments[entry.payload.argument], entry.payload));
  }
  if (entry.partitionKey !== undefined && ts.isCallExpression(call)) {
    context.partitionKeys.set(call, { location: entry.partitionKey, messages: payloadExpressions(checker, call.arguments[entry.partitionKey.argument], entry.partitionKey) });
  }
  return {
    kind: 'publish',
    system,
    ...(entry.expectsReply === true ? { expectsReply: true } : {}),
    ...(entry.jobQueue === true ? { jobQueue: true } : {}),
    ...(entry.idempotentWith === undefined ? {} : { idempotentWith: entry.idempotentWith }),
  };
}
