import ts from 'typescript';
import type { CallLike } from '../resolve-call/index.js';
import { walkUnit } from '../ts-nodes.js';
import { constInitializerOf, resolvedSymbol } from './context.js';
import { clip, contains, isLiteral } from './syntax.js';
import type { Publish } from './types.js';

/** How a wait is tied to its request: the correlation key it compares or stores, and the publish that carries it. */

/** The publish the key flows into, else the first one. */
export function pickPublish(checker: ts.TypeChecker, publishes: readonly Publish[], keyNode: ts.Expression | undefined): Publish {
  const roots = keyNode === undefined ? [] : rootIdentifiersIn(keyNode).map((r) => r.text);
  const carrying = publishes.find((p) => roots.some((root) => identifiersFlowingInto(checker, [p.call]).has(root)));
  return carrying ?? (publishes[0] as Publish);
}

/** A key that carries the correlation: its name says so, or it is what the publish sends. */
export function isKeyed(key: ts.Expression, flow: ReadonlySet<string>): boolean {
  return namesIn(key).some(isCorrelationName) || rootIdentifiersIn(key).some((root) => flow.has(root.text));
}

export function isKeyedByFlow(side: ts.Expression, flow: ReadonlySet<string>): boolean {
  return rootIdentifiersIn(side).some((root) => flow.has(root.text));
}

/**
 * The first `a === b` (or `==`) in `root` where `a` is the received message's id (`isReceived`)
 * and `b` is what the request carried (`isSent`). Returns the text of `a`.
 */
export function keyedComparisonIn(
  root: ts.Node,
  isReceived: (side: ts.Expression) => boolean,
  isSent: (side: ts.Expression) => boolean,
  strict: boolean,
): string | undefined {
  let key: string | undefined;
  walkUnit(root, (node) => {
    if (key !== undefined || !ts.isBinaryExpression(node)) return;
    const operator = node.operatorToken.kind;
    if (operator !== ts.SyntaxKind.EqualsEqualsEqualsToken && operator !== ts.SyntaxKind.EqualsEqualsToken) return;
    for (const [received, sent] of [
      [node.left, node.right],
      [node.right, node.left],
    ] as const) {
      if (isLiteral(sent) || !isReceived(received)) continue;
      const names = namesIn(received);
      const correlated = names.some(isCorrelationName);
      const byId = !strict && isIdName(names.at(-1) ?? '') && isSent(sent);
      if ((correlated && (isSent(sent) || !strict)) || byId) {
        key = clip(received.getText());
        return;
      }
    }
  });
  return key;
}

/** Is the side read from one of these parameters (`r` in `(r) => r.correlationId === id`, or a binding destructured from it)? */
export function rootBindingIn(checker: ts.TypeChecker, side: ts.Expression, parameters: readonly ts.ParameterDeclaration[]): boolean {
  return rootIdentifiersIn(side).some((root) => {
    const declaration = resolvedSymbol(checker, root)?.valueDeclaration;
    return declaration !== undefined && parameters.some((parameter) => contains(parameter, declaration));
  });
}

/** Identifier texts that a call's arguments carry, following local `const` objects: `{ correlationId }`, `JSON.stringify(request)`. */
export function identifiersFlowingInto(checker: ts.TypeChecker, calls: readonly CallLike[]): Set<string> {
  const names = new Set<string>();
  const follow = (node: ts.Node, hops: number): void => {
    for (const root of rootIdentifiersIn(node)) {
      if (names.has(root.text)) continue;
      names.add(root.text);
      const initializer = hops < 2 ? constInitializerOf(checker, root) : undefined;
      if (initializer !== undefined) follow(initializer, hops + 1);
    }
  };
  for (const call of calls) {
    if (ts.isCallExpression(call)) for (const argument of call.arguments) follow(argument, 0);
    else follow(call.template, 0);
  }
  return names;
}

/** Identifiers and property names in an expression, in source order: `msg.properties.correlationId` → msg, properties, correlationId. */
export function namesIn(node: ts.Node): string[] {
  const names: string[] = [];
  const visit = (inner: ts.Node): void => {
    if (names.length > 50) return;
    if (ts.isIdentifier(inner) || ts.isPrivateIdentifier(inner)) names.push(inner.text);
    else if (ts.isStringLiteralLike(inner) && ts.isElementAccessExpression(inner.parent)) names.push(inner.text);
    if (!ts.isFunctionLike(inner)) ts.forEachChild(inner, visit);
  };
  visit(node);
  return names;
}

/**
 * The variables an expression reads: identifiers that are not property names, callees or object
 * keys (`id` and `request` in `{ correlationId: id, body: JSON.stringify(request) }`).
 */
export function rootIdentifiersIn(node: ts.Node): ts.Identifier[] {
  const roots: ts.Identifier[] = [];
  let budget = 2_000;
  const visit = (inner: ts.Node): void => {
    if (budget-- <= 0 || roots.length > 50) return;
    if (ts.isIdentifier(inner)) {
      const parent = inner.parent;
      const isPropertyName = (ts.isPropertyAccessExpression(parent) && parent.name === inner) || (ts.isPropertyAssignment(parent) && parent.name === inner);
      const isCallee = ts.isCallExpression(parent) && parent.expression === inner;
      if (!isPropertyName && !isCallee && inner.text !== 'undefined') roots.push(inner);
      return;
    }
    if (ts.isFunctionLike(inner)) return;
    ts.forEachChild(inner, visit);
  };
  visit(node);
  return roots;
}

/** `correlationId`, `correlation_id`, `corrId`, `requestId`, `replyId`. */
export function isCorrelationName(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    lower.includes('correlation') ||
    lower === 'corrid' ||
    lower === 'corr_id' ||
    lower.endsWith('requestid') ||
    lower.endsWith('request_id') ||
    lower.endsWith('replyid') ||
    lower.endsWith('reply_id')
  );
}

/** `id`, `uuid`, `orderId`, `order_id`, `ID`. */
function isIdName(name: string): boolean {
  return name === 'id' || name === 'uuid' || name === 'ID' || name.endsWith('Id') || name.endsWith('ID') || name.endsWith('_id') || name.endsWith('Uuid');
}
