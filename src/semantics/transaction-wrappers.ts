import ts from 'typescript';
import type { CallLike } from './resolve-call/index.js';
import type { Role } from './roles.js';
import { isInlineCallback } from './ts-nodes.js';

/**
 * Transaction wrappers the project writes: a function that runs one of its callback parameters
 * inside a catalogued transaction — `withTransaction(cb)`, `runInTx(cb)`,
 * `transactionManager(model).wrap(cb)` — is a transaction scope for its callers, like
 * `prisma.$transaction(cb)`. Found from bodies, never by name: the parameter is called inside
 * the callback of a transaction boundary, handed to one as its callback, handed to another
 * wrapper, or called after the function opened a transaction (`session.startTransaction()`).
 */
export interface TransactionWrapper {
  /** Index of the callback parameter that runs inside the transaction. */
  readonly index: number;
  readonly system: string;
  /** The boundary it wraps takes writes only through its handle (Prisma, TypeORM, Knex, Drizzle). */
  readonly handleRequired: boolean;
}

export interface TransactionWrappers {
  wrapperOf(fn: ts.SignatureDeclaration): TransactionWrapper | undefined;
}

/** `scopeRoleOf`: the `tx-scope` or `tx-begin` role of a call (catalogued or another wrapper), if any. */
export function createTransactionWrappers(scopeRoleOf: (call: CallLike) => Role | undefined): TransactionWrappers {
  const cache = new WeakMap<ts.Node, TransactionWrapper | null>();
  const inProgress = new Set<ts.Node>();

  return { wrapperOf };

  function wrapperOf(fn: ts.SignatureDeclaration): TransactionWrapper | undefined {
    const cached = cache.get(fn);
    if (cached !== undefined) return cached ?? undefined;
    // A wrapper that (through others) wraps itself contributes nothing more.
    if (inProgress.has(fn)) return undefined;
    inProgress.add(fn);
    try {
      const found = findWrapper(fn);
      cache.set(fn, found ?? null);
      return found;
    } finally {
      inProgress.delete(fn);
    }
  }

  function findWrapper(fn: ts.SignatureDeclaration): TransactionWrapper | undefined {
    const body = 'body' in fn ? (fn.body as ts.Node | undefined) : undefined;
    const callbacks = new Map<string, number>();
    fn.parameters.forEach((parameter, index) => {
      if (ts.isIdentifier(parameter.name)) callbacks.set(parameter.name.text, index);
    });
    if (body === undefined || callbacks.size === 0) return undefined;
    let opened: Role | undefined;
    let found: TransactionWrapper | undefined;
    const visit = (node: ts.Node): void => {
      if (found !== undefined || (node !== body && (ts.isFunctionLike(node) || ts.isClassLike(node)) && !isInlineCallback(node))) return;
      if (ts.isCallExpression(node)) {
        const called = parameterIndexOf(node.expression, callbacks);
        if (called !== undefined) {
          const scope = enclosingScope(node, body) ?? opened;
          if (scope !== undefined) found = { index: called, system: scope.system, handleRequired: scope.handleRequired === true };
        }
        const role = scopeRoleOf(node);
        if (role?.kind === 'tx-begin') opened ??= role;
        // The parameter handed on as the callback of a boundary or of another wrapper.
        if (role?.kind === 'tx-scope' && role.callbackIndex !== undefined) {
          const handed = node.arguments[role.callbackIndex];
          const index = handed === undefined ? undefined : parameterIndexOf(handed, callbacks);
          if (index !== undefined) found = { index, system: role.system, handleRequired: role.handleRequired === true };
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(body);
    return found;
  }

  /** The transaction boundary whose inline callback holds `node`, inside the wrapper's body. */
  function enclosingScope(node: ts.Node, body: ts.Node): Role | undefined {
    for (let current = node.parent; current !== body; current = current.parent) {
      if (!isInlineCallback(current)) continue;
      let call: ts.Node = current.parent;
      while (ts.isParenthesizedExpression(call)) call = call.parent;
      if (!ts.isCallExpression(call)) continue;
      const role = scopeRoleOf(call);
      if (role?.kind === 'tx-scope' && call.arguments[role.callbackIndex ?? -1] === skipParentheses(current)) return role;
    }
    return undefined;
  }
}

/** `cb(…)`, `cb.call(this, …)`, `work` as an argument: which callback parameter is it? */
function parameterIndexOf(expression: ts.Expression, callbacks: ReadonlyMap<string, number>): number | undefined {
  let node = expression;
  if (ts.isPropertyAccessExpression(node) && ['call', 'apply'].includes(node.name.text)) node = node.expression;
  while (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) node = node.expression;
  return ts.isIdentifier(node) ? callbacks.get(node.text) : undefined;
}

function skipParentheses(node: ts.Node): ts.Node {
  let current = node;
  while (ts.isParenthesizedExpression(current.parent) && current.parent.expression === current) current = current.parent;
  return current;
}
