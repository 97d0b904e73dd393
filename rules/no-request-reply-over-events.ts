import { AST_NODE_TYPES, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';
import { type CallLike, type CorrelatedWait, fixedTransportRequestNames, getRequestReply, getSemantics, isInlineCallback, type TransportVerdict } from '../src/semantics/index.js';
import { createRule } from '../src/util/create-rule.js';
import { describeChain } from '../src/util/messages.js';

export type Options = [];
export type MessageId =
  | 'requestReply'
  | 'rpcRequest'
  | 'requestReplyUnknownTransport'
  | 'replySubscription'
  | 'replyingEventHandler'
  | 'replyingHandler'
  | 'rpcResponder'
  | 'correlatedReply';

/** What to do instead, said the same way by every message. */
const remedy = 'call the service that owns the answer (HTTP/gRPC), or read a model fed by its events';

export default createRule<Options, MessageId>({
  name: 'no-request-reply-over-events',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow request/reply over a broker: publishing a request and waiting for the reply event',
      recommended: 'recommended',
      requiresTypeChecking: true,
    },
    messages: {
      requestReply: `{{call}} sends a request over {{transport}} and waits for the reply: a slow, fragile RPC where replies get lost or orphaned. Instead, ${remedy}; publish events with \`emit\`.`,
      rpcRequest: `{{call}} publishes a request over {{transport}} and waits for the reply: a slow, fragile RPC where replies get lost or orphaned. Instead, ${remedy}; publish events without waiting for an answer.`,
      requestReplyUnknownTransport: `{{call}} sends a request and waits for the reply, over a transport not visible here ({{why}}). Over a broker that is request/reply over events: ${remedy}. For TCP or gRPC, register the client with \`ClientsModule.register\` where this program sees it.`,
      replySubscription: `{{call}} subscribes to the Kafka reply topic of {{pattern}} so that \`send\` can wait for answers: request/reply over Kafka. Instead, ${remedy}.`,
      replyingEventHandler: `{{handler}} replies to the event '{{pattern}}' over {{transport}}. An event expects no answer, and a reply makes every publisher wait: handle it with \`@EventPattern\` and return nothing.`,
      replyingHandler: `{{handler}} answers '{{pattern}}' with a reply over {{transport}}: the responding half of request/reply over a broker. Instead, ${remedy}, or handle it with \`@EventPattern\` and return nothing.`,
      rpcResponder: `{{handler}} answers '{{pattern}}' with a reply over {{transport}}: the responding half of request/reply over a broker. Instead, ${remedy}, or consume it with {{instead}} and return nothing.`,
      correlatedReply: `{{wait}} waits for a reply to what {{publish}} publishes to {{broker}}, matched through {{matched}}: request/reply over events. Instead, ${remedy}.`,
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const semantics = getSemantics(context);
    const services = ESLintUtils.getParserServices(context);
    const requestReply = getRequestReply(semantics.program);
    const sourceCode = context.sourceCode;

    return {
      CallExpression(node) {
        // Syntax first: only `.send(…)` and `.subscribeToResponseOf(…)` can be a NestJS request.
        if (node.callee.type !== AST_NODE_TYPES.MemberExpression || node.callee.property.type !== AST_NODE_TYPES.Identifier) return;
        const method = node.callee.property.name;
        if (fixedTransportRequestNames.has(method)) {
          // A client that names its broker itself: `amqpConnection.request(…)` waits for a reply over RabbitMQ.
          const library = semantics.libraryCallOf(node);
          if (library?.role.kind === 'publish' && library.role.expectsReply === true && library.entry?.transportFromClient !== true) {
            context.report({ node, messageId: 'rpcRequest', data: { call: `\`${library.label}\``, transport: library.role.system } });
            return;
          }
        }
        if (method !== 'send' && method !== 'subscribeToResponseOf') return;
        const request = requestReply.nestRequestOf(semantics.tsNodeOf(node) as ts.CallExpression);
        if (request === undefined) return;
        const call = `\`${request.label}\``;
        if (request.kind === 'reply-subscription') {
          const pattern = node.arguments[0];
          context.report({ node, messageId: 'replySubscription', data: { call, pattern: pattern === undefined ? 'its pattern' : `\`${sourceCode.getText(pattern)}\`` } });
          return;
        }
        reportTransport(node, call, request.transport);
      },
      MethodDefinition(node) {
        if (node.decorators.length === 0) return;
        const handler = requestReply.replyingEventHandlerOf(semantics.tsNodeOf(node) as ts.MethodDeclaration);
        if (handler === undefined) return;
        const decorator = services.tsNodeToESTreeNodeMap.get(handler.decorator) as TSESTree.Node | undefined;
        const data = { handler: `\`${handler.name}\``, pattern: handler.pattern, transport: handler.systems.join(' / ') };
        if (handler.insteadDecorator !== undefined) {
          context.report({ node: decorator ?? node, messageId: 'rpcResponder', data: { ...data, instead: `\`@${handler.insteadDecorator}\`` } });
          return;
        }
        context.report({ node: decorator ?? node, messageId: handler.eventNamed ? 'replyingEventHandler' : 'replyingHandler', data });
      },
      ':function:exit'(node: TSESTree.FunctionLike) {
        const fn = semantics.tsNodeOf(node) as ts.Node | undefined;
        // An inline callback (`new Promise((resolve) => …)`) is part of the function it is written in.
        if (fn === undefined || isInlineCallback(fn)) return;
        checkUnit(fn as ts.SignatureDeclaration);
      },
      'Program:exit'(node) {
        checkUnit(semantics.tsNodeOf(node) as ts.SourceFile);
      },
    };

    function checkUnit(unit: ts.SignatureDeclaration | ts.SourceFile): void {
      const found = requestReply.correlatedWaitIn(unit, publishOf);
      if (found !== undefined) reportWait(found);
    }

    /** The broker publish a call makes, directly or through the project's wrappers. */
    function publishOf(call: CallLike) {
      const node = services.tsNodeToESTreeNodeMap.get(call) as TSESTree.CallExpression | TSESTree.TaggedTemplateExpression | undefined;
      // NestJS `send` is reported as a request of its own, not as the publish half of a hand-rolled wait.
      return node === undefined ? undefined : semantics.effectsOf(node, 'publish').find((effect) => effect.role.kind === 'publish' && effect.role.expectsReply !== true);
    }

    function reportTransport(node: TSESTree.CallExpression, call: string, transport: TransportVerdict): void {
      if (transport.kind === 'direct') return;
      if (transport.kind === 'broker') {
        context.report({ node, messageId: 'requestReply', data: { call, transport: transport.systems.join(' / ') } });
      } else {
        context.report({ node, messageId: 'requestReplyUnknownTransport', data: { call, why: transport.why } });
      }
    }

    function reportWait(found: CorrelatedWait): void {
      const node = services.tsNodeToESTreeNodeMap.get(found.node) as TSESTree.Node | undefined;
      const loc = node?.loc ?? { start: sourceCode.getLocFromIndex(found.node.getStart()), end: sourceCode.getLocFromIndex(found.node.getEnd()) };
      context.report({
        loc,
        messageId: 'correlatedReply',
        data: {
          wait: `\`${found.label}\``,
          matched: describeMatch(found),
          publish: describeChain(found.publish.effect),
          broker: found.publish.effect.role.system,
        },
      });
    }
  },
});

function describeMatch(found: CorrelatedWait): string {
  const key = `\`${found.key}\``;
  switch (found.shape) {
    case 'pending-map':
      return `a map of pending replies keyed by ${key}`;
    case 'keyed-listener':
      return `a listener keyed by ${key}`;
    case 'filtered-stream':
      return `a reply stream filtered on ${key}`;
    case 'polling':
      return `a loop that polls for the message whose ${key} matches`;
    case 'reply-queue':
      return found.key === 'replyTo' ? 'a reply queue named in `replyTo`' : `a reply queue filtered on ${key}`;
  }
}
