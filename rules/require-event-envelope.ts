import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';
import {
  cloudEventsEnvelope,
  defaultEnvelope,
  isLibraryType,
  looksLikeEventObject,
  notEventTypeName,
  propertyNamesOf,
  typeNameOf,
  type EnvelopeField,
} from '../src/semantics/envelopes.js';
import { callsIn, localInitializerOf, objectLiteralsIn } from '../src/semantics/event-names.js';
import { isJsonDocument, rootSchema, schemaRequiredFields } from '../src/semantics/event-schemas.js';
import { getSemantics } from '../src/semantics/index.js';
import { createRule } from '../src/util/create-rule.js';

export type Options = [
  {
    preset?: 'default' | 'cloudevents';
    fields?: string[];
  },
];
export type MessageId = 'missingEnvelopeFields' | 'lookAlikeField';

export default createRule<Options, MessageId>({
  name: 'require-event-envelope',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require published events to carry the full envelope: id, type, version, source, occurredAt, causationId, correlationId, data',
      recommended: 'strict',
      requiresTypeChecking: true,
    },
    messages: {
      missingEnvelopeFields:
        'This published event{{name}} has no {{missing}}: without them consumers cannot deduplicate, trace, order or evolve it without asking the producer. Add the envelope fields.',
      lookAlikeField: 'This published event{{name}} has `{{found}}` where the envelope field is `{{field}}`: consumers that read `{{field}}` will not find it. Rename it to `{{field}}`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          preset: { type: 'string', enum: ['default', 'cloudevents'], description: 'The envelope to require: this project\'s default, or CloudEvents 1.0 (`specversion`, `id`, `source`, `type`, `time`, `data`).' },
          fields: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            minItems: 1,
            description: 'Required field names, replacing the preset\'s list (look-alike hints still come from the preset).',
          },
        },
      },
    ],
    defaultOptions: [{ preset: 'default' }],
  },
  create(context, [options]) {
    const envelope = envelopeOf(options);
    // Event schemas, linted with ESLint's JSON language: the envelope fields must be `required`.
    if (isJsonDocument(context.sourceCode.ast)) {
      const schema = rootSchema(context.sourceCode.ast);
      return schema === undefined ? {} : { Document: () => { checkSchema(schema); } };
    }
    const semantics = getSemantics(context);
    const checker = semantics.checker;
    const sourceCode = context.sourceCode;
    const checked = new WeakSet<TSESTree.Node>();

    return {
      'CallExpression:exit'(node: TSESTree.CallExpression) {
        if (node.arguments.length === 0) return;
        const publish = semantics.effectsOf(node, 'publish').find((e) => e.role.kind === 'publish');
        if (publish === undefined || publish.role.jobQueue === true || publish.role.expectsReply === true) return;
        for (const object of objectLiteralsIn(node, sourceCode)) checkObject(object);
        for (const value of serializedValues(node)) checkTypedValue(value);
      },
    };

    function checkSchema(schema: NonNullable<ReturnType<typeof rootSchema>>): void {
      const { required, properties, node } = schemaRequiredFields(schema);
      const missing: string[] = [];
      for (const field of envelope) {
        if (required.has(field.name)) continue;
        const lookAlike = field.lookAlikes.find((l) => required.has(l) || properties.has(l));
        if (lookAlike !== undefined && !envelope.some((f) => f.name === lookAlike)) {
          context.report({ node: node as unknown as TSESTree.Node, messageId: 'lookAlikeField', data: { name: ' schema', found: lookAlike, field: field.name } });
        } else {
          missing.push(`\`${field.name}\``);
        }
      }
      if (missing.length > 0) {
        context.report({ node: node as unknown as TSESTree.Node, messageId: 'missingEnvelopeFields', data: { name: ' schema', missing: `${missing.join(', ')} in \`required\`` } });
      }
    }

    function checkObject(object: TSESTree.ObjectExpression): void {
      if (checked.has(object)) return;
      checked.add(object);
      const tsNode = semantics.tsNodeOf(object) as ts.Expression;
      const contextual = checker.getContextualType(tsNode);
      // The broker's own request shapes (`ProducerRecord`, EventBridge entries) are not the event.
      if (isLibraryType(contextual) || notEventTypeName.test(typeNameOf(contextual) ?? '')) return;
      const names = propertyNamesOf(object, checker.getTypeAtLocation(tsNode));
      if (!looksLikeEventObject(names)) return;
      reportGaps(object, names, eventNameOf(object));
    }

    /** `JSON.stringify(event)` where `event` has a project event type. */
    function checkTypedValue(value: TSESTree.Expression): void {
      if (checked.has(value)) return;
      checked.add(value);
      const type = checker.getTypeAtLocation(semantics.tsNodeOf(value));
      if (isLibraryType(type) || notEventTypeName.test(typeNameOf(type) ?? '')) return;
      const names = new Set(type.getProperties().map((p) => p.getName()));
      if (!looksLikeEventObject(names)) return;
      reportGaps(value, names, typeNameOf(type));
    }

    function reportGaps(node: TSESTree.Node, names: ReadonlySet<string>, eventName: string | undefined): void {
      const shownName = eventName === undefined ? '' : ` (${eventName})`;
      const missing: string[] = [];
      for (const field of envelope) {
        if (names.has(field.name)) continue;
        const lookAlike = field.lookAlikes.find((l) => names.has(l));
        if (lookAlike !== undefined && !envelope.some((f) => f.name === lookAlike)) {
          context.report({ node, messageId: 'lookAlikeField', data: { name: shownName, found: lookAlike, field: field.name } });
        } else {
          missing.push(`\`${field.name}\``);
        }
      }
      if (missing.length > 0) context.report({ node, messageId: 'missingEnvelopeFields', data: { name: shownName, missing: missing.join(', ') } });
    }

    /** Identifiers and member expressions serialized by `JSON.stringify(…)` in the publish's arguments. */
    function serializedValues(call: TSESTree.CallExpression): TSESTree.Expression[] {
      return callsIn(call, sourceCode)
        .filter((c) => sourceCode.getText(c.callee) === 'JSON.stringify')
        .flatMap((c) => c.arguments.slice(0, 1))
        .filter((a): a is TSESTree.Identifier | TSESTree.MemberExpression => a.type === AST_NODE_TYPES.Identifier || a.type === AST_NODE_TYPES.MemberExpression)
        // A local built from an object literal is checked as that literal.
        .filter((a) => a.type !== AST_NODE_TYPES.Identifier || localInitializerOf(a, sourceCode)?.type !== AST_NODE_TYPES.ObjectExpression);
    }

    function eventNameOf(object: TSESTree.ObjectExpression): string | undefined {
      for (const property of object.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.key.type !== AST_NODE_TYPES.Identifier) continue;
        if (property.key.name === 'type' && property.value.type === AST_NODE_TYPES.Literal && typeof property.value.value === 'string') return property.value.value;
      }
      return undefined;
    }
  },
});

function envelopeOf(options: Options[0]): readonly EnvelopeField[] {
  const preset = options.preset === 'cloudevents' ? cloudEventsEnvelope : defaultEnvelope;
  if (options.fields === undefined) return preset;
  return options.fields.map((name) => preset.find((f) => f.name === name) ?? { name, lookAlikes: [] });
}
