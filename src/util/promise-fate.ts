import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/** What happens to a call's promise: someone waits for it or handles its rejection, or nobody does. */
export type PromiseFate = 'handled' | 'floating' | 'voided';

/**
 * Follows a call's value up to what decides whether anyone waits for it: an expression statement
 * or `void` drops it; `await`, `return`, an arrow's body, an argument (`Promise.all`,
 * `promises.push`), a `.catch(…)` or a variable read again later keep it. Anything unclear counts
 * as kept: a finding must be sure.
 */
export function promiseFateOf(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): PromiseFate {
  let node: TSESTree.Node = call;
  for (;;) {
    // `Program`'s parent is null at run time, whatever the typings say.
    const parent = node.parent as TSESTree.Node | null;
    if (parent === null) return 'handled';
    switch (parent.type) {
      case AST_NODE_TYPES.ExpressionStatement:
        return 'floating';
      case AST_NODE_TYPES.UnaryExpression:
        return parent.operator === 'void' ? 'voided' : 'handled';
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.LogicalExpression:
        if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test === node) return 'handled';
        node = parent;
        continue;
      case AST_NODE_TYPES.SequenceExpression:
        if (parent.expressions.at(-1) !== node) return 'floating';
        node = parent;
        continue;
      case AST_NODE_TYPES.MemberExpression: {
        // `p.catch(…)` and `p.then(ok, fail)` handle the rejection; `p.then(ok)` and `p.finally(…)` pass it on.
        const method = parent.object === node && parent.property.type === AST_NODE_TYPES.Identifier ? parent.property.name : undefined;
        const chained: TSESTree.CallExpression | undefined = parent.parent.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent ? parent.parent : undefined;
        if (chained === undefined || method === undefined) return 'handled';
        if (method === 'catch' || (method === 'then' && chained.arguments.length >= 2)) return 'handled';
        if (method !== 'then' && method !== 'finally') return 'handled';
        node = chained;
        continue;
      }
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier ? fateOfBinding(parent.id, sourceCode) : 'handled';
      case AST_NODE_TYPES.AssignmentExpression:
        return parent.right === node && parent.left.type === AST_NODE_TYPES.Identifier ? fateOfBinding(parent.left, sourceCode) : 'handled';
      default:
        return 'handled';
    }
  }
}

/** `const sent = producer.send(…)`: kept if the variable is read again (awaited later, collected, returned). */
function fateOfBinding(identifier: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): PromiseFate {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  if (variable === null) return 'handled';
  return variable.references.some((reference) => reference.isRead()) ? 'handled' : 'floating';
}
