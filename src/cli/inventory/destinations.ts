import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';
import { localInitializerOf, objectLiteralsIn, type FileSemantics } from '../../semantics/index.js';
import type { FunctionNode } from '../../util/ast.js';
import { degrade } from '../../util/guard.js';
import { keyName, registrationOf } from './syntax.js';
import { unique } from '../../util/text.js';

/** Where messages go and come from, as written in code: topics, queues, subjects, exchanges. */

/** Property and parameter names that hold a topic, queue, subject or exchange. */
const destinationNames: ReadonlySet<string> = new Set([
  'topic',
  'topics',
  'topicName',
  'TopicArn',
  'TargetArn',
  'queue',
  'queueName',
  'queueUrl',
  'QueueUrl',
  'subject',
  'channel',
  'exchange',
  'routingKey',
  'EventBusName',
  'StreamName',
  'stream',
  'streamName',
]);
/** Parameter names of consumer registrations that take the source: `new Worker(name, fn)`, `subscription(name)`. */
const subscriptionParameterNames: ReadonlySet<string> = new Set([...destinationNames, 'name', 'pattern']);
/** Receiver methods that name the destination: `pubsub.topic('orders').publishMessage(…)`. */
const destinationMethods: ReadonlySet<string> = new Set(['topic', 'queue', 'subscription', 'subject', 'channel']);
const maxReceiverHops = 6;

/** What the destination analysis needs of the file. */
export interface InventoryFile {
  readonly semantics: FileSemantics;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
}

/** Topics, queues, subjects and exchanges written at a publish call, its options object, or its receiver. */
export function destinationsOf(file: InventoryFile, call: TSESTree.CallExpression): string[] {
  const fromProperties = objectLiteralsIn(call, file.sourceCode).flatMap((object) =>
    object.properties.flatMap((p) => (p.type === AST_NODE_TYPES.Property && !p.computed && destinationNames.has(keyName(p) ?? '') ? topicValuesOf(file, p.value) : [])),
  );
  return unique([...namedArguments(file, call, destinationNames).flatMap((node) => topicValuesOf(file, node)), ...fromProperties, ...receiverDestinations(file, call.callee)]);
}

/** `consumer.subscribe({ topic: 'orders' })` or `({ topics: ['a', 'b'] })`: the receiver's text and the topics. */
export function subscribeCallOf(file: InventoryFile, node: TSESTree.CallExpression): { readonly receiver: string; readonly topics: string[] } | undefined {
  const callee = node.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.property.type !== AST_NODE_TYPES.Identifier || callee.property.name !== 'subscribe') return undefined;
  const options = node.arguments[0];
  if (options?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const topics = options.properties.flatMap((p) =>
    p.type === AST_NODE_TYPES.Property && !p.computed && keyName(p) !== undefined && ['topic', 'topics'].includes(keyName(p) ?? '') ? topicValuesOf(file, p.value) : [],
  );
  return topics.length === 0 ? undefined : { receiver: file.sourceCode.getText(callee.object), topics };
}

/** The topics, queues and patterns named where an inline handler is registered, or in its decorators. */
export function registrationSubscriptionsOf(file: InventoryFile, fn: FunctionNode): string[] {
  if (fn.parent.type === AST_NODE_TYPES.MethodDefinition) {
    return fn.parent.decorators.flatMap((d) =>
      d.expression.type === AST_NODE_TYPES.CallExpression ? d.expression.arguments.slice(0, 1).flatMap((node) => topicValuesOf(file, node)) : [],
    );
  }
  const registration = registrationOf(fn);
  if (registration === undefined) return [];
  // Parameter names pick the source out of the arguments: `consume(queue, fn)`, never `on(event, fn)`.
  const fromArguments = namedArguments(file, registration, subscriptionParameterNames);
  // `pubsub.subscription('orders-sub').on('message', fn)`: the source is named on the receiver.
  const fromReceiver = registration.type === AST_NODE_TYPES.CallExpression ? receiverDestinations(file, registration.callee) : [];
  return [...fromArguments.flatMap((node) => topicValuesOf(file, node)), ...fromReceiver];
}

function receiverDestinations(file: InventoryFile, callee: TSESTree.Node): string[] {
  const found: string[] = [];
  let node: TSESTree.Node = callee;
  for (let hops = 0; hops < maxReceiverHops; hops++) {
    if (node.type === AST_NODE_TYPES.MemberExpression) node = node.object;
    else if (node.type === AST_NODE_TYPES.CallExpression) {
      if (node.callee.type === AST_NODE_TYPES.MemberExpression && node.callee.property.type === AST_NODE_TYPES.Identifier && destinationMethods.has(node.callee.property.name)) {
        found.push(...node.arguments.slice(0, 1).flatMap((argument) => topicValuesOf(file, argument)));
      }
      node = node.callee;
    } else if (node.type === AST_NODE_TYPES.Identifier) {
      const init = localInitializerOf(node, file.sourceCode);
      if (init === undefined) break;
      node = init;
    } else break;
  }
  return found;
}

/** Arguments whose declared parameter name says what they are: `publishEvent(topic, …)`, `channel.consume(queue, …)`. */
function namedArguments(file: InventoryFile, call: TSESTree.CallExpression | TSESTree.NewExpression, names: ReadonlySet<string>): TSESTree.Node[] {
  const tsCall = file.semantics.tsNodeOf(call) as ts.CallLikeExpression;
  let parameters: readonly ts.Symbol[] = [];
  try {
    parameters = file.semantics.checker.getResolvedSignature(tsCall)?.parameters ?? [];
  } catch (error) {
    degrade(error);
    return [];
  }
  return call.arguments.filter((_argument, index) => names.has(parameters[index]?.getName() ?? ''));
}

/** String values of an expression: literals, constants of literal type, arrays of them, regex patterns. */
function topicValuesOf(file: InventoryFile, node: TSESTree.Node): string[] {
  if (node.type === AST_NODE_TYPES.ArrayExpression) return node.elements.flatMap((e) => (e === null ? [] : topicValuesOf(file, e)));
  if (node.type === AST_NODE_TYPES.Literal) {
    if (typeof node.value === 'string') return [node.value];
    return 'regex' in node ? [`/${node.regex.pattern}/`] : [];
  }
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return [node.quasis[0]?.value.cooked ?? ''];
  if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) return [];
  const type = file.semantics.checker.getTypeAtLocation(file.semantics.tsNodeOf(node));
  return type.isStringLiteral() ? [type.value] : [];
}
