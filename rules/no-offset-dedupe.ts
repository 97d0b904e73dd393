import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { getSemantics, type PositionField, positionFieldNames } from '../src/semantics/index.js';
import { parentOf } from '../src/util/ast.js';
import { createRule } from '../src/util/create-rule.js';

export type Options = [];
export type MessageId = 'positionAsDedupeKey';

/** Names that say a value is an identity or a dedupe key. Linear: one alternation, no nesting. */
const identityName = /dedup|idempot|processed|consumed|handled|seen|duplicate|inbox|event_?id|message_?id/iu;
/** How far a position value is followed through local variables. */
const maxHops = 3;

export default createRule<Options, MessageId>({
  name: 'no-offset-dedupe',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow deduplicating messages on a broker position (offset, delivery tag, receipt handle) instead of the event id',
      recommended: 'recommended',
      requiresTypeChecking: true,
    },
    messages: {
      positionAsDedupeKey:
        '`{{expression}}` is a {{system}} delivery position used as a dedupe key, not the identity of the event. Here {{reason}}: deduplicate on the event id from the envelope.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const semantics = getSemantics(context);
    const sourceCode = context.sourceCode;

    return {
      MemberExpression(node) {
        // Syntax first: only a handful of property names can be positions.
        if (node.property.type !== AST_NODE_TYPES.Identifier || !positionFieldNames.has(node.property.name)) return;
        const read = node.parent.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node ? node.parent : node;
        const position = semantics.positionFieldOf(read);
        if (position === undefined) return;
        if (flowsIntoDedupeKey(read, 0, position)) report(read, position);
      },
    };

    /** Follows the value up through string building and local variables to where it is used. */
    function flowsIntoDedupeKey(start: TSESTree.Node, hops: number, position: PositionField): boolean {
      let node = start;
      for (let parent = parentOf(node); parent !== undefined; node = parent, parent = parentOf(parent)) {
        switch (parent.type) {
          case AST_NODE_TYPES.TemplateLiteral:
          case AST_NODE_TYPES.BinaryExpression:
          case AST_NODE_TYPES.ArrayExpression:
          case AST_NODE_TYPES.TSAsExpression:
          case AST_NODE_TYPES.TSNonNullExpression:
          case AST_NODE_TYPES.ChainExpression:
          case AST_NODE_TYPES.TaggedTemplateExpression:
            if (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator !== '+') return false;
            continue;
          case AST_NODE_TYPES.Property:
            if (parent.value !== node) return false;
            if (isIdentityName(parent.key)) return true;
            continue;
          case AST_NODE_TYPES.ObjectExpression:
            continue;
          case AST_NODE_TYPES.MemberExpression:
            // `offset.toString()` keeps the value; any other member of it is something else.
            if (parent.object === node && parent.property.type === AST_NODE_TYPES.Identifier && keepsValue.has(parent.property.name)) continue;
            return false;
          case AST_NODE_TYPES.CallExpression:
            if (parent.callee === node) {
              // `String(offset)` / `offset.toString()` keep the value.
              continue;
            }
            if (isConversion(parent)) continue;
            return isDedupeSink(parent, node, position);
          case AST_NODE_TYPES.VariableDeclarator:
            if (parent.init !== node) return false;
            if (isIdentityName(parent.id)) return true;
            return hops < maxHops && sourceCode.getDeclaredVariables(parent).some((variable) =>
              variable.references.some((reference) => reference.isRead() && flowsIntoDedupeKey(reference.identifier, hops + 1, position)),
            );
          case AST_NODE_TYPES.AssignmentExpression:
            return parent.right === node && isIdentityName(parent.left);
          default:
            return false;
        }
      }
      return false;
    }

    /** A dedupe store: Redis keys, an in-memory Set/Map, or a database table named for dedupe. */
    function isDedupeSink(call: TSESTree.CallExpression, argument: TSESTree.Node, position: PositionField): boolean {
      const library = semantics.libraryCallOf(call);
      if (library !== undefined) {
        // The key is the first argument; a position stored as a value (a committed offset) is fine.
        // Per-partition state (lag, counters) is keyed by partition legitimately: it needs a dedupe name too.
        if (library.role.kind === 'kv') {
          return call.arguments[0] === argument && (!position.sharedAcrossMessages || identityName.test(sourceCode.getText(call)));
        }
        if (library.role.kind === 'write' || library.role.kind === 'read') return identityName.test(sourceCode.getText(call));
        return false;
      }
      // A project helper whose name says what it is for: `markProcessed(offset)`, `isDuplicate(key)`.
      const callee = call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.property : call.callee;
      return isIdentityName(callee);
    }

    function report(node: TSESTree.Node, position: PositionField): void {
      context.report({
        node,
        messageId: 'positionAsDedupeKey',
        data: { expression: sourceCode.getText(node), system: position.system, reason: position.reason },
      });
    }
  },
});

function isIdentityName(node: TSESTree.Node): boolean {
  const name =
    node.type === AST_NODE_TYPES.Identifier
      ? node.name
      : node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string'
        ? node.value
        : node.type === AST_NODE_TYPES.MemberExpression && node.property.type === AST_NODE_TYPES.Identifier
          ? node.property.name
          : undefined;
  return name !== undefined && identityName.test(name);
}

const keepsValue: ReadonlySet<string> = new Set(['toString', 'valueOf', 'padStart', 'trim']);

function isConversion(call: TSESTree.CallExpression): boolean {
  return call.callee.type === AST_NODE_TYPES.Identifier && ['String', 'Number', 'BigInt'].includes(call.callee.name);
}
