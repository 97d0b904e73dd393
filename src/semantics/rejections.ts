import ts from 'typescript';
import type { CallLike, CallResolver } from './resolve-call/index.js';
import type { Summaries } from './summaries.js';
import { walkUnit } from './ts-nodes.js';

const maxDepth = 5;

/**
 * Can a broker failure of this call reach its caller as a rejection? A library publish can. A
 * project function can when some publish in it is awaited or returned outside a `try` whose
 * `catch` swallows the error (and without a `.catch(…)` of its own), directly or through the
 * functions it calls. A wrapper that catches and logs the broker error already handled it: not
 * waiting for it loses nothing more.
 */
export function publishFailureEscapes(call: CallLike, resolver: CallResolver, summaries: Summaries, depth = 0): boolean {
  if (resolver.libraryCallOf(call)?.role.kind === 'publish') return true;
  if (depth >= maxDepth) return false;
  const bodies = resolver.calleeDeclarationsOf(call).flatMap((declaration) => {
    const body = ts.isFunctionLike(declaration) && 'body' in declaration ? (declaration.body as ts.Node | undefined) : undefined;
    return body === undefined || declaration.getSourceFile().isDeclarationFile ? [] : [{ fn: declaration, body }];
  });
  // A wrapper seen only as a declaration: its promise is the publish's.
  if (bodies.length === 0) return true;
  return bodies.some(({ fn, body }) => {
    let escapes = false;
    walkUnit(body, (node) => {
      if (escapes || !(ts.isCallExpression(node) || ts.isTaggedTemplateExpression(node))) return;
      if (!summaries.effectsOfCall(node, 'publish').some((e) => e.role.kind === 'publish')) return;
      if (!isAwaitedOrReturned(node) || isCaughtWithin(node, fn)) return;
      escapes = publishFailureEscapes(node, resolver, summaries, depth + 1);
    });
    return escapes;
  });
}

/** `await x(…)`, `return x(…)`, an arrow's body: the call's rejection becomes the function's. */
function isAwaitedOrReturned(call: ts.Node): boolean {
  let node = call;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isNonNullExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  return ts.isAwaitExpression(parent) || ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === node);
}

/** Inside a `try` (within `fn`) whose `catch` does not rethrow, or followed by `.catch(…)`. */
function isCaughtWithin(call: ts.Node, fn: ts.Node): boolean {
  for (let child = call, parent = call.parent; parent !== fn && !ts.isSourceFile(parent); child = parent, parent = parent.parent) {
    if (ts.isTryStatement(parent) && parent.tryBlock === child && parent.catchClause !== undefined && !containsThrow(parent.catchClause.block)) return true;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === child && parent.name.text === 'catch') return true;
  }
  return false;
}

function containsThrow(block: ts.Node): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isThrowStatement(node)) found = true;
    else if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  ts.forEachChild(block, visit);
  return found;
}
