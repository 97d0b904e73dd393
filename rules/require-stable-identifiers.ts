import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';
import { displayOnlyEntities, getSemantics, isLibraryType, looksLikeEventObject, notEventTypeName, objectLiteralsIn, propertyNamesOf, serializedValueOf } from '../src/semantics/index.js';
import { createRule } from '../src/util/create-rule.js';

export type Options = [];
export type MessageId = 'displayOnly';

/** Declared names of event payloads. Linear: one alternation at the end. */
const payloadTypeName = /(?:Event|EventData|EventPayload)$/u;
const bodyFields: ReadonlySet<string> = new Set(['data', 'payload']);

export default createRule<Options, MessageId>({
  name: 'require-stable-identifiers',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require event payloads to identify entities by a stable id, not only by display fields such as names, emails or titles',
      recommended: 'strict',
      requiresTypeChecking: true,
    },
    messages: {
      displayOnly:
        'This event payload names {{entity}} only by `{{field}}`. Display values change, and then no consumer can find the {{noun}} again: carry `{{missingId}}` as well.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const semantics = getSemantics(context);
    const checker = semantics.checker;
    const reported = new WeakSet<TSESTree.Node>();

    return {
      TSInterfaceDeclaration(node) {
        checkDeclaration(node, node.body.body);
      },
      TSTypeAliasDeclaration(node) {
        if (node.typeAnnotation.type === AST_NODE_TYPES.TSTypeLiteral) checkDeclaration(node, node.typeAnnotation.members);
      },
      'CallExpression:exit'(node: TSESTree.CallExpression) {
        if (node.arguments.length === 0 || !semantics.effectsOf(node, 'publish').some((e) => e.role.kind === 'publish' && e.role.expectsReply !== true)) return;
        // A broker client's message body, enveloped or bare: the envelope's body, or the whole payload.
        for (const body of semantics.libraryCallOf(node)?.payloads ?? []) {
          const value = serializedValueOf(checker, body);
          const object = value === undefined ? undefined : semantics.esNodeOf(value);
          if (object?.type !== AST_NODE_TYPES.ObjectExpression) continue;
          const names = propertyNamesOf(object, undefined);
          const inner = object.properties.find(
            (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && p.key.type === AST_NODE_TYPES.Identifier && bodyFields.has(p.key.name),
          );
          if (inner?.value.type === AST_NODE_TYPES.ObjectExpression) check(inner.value, [...propertyNamesOf(inner.value, undefined)]);
          else if (!looksLikeEventObject(names)) check(object, [...names]);
        }
        for (const object of objectLiteralsIn(node, context.sourceCode)) {
          // Syntax first: the contextual type is asked only of objects that look like events.
          if (!looksLikeEventObject(propertyNamesOf(object, undefined))) continue;
          if (isLibraryType(checker.getContextualType(semantics.tsNodeOf(object) as ts.Expression))) continue;
          const body = object.properties.find(
            (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && p.key.type === AST_NODE_TYPES.Identifier && bodyFields.has(p.key.name),
          );
          if (body?.value.type === AST_NODE_TYPES.ObjectExpression) check(body.value, [...propertyNamesOf(body.value, undefined)]);
        }
      },
    };

    /** An event type's own fields, or those of its `data` / `payload` member. */
    function checkDeclaration(node: TSESTree.TSInterfaceDeclaration | TSESTree.TSTypeAliasDeclaration, members: readonly TSESTree.TypeElement[]): void {
      if (notEventTypeName.test(node.id.name)) return;
      const names = members.flatMap((m) => (m.type === AST_NODE_TYPES.TSPropertySignature && m.key.type === AST_NODE_TYPES.Identifier ? [m.key.name] : []));
      const body = members.find(
        (m): m is TSESTree.TSPropertySignature => m.type === AST_NODE_TYPES.TSPropertySignature && m.key.type === AST_NODE_TYPES.Identifier && bodyFields.has(m.key.name),
      );
      // An envelope's own fields (`name` as the event name) are not the payload: only its body is.
      if (body !== undefined) {
        const type = checker.getTypeAtLocation(semantics.tsNodeOf(body));
        check(body, type.getProperties().map((p) => p.getName()));
      } else if (payloadTypeName.test(node.id.name)) {
        check(node.id, names);
      }
    }

    function check(node: TSESTree.Node, fields: readonly string[]): void {
      if (reported.has(node)) return;
      const [first] = displayOnlyEntities(fields);
      if (first === undefined) return;
      reported.add(node);
      const noun = first.entity ?? 'entity';
      context.report({
        node,
        messageId: 'displayOnly',
        data: { entity: first.entity === undefined ? 'its entity' : `the ${first.entity}`, field: first.field, noun, missingId: first.missingId },
      });
    }
  },
});
