import ts from 'typescript';
import { inProcessEmitterPackages } from '../catalogue/index.js';
import {
  amqplibReplyConsumers,
  correlationIdOption,
  emitterListenerMethods,
  nodeEventsModules,
  nodeEventsWaitFunctions,
  replyToOption,
  rxjsMatchingOperators,
  rxjsPackages,
  rxjsPromiseFunctions,
  rxjsPromiseMethods,
} from '../catalogue/request-reply.js';
import { ownerNameOf, packageOfDeclaration } from '../declarations.js';
import { calleeNameOf, hasPropertyNamed, shortCalleeText, type CallLike } from '../resolve-call/index.js';
import type { Effect } from '../roles.js';
import { skipOuter, walkUnit } from '../ts-nodes.js';
import { constInitializerOf, isCallDeclaredIn, maxHops, resolvedSymbol, signatureDeclarationOf, type RequestReplyContext } from './context.js';
import { identifiersFlowingInto, isCorrelationName, isKeyed, isKeyedByFlow, keyedComparisonIn, namesIn, pickPublish, rootBindingIn, rootIdentifiersIn } from './correlation-keys.js';
import { clip, contains, functionOf, guarded, importedCalleeNameOf, isLiteral } from './syntax.js';
import type { CorrelatedWait, Publish, WaitShape } from './types.js';

/** Hand-rolled correlation: a broker publish and, in the same function, a wait for the reply that carries its correlation id. */

export function correlatedWaitIn(
  context: RequestReplyContext,
  unit: ts.SignatureDeclaration | ts.SourceFile,
  publishOf: (call: CallLike) => Effect | undefined,
): CorrelatedWait | undefined {
  const body = ts.isSourceFile(unit) ? unit : 'body' in unit ? (unit.body as ts.Node | undefined) : undefined;
  if (body === undefined) return undefined;
  const calls: CallLike[] = [];
  const candidates: ts.Node[] = [];
  walkUnit(body, (node) => {
    if (ts.isCallExpression(node) || ts.isTaggedTemplateExpression(node)) calls.push(node);
    if (isWaitCandidate(node)) candidates.push(node);
  });
  // Syntax first: most functions have nothing that can wait for a reply, and need no types.
  if (candidates.length === 0) return undefined;
  const publishes = calls.flatMap((call) => {
    const effect = publishOf(call);
    return effect === undefined ? [] : [{ call, effect }];
  });
  if (publishes.length === 0) return undefined;
  const flow = identifiersFlowingInto(context.checker, publishes.map((p) => p.call));
  for (const candidate of candidates) {
    const match = guarded(() => matchWait(context, candidate, publishes, flow));
    if (match !== undefined) return match;
  }
  return undefined;
}

function isWaitCandidate(node: ts.Node): boolean {
  if (ts.isNewExpression(node)) {
    const executor = node.arguments?.[0];
    return ts.isIdentifier(node.expression) && node.expression.text === 'Promise' && executor !== undefined && functionOf(executor) !== undefined;
  }
  if (ts.isCallExpression(node)) {
    const name = importedCalleeNameOf(node);
    if (name === undefined) return false;
    if (rxjsPromiseFunctions.includes(name) || rxjsPromiseMethods.includes(name)) return true;
    if (nodeEventsWaitFunctions.includes(name)) return node.arguments.length >= 2 && functionOf(node.arguments[1]) === undefined;
    return amqplibReplyConsumers.methods.includes(name) && ts.isPropertyAccessExpression(skipOuter(node.expression));
  }
  return ts.isIterationStatement(node, false);
}

function matchWait(context: RequestReplyContext, node: ts.Node, publishes: readonly Publish[], flow: ReadonlySet<string>): CorrelatedWait | undefined {
  if (ts.isNewExpression(node)) return matchPendingPromise(context, node, publishes, flow);
  if (ts.isCallExpression(node)) {
    const name = importedCalleeNameOf(node) ?? '';
    if (rxjsPromiseFunctions.includes(name) || rxjsPromiseMethods.includes(name)) return matchFilteredStream(context.checker, node, name, publishes, flow);
    if (nodeEventsWaitFunctions.includes(name)) return matchEventsOnce(context.checker, node, publishes, flow);
    return matchReplyQueue(context.checker, node, publishes, flow);
  }
  if (ts.isIterationStatement(node, false)) return matchPollingLoop(context.checker, node, publishes);
  return undefined;
}

/**
 * `new Promise((resolve) => { pending.set(correlationId, resolve); … })` or `replies.once(correlationId, resolve)`,
 * where `replies` is Node's EventEmitter or another in-process emitter (not a broker client).
 */
function matchPendingPromise(context: RequestReplyContext, node: ts.NewExpression, publishes: readonly Publish[], flow: ReadonlySet<string>): CorrelatedWait | undefined {
  const { checker, program } = context;
  const executor = functionOf(node.arguments?.[0]);
  const resolveParameter = executor?.parameters[0]?.name;
  if (executor === undefined || resolveParameter === undefined || !ts.isIdentifier(resolveParameter)) return undefined;
  if (!isGlobalPromise(context, node)) return undefined;
  const resolve = resolveParameter.text;
  let found: { key: ts.Expression; shape: WaitShape } | undefined;
  walkUnit(executor.body, (inner) => {
    if (found !== undefined) return;
    if (ts.isCallExpression(inner)) {
      const callee = skipOuter(inner.expression);
      const [key, value] = inner.arguments;
      if (!ts.isPropertyAccessExpression(callee) || key === undefined || value === undefined || isLiteral(key) || !storesResolver(value, resolve)) return;
      if (callee.name.text === 'set' && isMapType(program, checker.getTypeAtLocation(callee.expression)) && isKeyed(key, flow)) found = { key, shape: 'pending-map' };
      else if (emitterListenerMethods.includes(callee.name.text) && isCallDeclaredIn(checker, inner, inProcessEmitterPackages) && isKeyed(key, flow)) found = { key, shape: 'keyed-listener' };
    } else if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isElementAccessExpression(inner.left)) {
      const key = inner.left.argumentExpression;
      if (!isLiteral(key) && storesResolver(inner.right, resolve) && isKeyed(key, flow)) found = { key, shape: 'pending-map' };
    }
  });
  if (found === undefined) return undefined;
  return wait(checker, node, 'new Promise(…)', found.shape, found.key.getText(), publishes, found.key);
}

/** `firstValueFrom(replies$.pipe(filter((r) => r.correlationId === id)))`, `….toPromise()`. */
function matchFilteredStream(checker: ts.TypeChecker, node: ts.CallExpression, name: string, publishes: readonly Publish[], flow: ReadonlySet<string>): CorrelatedWait | undefined {
  const callee = skipOuter(node.expression);
  const isMethod = rxjsPromiseMethods.includes(name);
  if ((isMethod && !ts.isPropertyAccessExpression(callee)) || !isCallDeclaredIn(checker, node, rxjsPackages)) return undefined;
  const source = isMethod && ts.isPropertyAccessExpression(callee) ? callee.expression : node.arguments[0];
  if (source === undefined) return undefined;
  for (const predicate of matchingPredicatesOf(checker, source, 0)) {
    const key = keyedComparisonIn(predicate.body, (side) => rootBindingIn(checker, side, predicate.parameters), (side) => isKeyedByFlow(side, flow), false);
    if (key !== undefined) return wait(checker, node, `${clip(shortCalleeText(node.expression))}(…)`, 'filtered-stream', key, publishes, undefined);
  }
  return undefined;
}

/** The predicates of `filter`/`first`/`find` in the `.pipe(…)` chain a stream is built with. */
function matchingPredicatesOf(checker: ts.TypeChecker, source: ts.Expression, hops: number): (ts.ArrowFunction | ts.FunctionExpression)[] {
  const predicates: (ts.ArrowFunction | ts.FunctionExpression)[] = [];
  let node: ts.Expression = skipOuter(source);
  for (let steps = 0; steps < 50; steps++) {
    if (ts.isIdentifier(node) && hops < maxHops) {
      const initializer = constInitializerOf(checker, node);
      if (initializer !== undefined) predicates.push(...matchingPredicatesOf(checker, initializer, hops + 1));
      break;
    }
    if (ts.isCallExpression(node)) {
      if (calleeNameOf(node) === 'pipe') predicates.push(...pipedPredicatesOf(node));
      node = skipOuter(node.expression);
    } else if (ts.isPropertyAccessExpression(node)) {
      node = skipOuter(node.expression);
    } else {
      break;
    }
  }
  return predicates;
}

/** The predicates of the matching operators in one `.pipe(filter(…), first(…))`. */
function pipedPredicatesOf(pipe: ts.CallExpression): (ts.ArrowFunction | ts.FunctionExpression)[] {
  const predicates: (ts.ArrowFunction | ts.FunctionExpression)[] = [];
  for (const operator of pipe.arguments) {
    const call = skipOuter(operator);
    const predicate = ts.isCallExpression(call) && rxjsMatchingOperators.includes(importedCalleeNameOf(call) ?? '') ? functionOf(call.arguments[0]) : undefined;
    if (predicate !== undefined) predicates.push(predicate);
  }
  return predicates;
}

/** `await once(replies, correlationId)` from `node:events`. */
function matchEventsOnce(checker: ts.TypeChecker, node: ts.CallExpression, publishes: readonly Publish[], flow: ReadonlySet<string>): CorrelatedWait | undefined {
  const key = node.arguments[1];
  if (key === undefined || isLiteral(key) || !isCallDeclaredIn(checker, node, nodeEventsModules) || !isKeyed(key, flow)) return undefined;
  return wait(checker, node, `${clip(shortCalleeText(node.expression))}(…)`, 'keyed-listener', key.getText(), publishes, key);
}

/**
 * amqplib RPC: `channel.consume(replyQueue, …)` in the function that publishes with `replyTo`
 * (or with `correlationId`, when the consumer matches replies on it).
 */
function matchReplyQueue(checker: ts.TypeChecker, node: ts.CallExpression, publishes: readonly Publish[], flow: ReadonlySet<string>): CorrelatedWait | undefined {
  const declaration = signatureDeclarationOf(checker, node);
  const pkg = declaration === undefined ? undefined : packageOfDeclaration(declaration);
  const owner = declaration === undefined ? undefined : ownerNameOf(declaration);
  if (pkg === undefined || owner === undefined || !amqplibReplyConsumers.packages.includes(pkg) || !amqplibReplyConsumers.owners.includes(owner)) return undefined;
  // The reply a server sends from inside its consumer is the other half, not a request.
  const requests = publishes.filter((p) => ts.isCallExpression(p.call) && p.effect.chain.length === 1 && !contains(node, p.call));
  const withReplyTo = requests.find((p) => hasPropertyNamed(p.call, replyToOption));
  if (withReplyTo !== undefined) return { node, label: `${clip(shortCalleeText(node.expression))}(…)`, shape: 'reply-queue', key: replyToOption, publish: withReplyTo };
  const withCorrelation = requests.find((p) => hasPropertyNamed(p.call, correlationIdOption));
  const handler = functionOf(node.arguments[1]);
  if (withCorrelation === undefined || handler === undefined) return undefined;
  const key = keyedComparisonIn(handler.body, (side) => namesIn(side).some(isCorrelationName), (side) => isKeyedByFlow(side, flow) || !isLiteral(side), true);
  return key === undefined ? undefined : { node, label: `${clip(shortCalleeText(node.expression))}(…)`, shape: 'reply-queue', key, publish: withCorrelation };
}

/** A loop after the publish that awaits and compares a received message's correlation id with one from outside the loop. */
function matchPollingLoop(checker: ts.TypeChecker, loop: ts.IterationStatement, publishes: readonly Publish[]): CorrelatedWait | undefined {
  const before = publishes.filter((p) => p.call.end <= loop.getStart());
  if (before.length === 0) return undefined;
  let awaited: ts.Expression | undefined;
  walkUnit(loop, (node) => {
    if (awaited === undefined && ts.isAwaitExpression(node)) awaited = node.expression;
  });
  if (awaited === undefined) return undefined;
  const outside = (side: ts.Expression): boolean => {
    const roots = rootIdentifiersIn(side);
    return roots.length > 0 && roots.every((root) => {
      const declaration = resolvedSymbol(checker, root)?.valueDeclaration;
      return declaration !== undefined && declaration.getSourceFile() === loop.getSourceFile() && !contains(loop, declaration);
    });
  };
  const key = keyedComparisonIn(loop, (side) => namesIn(side).some(isCorrelationName) && !outside(side), outside, true);
  if (key === undefined) return undefined;
  const receive = skipOuter(awaited);
  const label = clip(ts.isCallExpression(receive) ? `${shortCalleeText(receive.expression)}(…)` : receive.getText());
  return { node: receive, label, shape: 'polling', key, publish: pickPublish(checker, before, undefined) };
}

function wait(checker: ts.TypeChecker, node: ts.Node, label: string, shape: WaitShape, key: string, publishes: readonly Publish[], keyNode: ts.Expression | undefined): CorrelatedWait {
  return { node, label, shape, key: clip(key), publish: pickPublish(checker, publishes, keyNode) };
}

function isMapType(program: ts.Program, type: ts.Type): boolean {
  const symbol = type.getSymbol();
  const declaration = symbol?.declarations?.[0];
  return symbol?.getName() === 'Map' && declaration !== undefined && program.isSourceFileDefaultLibrary(declaration.getSourceFile());
}

function isGlobalPromise(context: RequestReplyContext, node: ts.NewExpression): boolean {
  const declaration = resolvedSymbol(context.checker, node.expression)?.declarations?.[0];
  return declaration !== undefined && context.program.isSourceFileDefaultLibrary(declaration.getSourceFile());
}

/**
 * Does the value keep the promise's `resolve` for later: `resolve`, `{ resolve, reject }`,
 * `(reply) => resolve(reply)`? (`setTimeout(resolve, ms)` runs it on a timer instead.)
 */
function storesResolver(value: ts.Expression, resolve: string): boolean {
  const node = skipOuter(value);
  if (ts.isIdentifier(node)) return node.text === resolve;
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return mentions(node.body, resolve);
  if (!ts.isObjectLiteralExpression(node)) return false;
  return node.properties.some(
    (property) =>
      (ts.isShorthandPropertyAssignment(property) && property.name.text === resolve) ||
      (ts.isPropertyAssignment(property) && storesResolver(property.initializer, resolve)),
  );
}

/** Does `node` contain an identifier with this text? */
function mentions(node: ts.Node, name: string): boolean {
  let found = false;
  let budget = 2_000;
  const visit = (inner: ts.Node): void => {
    if (found || budget-- <= 0) return;
    if (ts.isIdentifier(inner) && inner.text === name) {
      found = true;
      return;
    }
    ts.forEachChild(inner, visit);
  };
  visit(node);
  return found;
}
