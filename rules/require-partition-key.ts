import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { getSemantics, type PartitionKeyedMessages, serializedValueOf } from '../src/semantics/index.js';
import { createRule } from '../src/util/create-rule.js';
import { clip } from '../src/util/messages.js';

export type Options = [];
export type MessageId = 'missingKey' | 'constantKey' | 'fewFixedKeys' | 'randomKey' | 'useAggregateKey';

/** Identity fields of an event's aggregate: `orderId`, `aggregateId`, `customer_id`. Linear: anchored suffixes. */
const aggregateIdName = /^[a-z][A-Za-z\d]*Id$|^[a-z][a-z\d]*_id$/u;
/**
 * Ids of one message, request or trace, never of an aggregate: a body with only these has no
 * order to keep. Matched on the name's first word (`spanId`, `parent_span_id`, `traceId`).
 */
const perMessageIdWords: ReadonlySet<string> = new Set(['event', 'message', 'msg', 'correlation', 'causation', 'request', 'trace', 'span', 'parent', 'idempotency', 'log', 'record', 'job', 'run', 'delivery', 'receipt', 'dedupe', 'batch', 'session']);
/** Calls that make a new value each time: a key from one of them is no key at all. */
const randomSources: ReadonlySet<string> = new Set(['randomUUID', 'uuid', 'v4', 'uuidv4', 'v7', 'uuidv7', 'nanoid', 'ulid', 'random', 'now', 'cuid', 'createId']);
/** A key with this few values, all fixed, is as hot as a constant. */
const maxFixedValues = 8;
/** Where a payload nests the aggregate's fields (`{ type, data: { orderId } }`). */
const payloadContainers: readonly string[] = ['data', 'payload', 'detail', 'body'];

/** An aggregate id in a message body: its field name, and the expression that reads it where the body is built. */
interface AggregateId {
  readonly name: string;
  readonly expression: string;
  readonly isString: boolean;
}

export default createRule<Options, MessageId>({
  name: 'require-partition-key',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: "Require a partition or ordering key derived from the event's aggregate: not missing, not constant, not random",
      recommended: 'strict',
      requiresTypeChecking: true,
    },
    messages: {
      missingKey:
        'This {{system}} message has no `{{property}}`, so events of one {{aggregate}} land on any partition and consumers see them out of order. Key it by `{{aggregate}}`.',
      constantKey:
        "Every {{system}} message here gets the same `{{property}}` ({{value}}): they all go to one partition or ordering group, which caps throughput at one consumer's. Key by the aggregate id.",
      fewFixedKeys:
        '`{{property}}` takes only a few fixed values ({{value}}): those {{system}} partitions run hot, and one aggregate\'s events are split between them out of order. Key by the aggregate id.',
      randomKey:
        '`{{property}}` is new for every {{system}} message ({{value}}), so one aggregate\'s events spread over partitions and lose their order. Key by the aggregate id.',
      useAggregateKey: 'Key the message by `{{expression}}`.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const semantics = getSemantics(context);
    const sourceCode = context.sourceCode;
    if (!semantics.mayPublishIn(sourceCode.ast)) return {};

    return {
      CallExpression(node) {
        // Only a catalogued publish carries a key: a call whose name cannot publish is never resolved.
        if (!semantics.effectsOf(node, 'publish').some((effect) => effect.role.kind === 'publish')) return;
        const library = semantics.libraryCallOf(node);
        const keyed = library?.partitionKey;
        if (library === undefined || keyed === undefined) return;
        for (const message of keyed.messages) checkMessage(message, keyed, library.role.system);
      },
    };

    function checkMessage(message: ts.Expression, keyed: PartitionKeyedMessages, system: string): void {
      const written = serializedValueOf(semantics.checker, message);
      const object = written === undefined ? undefined : semantics.esNodeOf(written);
      if (object?.type !== AST_NODE_TYPES.ObjectExpression) return;
      // A spread may bring the key along: judge only what is written.
      if (object.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) return;
      const property = keyed.location.property;
      const key = object.properties.find((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && propertyName(p) === property);
      const value = key?.value;
      if (value === undefined || isNullish(value)) {
        if (keyed.location.missingLosesOrder !== true) return;
        const aggregate = aggregateIdIn(object);
        if (aggregate === undefined) return;
        context.report({
          node: key ?? object,
          messageId: 'missingKey',
          data: { system, property, aggregate: aggregate.name },
          suggest: key === undefined ? keySuggestion(object, property, aggregate) : [],
        });
        return;
      }
      if (value.type === AST_NODE_TYPES.AssignmentPattern || value.type === AST_NODE_TYPES.ObjectPattern || value.type === AST_NODE_TYPES.ArrayPattern) return;
      if (isRandom(value)) {
        context.report({ node: value, messageId: 'randomKey', data: { system, property, value: clip(sourceCode.getText(value)) } });
        return;
      }
      const few = fixedValuesText(value);
      if (few !== undefined) {
        context.report({ node: value, messageId: 'fewFixedKeys', data: { system, property, value: few } });
        return;
      }
      const constant = constantText(value);
      if (constant !== undefined) context.report({ node: value, messageId: 'constantKey', data: { system, property, value: constant } });
    }

    /** The aggregate id the message's body carries: `{ value: JSON.stringify(event) }` where `event.data.orderId` exists. */
    function aggregateIdIn(message: TSESTree.ObjectExpression): AggregateId | undefined {
      for (const property of message.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.key === property.value) continue;
        const bodyNode = serializedValueOf(semantics.checker, semantics.tsNodeOf(property.value) as ts.Expression);
        if (bodyNode === undefined) continue;
        const body = semantics.esNodeOf(bodyNode);
        const found = aggregateIdOfType(semantics.checker.getTypeAtLocation(bodyNode), 0);
        if (found === undefined) continue;
        const base = body !== undefined && (body.type === AST_NODE_TYPES.Identifier || body.type === AST_NODE_TYPES.MemberExpression) ? sourceCode.getText(body) : undefined;
        return { name: found.path.at(-1) ?? found.path.join('.'), expression: base === undefined ? '' : `${base}.${found.path.join('.')}`, isString: found.isString };
      }
      return undefined;
    }

    function aggregateIdOfType(type: ts.Type, depth: number): { readonly path: readonly string[]; readonly isString: boolean } | undefined {
      const properties = semantics.checker.getPropertiesOfType(type);
      for (const property of properties) {
        const name = property.getName();
        if (aggregateIdName.test(name) && !perMessageIdWords.has(firstWordOf(name))) {
          const propertyType = semantics.checker.getTypeOfSymbol(property);
          return { path: [name], isString: (propertyType.flags & ts.TypeFlags.StringLike) !== 0 && !propertyType.isUnion() };
        }
      }
      if (depth > 0) return undefined;
      for (const container of payloadContainers) {
        const nested = properties.find((p) => p.getName() === container);
        if (nested === undefined) continue;
        const inner = aggregateIdOfType(semantics.checker.getTypeOfSymbol(nested), depth + 1);
        if (inner !== undefined) return { path: [container, ...inner.path], isString: inner.isString };
      }
      return undefined;
    }

    function keySuggestion(message: TSESTree.ObjectExpression, property: string, aggregate: AggregateId): TSESLint.ReportSuggestionArray<MessageId> {
      const first = message.properties[0];
      if (aggregate.expression === '' || first === undefined) return [];
      const keyExpression = aggregate.isString ? aggregate.expression : `String(${aggregate.expression})`;
      return [{ messageId: 'useAggregateKey', data: { expression: keyExpression }, fix: (fixer) => fixer.insertTextBefore(first, `${property}: ${keyExpression}, `) }];
    }

    /** A value that is the same on every call: a literal, or anything the checker types as one literal. */
    function constantText(value: TSESTree.Node): string | undefined {
      if (value.type === AST_NODE_TYPES.Literal && (typeof value.value === 'string' || typeof value.value === 'number')) return clip(sourceCode.getText(value));
      if (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0) return clip(sourceCode.getText(value));
      const type = semantics.checker.getTypeAtLocation(semantics.tsNodeOf(value));
      if (type.isStringLiteral()) return `${clip(sourceCode.getText(value))} is always ${JSON.stringify(type.value)}`;
      if (type.isNumberLiteral()) return `${clip(sourceCode.getText(value))} is always ${String(type.value)}`;
      return undefined;
    }

    /** An enum or literal union, often the event type: `key: event.type`. */
    function fixedValuesText(value: TSESTree.Node): string | undefined {
      const type = semantics.checker.getTypeAtLocation(semantics.tsNodeOf(value));
      const members = type.isUnion() ? type.types : [];
      if (members.length < 2 || members.length > maxFixedValues || !members.every((m) => m.isStringLiteral() || m.isNumberLiteral())) return undefined;
      return clip(members.map((m) => JSON.stringify((m as ts.LiteralType).value)).join(' | '), 60);
    }
  },
});

/** `parentSpanId` → `parent`, `trace_id` → `trace`. */
function firstWordOf(name: string): string {
  return (/^[a-z\d]+/u.exec(name)?.[0] ?? name).toLowerCase();
}

function isRandom(value: TSESTree.Node): boolean {
  let node = value;
  // `String(uuid())`, `` `${randomUUID()}` ``.
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'String' && node.arguments[0] !== undefined) node = node.arguments[0];
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.quasis.every((q) => q.value.cooked === '') && node.expressions.length === 1 && node.expressions[0] !== undefined) node = node.expressions[0];
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = node.callee;
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : undefined;
  return name !== undefined && randomSources.has(name);
}

function isNullish(node: TSESTree.Node): boolean {
  return (node.type === AST_NODE_TYPES.Literal && node.value === null) || (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined');
}

function propertyName(property: TSESTree.Property): string | undefined {
  if (property.key.type === AST_NODE_TYPES.Identifier && !property.computed) return property.key.name;
  return property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string' ? property.key.value : undefined;
}
