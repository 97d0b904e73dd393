import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { type Effect, getSemantics, type Handler, trackSegmentFacts } from '../src/semantics/index.js';
import { inlineCallbacksOf, isFunctionNode } from '../src/util/ast.js';
import { createRule } from '../src/util/create-rule.js';
import { describeChain } from '../src/util/messages.js';
import { promiseFateOf } from '../src/util/promise-fate.js';

export type Options = [];
export type MessageId = 'ackBeforeEffect' | 'ackWhileWorkRuns' | 'autoAckWithEffects';

/** A settled message, or work still running, on the path through a handler. */
interface Marker {
  readonly node: TSESTree.Node;
  readonly effect: Effect;
}

interface PathFacts {
  readonly handler?: Handler;
  /** The first ack on this path. */
  readonly ack?: Marker;
  /** Work started and not awaited (`processOrder(msg);` without `await`). */
  readonly pending?: Marker;
}

const outsideHandlers: PathFacts = {};
/** Roles whose work is lost if the process dies after the ack: the handler's effects. */
const workKinds: ReadonlySet<string> = new Set(['write', 'effect', 'publish', 'tx-commit', 'tx-scope']);

export default createRule<Options, MessageId>({
  name: 'no-early-ack',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow acknowledging a message before the handler's effects are done, and auto-ack consumers with effects",
      recommended: 'recommended',
      requiresTypeChecking: true,
    },
    messages: {
      ackBeforeEffect:
        '{{ack}} settles the message before {{effect}} runs. If the process dies in between, {{system}} never redelivers it and that work is lost: ack after the last effect.',
      ackWhileWorkRuns:
        '{{ack}} settles the message while {{effect}} is still running (nobody awaited it). If that work fails, {{system}} never redelivers the message: await it before the ack.',
      autoAckWithEffects:
        '{{handler}} is consumed with `{{option}}: true`, so {{system}} settles each message on delivery, yet the handler {{effect}}. A crash mid-way loses the message: consume with manual acks and ack after the work.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const semantics = getSemantics(context);
    const sourceCode = context.sourceCode;
    const flow = trackSegmentFacts<PathFacts>({ empty: outsideHandlers, merge: mergeFacts, initial: startingFacts });
    const reportedAcks = new WeakSet<TSESTree.Node>();

    return {
      ...flow.listeners,
      'CallExpression:exit': (node: TSESTree.CallExpression) => {
        const facts = flow.current();
        if (facts.handler === undefined) return;
        const effects = semantics.effectsOf(node);
        if (effects.length === 0) return;
        const ack = effects.find((e) => e.role.kind === 'ack');
        if (ack !== undefined) {
          if (facts.pending !== undefined) reportAck(node, ack, facts.pending, 'ackWhileWorkRuns');
          if (facts.ack === undefined && semantics.runsPerMessage(facts.handler, node)) flow.update((f) => ({ ...f, ack: { node, effect: ack } }));
          return;
        }
        const work = effects.find((e) => workKinds.has(e.role.kind) && e.role.outbox !== true) ?? effects.find((e) => workKinds.has(e.role.kind));
        if (work === undefined) return;
        if (facts.ack !== undefined) reportAck(facts.ack.node, facts.ack.effect, { node, effect: work }, 'ackBeforeEffect');
        else if (facts.pending === undefined && promiseFateOf(node, sourceCode) !== 'handled' && semantics.returnsPromise(node)) flow.update((f) => ({ ...f, pending: { node, effect: work } }));
      },
      ':function'(node: TSESTree.FunctionLike) {
        if (!isFunctionNode(node)) return;
        const handler = semantics.handlerOf(node);
        if (handler?.autoAck === undefined) return;
        const work = semantics.effectsOfFunction(node).find((e) => workKinds.has(e.role.kind));
        if (work === undefined) return;
        const option = semantics.esNodeOf(handler.autoAck);
        context.report({
          node: option ?? node,
          messageId: 'autoAckWithEffects',
          data: { handler: handler.name, option: optionName(option) ?? 'noAck', system: handler.system, effect: describeWork(work) },
        });
      },
    };

    function reportAck(node: TSESTree.Node, ack: Effect, work: Marker, messageId: 'ackBeforeEffect' | 'ackWhileWorkRuns'): void {
      if (reportedAcks.has(node)) return;
      reportedAcks.add(node);
      context.report({ node, messageId, data: { ack: describeChain(ack), effect: describeChain(work.effect), system: ack.role.system } });
    }

    function startingFacts(node: TSESTree.Node, outer: PathFacts): PathFacts {
      if (!isFunctionNode(node)) return outsideHandlers;
      const handler = semantics.handlerOf(node);
      if (handler !== undefined) return handler.autoAck === undefined ? { handler } : outsideHandlers;
      // A callback passed inline inside a handler (`records.map(async (r) => …)`) runs as part of it, with its own path.
      const parent = node.parent;
      if (outer.handler !== undefined && parent.type === AST_NODE_TYPES.CallExpression && inlineCallbacksOf(parent).includes(node)) return { handler: outer.handler };
      return outsideHandlers;
    }
  },
});

function mergeFacts(list: readonly PathFacts[]): PathFacts {
  const handler = list.find((f) => f.handler)?.handler;
  const ack = list.find((f) => f.ack)?.ack;
  const pending = list.find((f) => f.pending)?.pending;
  return { ...(handler === undefined ? {} : { handler }), ...(ack === undefined ? {} : { ack }), ...(pending === undefined ? {} : { pending }) };
}

function describeWork(effect: Effect): string {
  const what = effect.role.kind === 'effect' ? (effect.role.what ?? 'has a side effect') : effect.role.kind === 'publish' ? `publishes to ${effect.role.system}` : `writes to ${effect.role.system}`;
  return `${what} (${describeChain(effect)})`;
}

function optionName(node: TSESTree.Node | undefined): string | undefined {
  if (node?.type !== AST_NODE_TYPES.Property) return undefined;
  return node.key.type === AST_NODE_TYPES.Identifier ? node.key.name : undefined;
}
