import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

export function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression
  );
}

/** A node's parent; `Program`'s is `null` at run time, whatever the typings say. */
export function parentOf(node: TSESTree.Node): TSESTree.Node | undefined {
  const parent: TSESTree.Node | null | undefined = node.parent;
  return parent ?? undefined;
}

/** The innermost function around a node. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = parentOf(node); current !== undefined; current = parentOf(current)) {
    if (isFunctionNode(current)) return current;
  }
  return undefined;
}

/** Is `node` inside the `finally` block of a `try` in its own function? */
export function isInFinallyBlock(node: TSESTree.Node): boolean {
  for (let child = node, parent = parentOf(node); parent !== undefined; child = parent, parent = parentOf(parent)) {
    if (isFunctionNode(parent)) return false;
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.finalizer === child) return true;
  }
  return false;
}

/** The function arguments passed straight to a call: `items.map((x) => …)`. */
export function inlineCallbacksOf(call: TSESTree.CallExpression): FunctionNode[] {
  return call.arguments.filter(
    (arg): arg is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression =>
      arg.type === AST_NODE_TYPES.ArrowFunctionExpression || arg.type === AST_NODE_TYPES.FunctionExpression,
  );
}

/** The receiver expressions of a callee, outermost first: `a.b(c).d.e` → `a.b(c).d`, `a.b(c)`, `a.b`, `a`. */
export function receiverChainOf(callee: TSESTree.Expression): TSESTree.Expression[] {
  const chain: TSESTree.Expression[] = [];
  let node: TSESTree.Node = callee;
  for (;;) {
    if (node.type === AST_NODE_TYPES.MemberExpression) node = node.object;
    else if (node.type === AST_NODE_TYPES.CallExpression) node = node.callee;
    else if (node.type === AST_NODE_TYPES.TSNonNullExpression || node.type === AST_NODE_TYPES.ChainExpression) node = node.expression;
    else break;
    chain.push(node);
  }
  return chain;
}

/** The name of a property key: `a` in `{ a: 1 }`, `'event-type'` in `{ 'event-type': x }`; '' for computed keys. */
export function propertyKeyName(property: TSESTree.Property | TSESTree.TSPropertySignature): string {
  const key = property.key;
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  return key.type === AST_NODE_TYPES.Literal ? String(key.value) : '';
}

/** Is a value an AST node (for generic walks over a node's own properties)? */
export function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
