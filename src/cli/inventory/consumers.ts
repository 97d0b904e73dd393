import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { defaultTypeFields, type Effect, type Handler } from '../../semantics/index.js';
import type { FunctionNode } from '../../util/ast.js';
import type { ConsumerItem } from '../inventory-items.js';
import { registrationSubscriptionsOf, type InventoryFile } from './destinations.js';
import { walk } from './syntax.js';
import { unique } from '../../util/text.js';

const typeFields: ReadonlySet<string> = new Set(defaultTypeFields);

/** A handler seen in the file, reported once the whole file (its `subscribe` calls) has been read. */
export interface PendingConsumer {
  readonly node: FunctionNode;
  readonly handler: Handler;
  /** `consumer` in `consumer.run({ eachMessage })`: its `subscribe` calls name the topics. */
  readonly receiverText?: string;
}

/** The inventory entry of a handler: what it subscribes to, the events it tells apart, its guards and effects. */
export function consumerItemOf(file: InventoryFile, { node, handler, receiverText }: PendingConsumer, subscribeCalls: ReadonlyMap<string, readonly string[]>): ConsumerItem {
  // Every call on the handler's paths, not the function summary, which keeps one effect of each kind.
  const effects: Effect[] = [];
  walk(file.sourceCode, node, (child) => {
    if (child.type === AST_NODE_TYPES.CallExpression || child.type === AST_NODE_TYPES.TaggedTemplateExpression) effects.push(...file.semantics.effectsOf(child));
  });
  const subscriptions = [...registrationSubscriptionsOf(file, node), ...(receiverText === undefined ? [] : (subscribeCalls.get(receiverText) ?? []))];
  return {
    kind: 'consumer',
    name: handler.name,
    system: handler.system,
    description: handler.description,
    subscriptions: unique(subscriptions),
    handledEvents: handledEventNamesOf(file, node),
    guards: unique(effects.filter((e) => e.role.kind === 'guard').map((e) => e.chain.join(' → '))),
    effects: unique(effects.filter((e) => e.role.kind === 'effect').map((e) => e.role.what ?? 'has a side effect')),
  };
}

/** `event.type === 'OrderPlaced'` and `switch (event.type) { case 'OrderPlaced': … }` in a handler. */
function handledEventNamesOf(file: InventoryFile, fn: FunctionNode): string[] {
  const names: string[] = [];
  walk(file.sourceCode, fn, (node) => {
    if (node.type === AST_NODE_TYPES.BinaryExpression && ['===', '=='].includes(node.operator)) {
      const [member, value] = isTypeField(node.left) ? [node.left, node.right] : [node.right, node.left];
      if (isTypeField(member)) names.push(...literalStrings(value));
    }
    if (node.type === AST_NODE_TYPES.SwitchStatement && isTypeField(node.discriminant)) {
      for (const switchCase of node.cases) if (switchCase.test !== null) names.push(...literalStrings(switchCase.test));
    }
  });
  return unique(names);
}

function isTypeField(node: TSESTree.Node): node is TSESTree.MemberExpression {
  if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
  const property = node.property;
  const name = property.type === AST_NODE_TYPES.Identifier && !node.computed ? property.name : property.type === AST_NODE_TYPES.Literal ? String(property.value) : undefined;
  return name !== undefined && typeFields.has(name);
}

function literalStrings(node: TSESTree.Node): string[] {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return [node.value];
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return [node.quasis[0]?.value.cooked ?? ''];
  return [];
}
