import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { type Effect, getSemantics } from '../src/semantics/index.js';
import { isFunctionNode, parentOf, receiverChainOf, type FunctionNode } from '../src/util/ast.js';
import { createRule } from '../src/util/create-rule.js';
import { describeChain } from '../src/util/messages.js';

export type Options = [];
export type MessageId = 'writeOutsideTransaction' | 'useTransactionHandle';

/** An enclosing transaction callback whose handle is the only way into the transaction. */
interface TransactionScope {
  readonly call: TSESTree.CallExpression;
  readonly callback: FunctionNode;
  readonly system: string;
  readonly handle: string;
}

export default createRule<Options, MessageId>({
  name: 'no-write-outside-transaction',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: 'Disallow writes through the root client inside a transaction callback: only the callback’s handle is in the transaction',
      recommended: 'recommended',
      requiresTypeChecking: true,
    },
    messages: {
      writeOutsideTransaction:
        '{{write}} writes through `{{root}}`, not the transaction handle `{{handle}}`, so it commits outside `{{transaction}}`. A rollback does not undo it: write through `{{handle}}`.',
      useTransactionHandle: 'Write through the transaction handle `{{handle}}`.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const semantics = getSemantics(context);
    const sourceCode = context.sourceCode;
    const scopes = new WeakMap<FunctionNode, TransactionScope | null>();

    return {
      CallExpression: check,
      // `` sql`INSERT …` `` through the root client of a callable one (postgres.js), inside `sql.begin`.
      TaggedTemplateExpression: check,
    };

    function check(node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression): void {
      const scope = enclosingScope(node);
      if (scope === undefined) return;
      // Only a write the library itself makes; a project helper may take the handle as an argument.
      const write = semantics.effectsOf(node).find((e) => e.role.kind === 'write' && e.chain.length === 1 && e.role.system === scope.system);
      if (write !== undefined) checkWrite(node, write, scope);
    }

    function checkWrite(node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression, write: Effect, scope: TransactionScope): void {
      const handle = scope.handle;
      // The handle may ride along as an argument or option, also later in the chain: `{ transaction: t }`, `.transacting(trx)`.
      const whole = node.type === AST_NODE_TYPES.CallExpression ? outermostChainCall(node) : node.tag;
      if (sourceCode.getTokens(whole).some((token) => token.type === AST_TOKEN_TYPES.Identifier && token.value === handle)) return;
      // A tagged template's client is the tag itself: `` sql`…` ``.
      const chain = node.type === AST_NODE_TYPES.CallExpression ? receiverChainOf(node.callee) : [node.tag, ...receiverChainOf(node.tag)];
      const root = chain.at(-1);
      if (root === undefined || isDeclaredInside(root, scope.callback)) return;
      const scopeReceiver = receiverChainOf(scope.call.callee)[0];
      const scopeReceiverText = scopeReceiver === undefined ? undefined : sourceCode.getText(scopeReceiver);
      const replaceable = chain.find((part) => sourceCode.getText(part) === scopeReceiverText);
      context.report({
        node,
        messageId: 'writeOutsideTransaction',
        data: { write: describeChain(write), root: sourceCode.getText(replaceable ?? root), handle, transaction: sourceCode.getText(scope.call.callee) },
        suggest: replaceable === undefined ? [] : [{ messageId: 'useTransactionHandle', data: { handle }, fix: (fixer) => fixer.replaceText(replaceable, handle) }],
      });
    }

    /** The transaction callback the call runs in, through inline callbacks (`ids.map((id) => …)`) but not other functions. */
    function enclosingScope(node: TSESTree.Node): TransactionScope | undefined {
      for (let current = parentOf(node); current !== undefined; current = parentOf(current)) {
        if (!isFunctionNode(current)) continue;
        const scope = scopeOf(current);
        if (scope !== undefined) return scope;
        const parent = current.parent;
        if (parent.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(current as TSESTree.CallExpressionArgument)) return undefined;
      }
      return undefined;
    }

    function scopeOf(fn: FunctionNode): TransactionScope | undefined {
      const cached = scopes.get(fn);
      if (cached !== undefined) return cached ?? undefined;
      const scope = computeScope(fn);
      scopes.set(fn, scope ?? null);
      return scope;
    }

    function computeScope(fn: FunctionNode): TransactionScope | undefined {
      const call = fn.parent;
      const first = fn.params[0];
      if (call.type !== AST_NODE_TYPES.CallExpression || first?.type !== AST_NODE_TYPES.Identifier) return undefined;
      const index = call.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
      if (index === -1) return undefined;
      const role = semantics.effectsOf(call, 'tx-scope').find((e) => e.role.kind === 'tx-scope' && e.role.callbackIndex === index)?.role;
      return role?.handleRequired === true ? { call, callback: fn, system: role.system, handle: first.name } : undefined;
    }
  },
});

/** `knex('t').insert(row)` → `knex('t').insert(row).transacting(trx)`: the whole fluent chain the call starts. */
function outermostChainCall(call: TSESTree.CallExpression): TSESTree.CallExpression {
  let outer = call;
  while (outer.parent.type === AST_NODE_TYPES.MemberExpression && outer.parent.object === outer && outer.parent.parent.type === AST_NODE_TYPES.CallExpression) {
    outer = outer.parent.parent;
  }
  return outer;
}

/** Is the receiver's root a local of the callback (so possibly derived from the handle)? */
function isDeclaredInside(root: TSESTree.Expression, callback: FunctionNode): boolean {
  if (root.type !== AST_NODE_TYPES.Identifier || callback.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  // A name declared by the callback itself shadows outer clients; a module-level or class client does not.
  return callback.body.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.VariableDeclaration &&
      statement.declarations.some((d) => d.id.type === AST_NODE_TYPES.Identifier && d.id.name === root.name),
  );
}
