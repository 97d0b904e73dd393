import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type Effect, type FileSemantics, getSemantics, runsCallbacksInline, type SegmentFacts, trackSegmentFacts } from '../src/semantics/index.js';
import { inlineCallbacksOf, isFunctionNode, isInFinallyBlock, type FunctionNode } from '../src/util/ast.js';
import type ts from 'typescript';
import { createRule } from '../src/util/create-rule.js';
import { describeChain } from '../src/util/messages.js';

export type Options = [
  {
    checkPublishBeforeWrite?: boolean;
    checkJobQueues?: boolean;
  },
];

export type MessageId = 'dualWrite' | 'publishBeforeWrite' | 'publishInTransaction' | 'publishAfterCommit' | 'publishInFinally';

/** A call seen earlier on the current path, with what it did. */
interface Seen {
  readonly node: TSESTree.Node;
  readonly effect: Effect;
  /** The call both writes and publishes: a project function with both inside, reported there. */
  readonly writesAndPublishes?: boolean;
}

/** An enclosing transaction: a callback (`prisma.$transaction(async (tx) => …)`) or a `@Transactional()` method. */
interface TransactionScope {
  /** How the message names it: `` of `prisma.$transaction` ``. */
  readonly label: string;
  readonly system: string;
}

/** What has happened on the path so far. Immutable: updates make a new object. */
interface PathFacts {
  readonly write?: Seen;
  readonly outbox: boolean;
  readonly transactionOpen?: Seen;
  readonly writeInOpenTransaction: boolean;
  readonly committed?: Seen;
  readonly publishes: readonly Seen[];
  readonly scope?: TransactionScope;
  /** The path read the outbox: it is a relay, which publishes rows the transaction claimed. */
  readonly relay: boolean;
}

const noFacts: PathFacts = { outbox: false, writeInOpenTransaction: false, publishes: [], relay: false };
const maxRememberedPublishes = 8;

export default createRule<Options, MessageId>({
  name: 'no-dual-write',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: 'Disallow writing to the database and publishing to a broker as two separate steps (use a transactional outbox)',
      recommended: 'recommended',
      requiresTypeChecking: true,
    },
    messages: {
      dualWrite:
        '{{publish}} publishes to {{broker}} after {{write}} wrote to {{database}}, with no shared transaction. If either fails or the process dies in between, they disagree for good: write the event to an outbox table in the same transaction.',
      publishBeforeWrite:
        '{{publish}} publishes to {{broker}} before {{write}} writes to {{database}}. If the write fails, consumers act on a change that never happened: write the event to an outbox table in the same transaction.',
      publishInTransaction:
        '{{publish}} publishes to {{broker}} while the {{database}} transaction{{scope}} is still open. A rollback cannot recall the message: write the event to an outbox table inside the transaction.',
      publishAfterCommit:
        '{{publish}} publishes to {{broker}} after the {{database}} transaction committed. A crash or broker error in between loses the event: write it to an outbox table inside the transaction.',
      publishInFinally:
        '{{publish}} publishes to {{broker}} in `finally`, so also after a failed write. A crash after the commit still loses the event: write it to an outbox table in the same transaction.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkPublishBeforeWrite: {
            type: 'boolean',
            description: 'Also report a publish that comes before a database write on the same path.',
          },
          checkJobQueues: {
            type: 'boolean',
            description: 'Also report jobs put on Redis-backed job queues (Bull, BullMQ) beside a database write.',
          },
        },
      },
    ],
    defaultOptions: [{ checkPublishBeforeWrite: true, checkJobQueues: true }],
  },
  create(context, [options]) {
    const semantics = getSemantics(context);
    const flow = trackSegmentFacts<PathFacts>({ empty: noFacts, merge: mergeFacts, initial: (node, outer) => startingFacts(semantics, context.sourceCode, node, outer) });
    const scan: DualWriteScan = { context, options, semantics, flow, reported: new WeakSet() };

    return {
      ...flow.listeners,
      'CallExpression:exit': (node: TSESTree.CallExpression) => {
        visitCall(scan, node);
      },
      'TaggedTemplateExpression:exit': (node: TSESTree.TaggedTemplateExpression) => {
        visitCall(scan, node);
      },
    };
  },
});

/** What the steps over one file share: the rule's context and options, the semantic layer, the path facts. */
interface DualWriteScan {
  readonly context: Readonly<TSESLint.RuleContext<MessageId, Options>>;
  readonly options: Options[0];
  readonly semantics: FileSemantics;
  readonly flow: SegmentFacts<PathFacts>;
  /** Publishes already reported: one seen on several paths is reported once. */
  readonly reported: WeakSet<TSESTree.Node>;
}

function visitCall(scan: DualWriteScan, node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression): void {
  const { semantics } = scan;
  if (!canLeadToFinding(semantics, node)) return;
  // One call that both writes and publishes (a project function) has its order inside; that
  // body is reported where it is written. Here the call is one step: its publish is checked
  // against what came before, then its write is recorded.
  const effects = [...semantics.effectsOf(node)].sort((a, b) => effectOrder(a) - effectOrder(b));
  const writesAndPublishes = effects.some((e) => e.role.kind === 'write' && e.role.outbox !== true) && effects.some((e) => e.role.kind === 'publish');
  for (const effect of effects) applyEffect(scan, node, effect, writesAndPublishes);
  if (node.type === AST_NODE_TYPES.CallExpression && runsCallbacksInline(semantics.tsNodeOf(node) as ts.CallExpression) && !isTransactionScopeCall(semantics, node)) {
    // Writes made by inline callbacks (`items.map((i) => repo.save(i))`) count on the outer path too.
    for (const callback of inlineCallbacksOf(node)) {
      for (const effect of semantics.effectsOfFunction(callback)) {
        if (effect.role.kind === 'write') applyEffect(scan, node, { role: effect.role, chain: ['callback', ...effect.chain] });
      }
    }
  }
}

/** `writesAndPublishes`: the call both writes and publishes (a project function with both inside). */
function applyEffect(scan: DualWriteScan, node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression, effect: Effect, writesAndPublishes = false): void {
  const { flow } = scan;
  const facts = flow.current();
  const seen: Seen = { node, effect, writesAndPublishes };
  switch (effect.role.kind) {
    case 'publish':
      if (effect.role.jobQueue === true && scan.options.checkJobQueues !== true) break;
      checkPublish(scan, seen, facts);
      flow.update((f) => ({ ...f, publishes: [...f.publishes, seen].slice(-maxRememberedPublishes) }));
      break;
    case 'write':
      if (effect.role.outbox === true) {
        flow.update((f) => ({ ...f, outbox: true }));
      } else {
        checkPublishesBeforeWrite(scan, seen, facts);
        flow.update((f) => ({ ...f, write: f.write ?? seen, writeInOpenTransaction: f.transactionOpen !== undefined }));
      }
      break;
    case 'read':
      if (effect.role.outbox === true) flow.update((f) => ({ ...f, relay: true }));
      break;
    case 'tx-begin':
      flow.update((f) => ({ ...f, transactionOpen: seen, writeInOpenTransaction: false }));
      break;
    case 'tx-commit':
      flow.update((f) => ({
        ...f,
        transactionOpen: undefined,
        committed: f.writeInOpenTransaction ? (f.committed ?? seen) : f.committed,
      }));
      break;
    case 'tx-rollback':
      flow.update((f) => ({ ...f, transactionOpen: undefined }));
      break;
    case 'tx-scope':
      applyTransactionScope(scan, seen);
      break;
    default:
      break;
  }
}

/** After `await prisma.$transaction(cb)` the callback's writes are committed. */
function applyTransactionScope(scan: DualWriteScan, seen: Seen): void {
  const callback = callbackOfScope(seen.node, seen.effect);
  if (callback === undefined) return;
  const effects = scan.semantics.effectsOfFunction(callback);
  const outbox = effects.some((e) => e.role.kind === 'write' && e.role.outbox === true);
  const stateWrite = effects.some((e) => e.role.kind === 'write' && e.role.outbox !== true);
  scan.flow.update((f) => ({ ...f, outbox: f.outbox || outbox, committed: stateWrite ? (f.committed ?? seen) : f.committed }));
}

function checkPublish(scan: DualWriteScan, publish: Seen, facts: PathFacts): void {
  // A relay claims outbox rows (often `FOR UPDATE SKIP LOCKED` in a transaction) and publishes them: by design.
  if (facts.relay) return;
  const base = publishData(publish);
  if (facts.scope !== undefined) {
    report(scan, publish.node, 'publishInTransaction', { ...base, database: facts.scope.system, scope: ` of \`${facts.scope.label}\`` });
    return;
  }
  const earlierWrite = facts.write ?? facts.committed ?? facts.transactionOpen;
  // Two calls that each write and publish inside (`setState(a)`, `setState(b)`): both are reported inside.
  if (publish.writesAndPublishes === true && earlierWrite?.writesAndPublishes === true) return;
  if (facts.outbox || earlierWrite === undefined) {
    if (facts.transactionOpen !== undefined) report(scan, publish.node, 'publishInTransaction', { ...base, database: facts.transactionOpen.effect.role.system, scope: '' });
    return;
  }
  const database = earlierWrite.effect.role.system;
  if (isInFinallyBlock(publish.node)) report(scan, publish.node, 'publishInFinally', { ...base, database });
  else if (facts.transactionOpen !== undefined) report(scan, publish.node, 'publishInTransaction', { ...base, database, scope: '' });
  else if (facts.committed !== undefined) report(scan, publish.node, 'publishAfterCommit', { ...base, database: facts.committed.effect.role.system });
  else if (facts.write !== undefined) report(scan, publish.node, 'dualWrite', { ...base, write: describeChain(facts.write.effect), database });
}

function checkPublishesBeforeWrite(scan: DualWriteScan, write: Seen, facts: PathFacts): void {
  if (scan.options.checkPublishBeforeWrite !== true || facts.outbox || facts.relay || facts.scope !== undefined) return;
  for (const publish of facts.publishes) {
    // A call that writes and publishes in one is reported inside; a later write does not make it a publish-first.
    if (publish.node === write.node || publish.writesAndPublishes === true) continue;
    // A job is a request to a worker, not an announcement of the change: scheduling it first is ordinary sequencing.
    if (publish.effect.role.jobQueue === true) continue;
    report(scan, publish.node, 'publishBeforeWrite', { ...publishData(publish), write: describeChain(write.effect), database: write.effect.role.system });
  }
}

function startingFacts(semantics: FileSemantics, sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, outer: PathFacts): PathFacts {
  // What a path starts with matters only to a publish on it or below it.
  if (!isFunctionNode(node) || !semantics.mayPublishIn(node)) return noFacts;
  if (node.parent.type === AST_NODE_TYPES.MethodDefinition && node.parent.decorators.length > 0) {
    const decorated = semantics.transactionDecoratorOf(node);
    return decorated === undefined ? noFacts : { ...noFacts, scope: { label: decorated.label, system: decorated.system } };
  }
  if (node.parent.type !== AST_NODE_TYPES.CallExpression) return noFacts;
  const call = node.parent;
  if (!call.arguments.includes(node as TSESTree.CallExpressionArgument)) return noFacts;
  const scopeEffect = semantics.effectsOf(call, 'tx-scope').find((e) => e.role.kind === 'tx-scope');
  if (scopeEffect !== undefined && callbackOfScope(call, scopeEffect) === node) {
    return { ...noFacts, scope: { label: sourceCode.getText(call.callee), system: scopeEffect.role.system } };
  }
  // A callback that runs as part of the call (`items.map(cb)`, `await withRetry(cb)`) continues the
  // outer path; one registered to run later (`router.post(path, handler)`) starts its own.
  return runsCallbacksInline(semantics.tsNodeOf(call) as ts.CallExpression) ? outer : noFacts;
}

function isTransactionScopeCall(semantics: FileSemantics, node: TSESTree.CallExpression): boolean {
  return semantics.effectsOf(node, 'tx-scope').some((e) => e.role.kind === 'tx-scope');
}

/**
 * Every finding ends at a publish. A call in a function that cannot publish (by the names it
 * calls, through the functions nested in it) cannot lead to one: it is not resolved at all,
 * which keeps most of the code away from the checker.
 */
/**
 * A finding needs a publish on the call's path: in its function (which its names may call, and
 * which the checker confirms for the publish candidates only) or at the module's top level.
 * Only then are the function's other calls resolved for writes.
 */
function canLeadToFinding(semantics: FileSemantics, node: TSESTree.Node): boolean {
  // `Program.parent` is null at run time, though typed `undefined`.
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.Program) return semantics.mayPublishIn(parent);
    if (isFunctionNode(parent)) return semantics.mayPublishIn(parent) && semantics.effectsOfFunction(parent, 'publish').some((e) => e.role.kind === 'publish');
  }
  return false;
}

function report(
  scan: DualWriteScan,
  node: TSESTree.Node,
  messageId: MessageId,
  data: Record<string, string>,
  suggest: TSESLint.SuggestionReportDescriptor<MessageId>[] = [],
): void {
  if (scan.reported.has(node)) return;
  scan.reported.add(node);
  scan.context.report({ node, messageId, data, suggest });
}

function mergeFacts(list: readonly PathFacts[]): PathFacts {
  const publishes = [...new Set(list.flatMap((f) => f.publishes))].slice(-maxRememberedPublishes);
  return {
    write: list.find((f) => f.write)?.write,
    outbox: list.some((f) => f.outbox),
    transactionOpen: list.find((f) => f.transactionOpen)?.transactionOpen,
    writeInOpenTransaction: list.some((f) => f.writeInOpenTransaction),
    committed: list.find((f) => f.committed)?.committed,
    publishes,
    scope: list.find((f) => f.scope)?.scope,
    relay: list.some((f) => f.relay),
  };
}

function callbackOfScope(node: TSESTree.Node, effect: Effect): FunctionNode | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || effect.role.callbackIndex === undefined) return undefined;
  const callback = node.arguments[effect.role.callbackIndex];
  return callback !== undefined && isFunctionNode(callback) ? callback : undefined;
}

/** Within one call: outbox writes, then publishes, then state writes. */
function effectOrder(effect: Effect): number {
  if (effect.role.kind === 'write') return effect.role.outbox === true ? 0 : 2;
  return 1;
}

function publishData(publish: Seen): Record<string, string> {
  return { publish: describeChain(publish.effect), broker: publish.effect.role.system };
}

