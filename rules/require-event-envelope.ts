import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { callsIn, cloudEventsEnvelope, defaultEnvelope, destinationsOf, type EnvelopeField, type FileSemantics, getSemantics, isJsonDocument, isLibraryType, localInitializerOf, looksLikeEventObject, notEventTypeName, objectLiteralsIn, propertyNamesOf, rootSchema, schemaRequiredFields, serializedValueOf, typeNameOf } from '../src/semantics/index.js';
import { isNode, propertyKeyName } from '../src/util/ast.js';
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
        'This published event{{name}} has no {{missing}}. Consumers need them to deduplicate, trace, order and evolve it: add the envelope fields.',
      lookAlikeField: 'This published event{{name}} has `{{found}}` where the envelope field is `{{field}}`. Consumers that read `{{field}}` will not find it: rename it.',
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
      return schema === undefined ? {} : { Document: () => { checkSchema(context, envelope, schema); } };
    }
    const semantics = getSemantics(context);
    const sourceCode = context.sourceCode;
    const check: EnvelopeCheck = { context, semantics, envelope, checked: new WeakSet() };

    return {
      'CallExpression:exit'(node: TSESTree.CallExpression) {
        if (node.arguments.length === 0) return;
        const publish = semantics.effectsOf(node, 'publish').find((e) => e.role.kind === 'publish');
        // Job data and request/reply bodies are not events.
        if (publish === undefined || publish.role.jobQueue === true || publish.role.expectsReply === true) return;
        // A broker client call: every message body it carries is an event, enveloped or bare —
        // unless it goes to a telemetry stream (`metrics`, `logs`), which carries measurements.
        const payloads = semantics.libraryCallOf(node)?.payloads;
        if (payloads !== undefined) {
          if (destinationsOf(node, sourceCode).some((d) => telemetryDestination.test(d))) return;
          for (const body of payloads) checkPayload(check, body, node);
          return;
        }
        // A project wrapper: the arguments that look like events.
        for (const object of objectLiteralsIn(node, sourceCode)) checkObject(check, object);
        for (const value of serializedValues(node, sourceCode)) checkTypedValue(check, value);
      },
    };
  },
});

/** What the checks of one file share. */
interface EnvelopeCheck {
  readonly context: Readonly<TSESLint.RuleContext<MessageId, Options>>;
  readonly semantics: FileSemantics;
  readonly envelope: readonly EnvelopeField[];
  /** Bodies already checked: one reached from two publishes (or as a literal and a value) is reported once. */
  readonly checked: WeakSet<TSESTree.Node>;
}

/**
 * A message body, serialised or not: an object literal or a value of an object type. Fields
 * the transport carries beside it (Kafka headers, SNS/SQS attributes, EventBridge `Source`,
 * `DetailType` and `Time`, amqplib's `messageId`/`type`/`correlationId`) count.
 */
function checkPayload(check: EnvelopeCheck, body: ts.Expression, call: TSESTree.CallExpression): void {
  const { semantics, checked } = check;
  const checker = semantics.checker;
  const value = serializedValueOf(checker, body);
  if (value === undefined) return;
  const esValue = semantics.esNodeOf(value);
  if (esValue === undefined || checked.has(esValue)) return;
  checked.add(esValue);
  const type = checker.getTypeAtLocation(value);
  let names: Set<string>;
  if (esValue.type === AST_NODE_TYPES.ObjectExpression) {
    names = propertyNamesOf(esValue, type);
  } else {
    if (!isObjectLike(type) || isLibraryType(type)) return;
    names = new Set(type.getProperties().map((p) => p.getName()));
    if (names.size === 0) return;
  }
  // Replies, queries and options are not events; a command on a queue needs the envelope all the same.
  if (notMessageTypeName.test(typeNameOf(type) ?? '')) return;
  const beside = keysBeside(call, esValue, check.context.sourceCode.visitorKeys);
  const present = new Set([...names, ...check.envelope.filter((field) => carriedBeside(field, beside)).map((field) => field.name)]);
  reportGaps(check, esValue, present, esValue.type === AST_NODE_TYPES.ObjectExpression ? eventNameOf(esValue) : typeNameOf(type));
}

function checkSchema(context: Readonly<TSESLint.RuleContext<MessageId, Options>>, envelope: readonly EnvelopeField[], schema: NonNullable<ReturnType<typeof rootSchema>>): void {
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

function checkObject(check: EnvelopeCheck, object: TSESTree.ObjectExpression): void {
  const { semantics, checked } = check;
  if (checked.has(object)) return;
  checked.add(object);
  const tsNode = semantics.tsNodeOf(object) as ts.Expression;
  const contextual = semantics.checker.getContextualType(tsNode);
  // The broker's own request shapes (`ProducerRecord`, EventBridge entries) are not the event.
  if (isLibraryType(contextual) || notEventTypeName.test(typeNameOf(contextual) ?? '')) return;
  const names = propertyNamesOf(object, semantics.checker.getTypeAtLocation(tsNode));
  if (!looksLikeEventObject(names)) return;
  reportGaps(check, object, names, eventNameOf(object));
}

/** `JSON.stringify(event)` where `event` has a project event type. */
function checkTypedValue(check: EnvelopeCheck, value: TSESTree.Expression): void {
  const { semantics, checked } = check;
  if (checked.has(value)) return;
  checked.add(value);
  const type = semantics.checker.getTypeAtLocation(semantics.tsNodeOf(value));
  if (isLibraryType(type) || notEventTypeName.test(typeNameOf(type) ?? '')) return;
  const names = new Set(type.getProperties().map((p) => p.getName()));
  if (!looksLikeEventObject(names)) return;
  reportGaps(check, value, names, typeNameOf(type));
}

function reportGaps(check: EnvelopeCheck, node: TSESTree.Node, names: ReadonlySet<string>, eventName: string | undefined): void {
  const { context, envelope } = check;
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
function serializedValues(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Expression[] {
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

/** Declared names of bodies that are not events or commands: RPC requests and replies, DTOs, options. */
const notMessageTypeName = /(?:Request|Query|Action|Response|Reply|Dto|DTO|Options|Config)$/u;

/** Destinations of measurements rather than events. Linear: one alternation between delimiters. */
const telemetryDestination = /(?:^|[^a-z])(?:metrics?|logs?|telemetry|heartbeats?|traces?|stats)(?:$|[^a-z])/iu;

/** Transport attribute names that carry an envelope field beside the body. */
const transportAliases: Readonly<Record<string, readonly string[]>> = {
  type: ['detailtype', 'eventtype', 'messagetype', 'cetype'],
  source: ['appid', 'cesource'],
  occurredAt: ['time', 'timestamp', 'cetime'],
  id: ['messageid', 'ceid'],
};

function normalized(name: string): string {
  return name.toLowerCase().replace(/[^a-z\d]/gu, '');
}

/** Does one of the names beside the body spell this envelope field (any case, `-` and `_` ignored)? */
function carriedBeside(field: EnvelopeField, beside: ReadonlySet<string>): boolean {
  return [field.name, ...field.lookAlikes, ...(transportAliases[field.name] ?? [])].some((name) => beside.has(normalized(name)));
}

/** Objects whose keys are message attributes: Kafka `headers`, SNS/SQS `MessageAttributes`, Pub/Sub `attributes`. */
const attributeContainers: ReadonlySet<string> = new Set(['headers', 'messageattributes', 'attributes', 'userproperties', 'applicationproperties']);
/** Transport properties that carry an envelope field (EventBridge `Source`/`DetailType`/`Time`, amqplib `messageId`/`type`/`appId`). */
const transportKeys: ReadonlySet<string> = new Set(['source', 'detailtype', 'time', 'messageid', 'type', 'appid', 'correlationid', 'causationid', 'timestamp', 'version']);

/**
 * Envelope fields carried beside the body in a call's arguments, normalised: every key of an
 * attribute container, and transport properties. (A batch entry's `Id` is the batch's, not the event's.)
 */
function keysBeside(call: TSESTree.CallExpression, body: TSESTree.Node, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): Set<string> {
  const keys = new Set<string>();
  let budget = 2_000;
  const visit = (node: TSESTree.Node, inAttributes: boolean): void => {
    if (node === body || budget-- <= 0) return;
    let childrenInAttributes = inAttributes;
    if (node.type === AST_NODE_TYPES.Property && !node.computed && node.value !== body) {
      const key = normalized(propertyKeyName(node));
      if (inAttributes || transportKeys.has(key)) keys.add(key);
      childrenInAttributes = attributeContainers.has(key);
    }
    const record = node as unknown as Record<string, unknown>;
    for (const key of visitorKeys[node.type] ?? []) {
      const child = record[key];
      if (Array.isArray(child)) for (const item of child) if (isNode(item)) visit(item, childrenInAttributes && item.type === AST_NODE_TYPES.Property);
      if (isNode(child)) visit(child, childrenInAttributes && (child.type === AST_NODE_TYPES.ObjectExpression || child.type === AST_NODE_TYPES.Property));
    }
  };
  for (const argument of call.arguments) visit(argument, false);
  return keys;
}

function isObjectLike(type: ts.Type): boolean {
  return (type.flags & ts.TypeFlags.Object) !== 0 || type.isIntersection();
}

function envelopeOf(options: Options[0]): readonly EnvelopeField[] {
  const preset = options.preset === 'cloudevents' ? cloudEventsEnvelope : defaultEnvelope;
  if (options.fields === undefined) return preset;
  return options.fields.map((name) => preset.find((f) => f.name === name) ?? { name, lookAlikes: [] });
}
