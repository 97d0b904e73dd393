import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, isNode, parentOf, type FunctionNode } from '../../util/ast.js';

/** Syntax helpers of the inventory: bounded walks, names of functions and keys, registrations. */

const maxNodesPerHandler = 5000;

/** Visits the nodes under `root` in source order, bounded so that a huge generated handler stays cheap. */
export function walk(sourceCode: Readonly<TSESLint.SourceCode>, root: TSESTree.Node, visit: (node: TSESTree.Node) => void): void {
  const stack: TSESTree.Node[] = [root];
  for (let seen = 0; stack.length > 0 && seen < maxNodesPerHandler; seen++) {
    const node = stack.pop();
    if (node === undefined) break;
    visit(node);
    const record = node as unknown as Record<string, unknown>;
    const children = (sourceCode.visitorKeys[node.type] ?? []).flatMap((key) => {
      const value = record[key];
      return (Array.isArray(value) ? value : [value]).filter(isNode);
    });
    // Reversed onto the stack, so that nodes are visited in source order.
    stack.push(...children.reverse());
  }
}

/** The call or `new` expression an inline handler is passed to, directly or as a property of an options object. */
export function registrationOf(fn: FunctionNode): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
  let argument: TSESTree.Node = fn;
  if (fn.parent.type === AST_NODE_TYPES.Property && fn.parent.parent.type === AST_NODE_TYPES.ObjectExpression) argument = fn.parent.parent;
  const site = parentOf(argument);
  return site?.type === AST_NODE_TYPES.CallExpression || site?.type === AST_NODE_TYPES.NewExpression ? site : undefined;
}

/** `consumer` in `consumer.run({ eachMessage: fn })`. */
export function registrationReceiverText(fn: FunctionNode): string | undefined {
  const registration = registrationOf(fn);
  if (registration?.type !== AST_NODE_TYPES.CallExpression || registration.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const receiver = registration.callee.object;
  return receiver.type === AST_NODE_TYPES.Identifier ? receiver.name : receiver.type === AST_NODE_TYPES.MemberExpression ? memberText(receiver) : undefined;
}

function memberText(node: TSESTree.MemberExpression): string | undefined {
  if (node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const object = node.object.type === AST_NODE_TYPES.ThisExpression ? 'this' : node.object.type === AST_NODE_TYPES.Identifier ? node.object.name : undefined;
  return object === undefined ? undefined : `${object}.${node.property.name}`;
}

/** "placeOrder", "OrderService.place", "startShippingHandler › eachMessage": the named functions around a node, outermost first. */
export function producerNameOf(node: TSESTree.Node): string {
  const names: string[] = [];
  for (let current = parentOf(node); current !== undefined; current = parentOf(current)) {
    if (isFunctionNode(current)) names.unshift(functionNameOf(current));
  }
  if (names.length === 0) return '(module)';
  return names.length === 1 ? (names[0] ?? '') : `${names[0] ?? ''} › ${names.at(-1) ?? ''}`;
}

function functionNameOf(fn: FunctionNode): string {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id !== null) return fn.id.name;
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) {
    const className = parent.parent.parent.type === AST_NODE_TYPES.ClassDeclaration ? parent.parent.parent.id?.name : undefined;
    const method = keyName(parent) ?? 'method';
    return className === undefined ? method : `${className}.${method}`;
  }
  if (parent.type === AST_NODE_TYPES.Property) return keyName(parent) ?? '(callback)';
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee.type === AST_NODE_TYPES.MemberExpression && parent.callee.property.type === AST_NODE_TYPES.Identifier) {
    return `${parent.callee.property.name} callback`;
  }
  return '(callback)';
}

export function keyName(node: TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | undefined {
  if (node.computed) return node.key.type === AST_NODE_TYPES.Literal && typeof node.key.value === 'string' ? node.key.value : undefined;
  if (node.key.type === AST_NODE_TYPES.Identifier) return node.key.name;
  if (node.key.type === AST_NODE_TYPES.Literal) return String(node.key.value);
  return undefined;
}

export function enclosingFunctionOf(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = parentOf(node); current !== undefined; current = parentOf(current)) if (isFunctionNode(current)) return current;
  return undefined;
}
