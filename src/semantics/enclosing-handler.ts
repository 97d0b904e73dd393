import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, inlineCallbacksOf, type FunctionNode } from '../util/ast.js';
import type { Handler } from './consumers/index.js';
import type { FileSemantics } from './file-semantics.js';

/** A message handler, and the function that is it. */
export interface EnclosingHandler {
  readonly handler: Handler;
  readonly fn: FunctionNode;
}

/** The handler a node runs in: its own function, or the handler around the inline callbacks it sits in (`records.map(async (r) => …)`). */
export function enclosingHandler(semantics: FileSemantics, node: TSESTree.Node): EnclosingHandler | undefined {
  for (let fn = enclosingFunction(node); fn !== undefined; fn = enclosingFunction(fn)) {
    const handler = semantics.handlerOf(fn);
    if (handler !== undefined) return { handler, fn };
    const parent = fn.parent;
    if (parent.type !== AST_NODE_TYPES.CallExpression || !inlineCallbacksOf(parent).includes(fn)) return undefined;
  }
  return undefined;
}
