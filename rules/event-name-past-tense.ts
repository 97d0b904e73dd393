import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { createEventNameFinder, createEventNameJudge, defaultTypeFields, type EventNameSite, getSemantics, isJsonDocument, rootSchema, schemaEventNames, type TenseOptions, type TenseVerdict } from '../src/semantics/index.js';
import { createRule } from '../src/util/create-rule.js';

export type Options = [
  TenseOptions & {
    /** Property names that carry the event type. */
    typeFields?: string[];
  },
];
export type MessageId = 'notPastTense' | 'renameEvent';

const stringList = { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true } as const;
const judges = new WeakMap<object, (name: string) => TenseVerdict>();

export default createRule<Options, MessageId>({
  name: 'event-name-past-tense',
  meta: {
    type: 'suggestion',
    hasSuggestions: true,
    docs: {
      description: 'Require event names to be in the past tense (`OrderPlaced`, `order.shipped`), not imperative, progressive, nouns or states',
      recommended: 'recommended',
      requiresTypeChecking: true,
    },
    messages: {
      notPastTense:
        "Event name '{{name}}' is not in the past tense ({{reason}}). An event states a fact that already happened and that no consumer can refuse; {{advice}}",
      renameEvent: "Rename the event to '{{suggestion}}'.",
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowSameFormVerbs: { type: 'boolean', description: 'Accept verbs whose past tense looks like the present (read, set, reset, put) after a subject, as in `PasswordReset`.' },
          allowAdjectiveStates: { type: 'boolean', description: 'Accept state adjectives such as `SubscriptionActive` or `InvoiceOverdue`.' },
          allowParticiplePrefix: { type: 'boolean', description: 'Accept a participle in front of its noun, as in `CancelledOrder`.' },
          allow: { ...stringList, description: 'Event names (exact) or words (any case) that are always accepted.' },
          deny: { ...stringList, description: 'Event names (exact) or words (any case) that are always reported.' },
          suffixes: { ...stringList, description: 'Suffixes removed before judging (default: Event, Evt, IntegrationEvent, DomainEvent, Message, Msg, Notification).' },
          extraPastParticiples: { ...stringList, description: "Past participles of the team's own verbs (`upserted`)." },
          extraVerbs: { ...stringList, description: 'Base verbs of the team, as `base` or `base:participle` for irregular ones (`upsert`, `rebind:rebound`).' },
          typeFields: { ...stringList, description: `Property names that carry the event type (default: ${defaultTypeFields.join(', ')}).` },
        },
      },
    ],
    defaultOptions: [{}],
  },
  create(context, [options]) {
    const judge = judgeFor(options);
    // Event schemas, linted with ESLint's JSON language: the same judgement on `title`, the type's `const`/`enum` and `$id`.
    if (isJsonDocument(context.sourceCode.ast)) {
      const schema = rootSchema(context.sourceCode.ast);
      return schema === undefined ? {} : { Document: () => { checkSchema(schema); } };
    }
    const semantics = getSemantics(context);
    const finder = createEventNameFinder(semantics, context.sourceCode, options.typeFields ?? defaultTypeFields);
    const reported = new WeakSet<TSESTree.Node>();

    return {
      'CallExpression:exit'(node: TSESTree.CallExpression) {
        if (node.arguments.length === 0) return;
        // Job names are commands to a worker and request/reply patterns name a call, not events.
        const publish = semantics.effectsOf(node, 'publish').find((e) => e.role.kind === 'publish');
        if (publish === undefined || publish.role.jobQueue === true || publish.role.expectsReply === true) return;
        check(finder.namesInPublish(node));
      },
      TSInterfaceDeclaration(node) {
        check(finder.namesInEnvelopeType(node));
      },
      TSTypeAliasDeclaration(node) {
        check(finder.namesInEnvelopeType(node));
      },
      ClassDeclaration(node) {
        const site = finder.nameOfEventClass(node);
        if (site !== undefined) check([site]);
      },
      // Names declared once and used by event types elsewhere are reported at the declaration.
      TSEnumMember(node) {
        const site = finder.nameOfDeclaration(node);
        if (site !== undefined) check([site]);
      },
      'Program > VariableDeclaration > VariableDeclarator, Program > ExportNamedDeclaration > VariableDeclaration > VariableDeclarator'(node: TSESTree.VariableDeclarator) {
        if (node.parent.kind !== 'const') return;
        const site = finder.nameOfDeclaration(node);
        if (site !== undefined) check([site]);
      },
      PropertyDefinition(node) {
        const site = finder.nameOfPublisherSubject(node);
        if (site !== undefined) check([site]);
      },
      Decorator(node) {
        const site = finder.nameOfEventPattern(node);
        // A one-word pattern is a channel or topic name (`orders`), not an event name; so is one that ends in a plural noun (`billing.invoices`).
        if (site === undefined || !/[a-z][A-Z]|[\s./:_-]/u.test(site.name)) return;
        const verdict = judge(site.name);
        if (verdict.ok === false && verdict.reason === 'noun' && /[^s]s$/iu.test(verdict.word)) return;
        check([site]);
      },
    };

    function checkSchema(schema: NonNullable<ReturnType<typeof rootSchema>>): void {
      for (const site of schemaEventNames(schema, new Set(options.typeFields ?? defaultTypeFields))) {
        const verdict = judge(site.name);
        if (verdict.ok !== false) continue;
        const suggestion = site.source === '$id' ? undefined : verdict.suggestion;
        const range = (site.node as unknown as { range: [number, number] }).range;
        context.report({
          node: site.node as unknown as TSESTree.Node,
          messageId: 'notPastTense',
          data: { name: site.name, reason: verdict.message, advice: adviceFor(suggestion) },
          suggest: suggestion === undefined ? [] : [{ messageId: 'renameEvent', data: { suggestion }, fix: (fixer) => fixer.replaceTextRange(range, JSON.stringify(suggestion)) }],
        });
      }
    }

    function check(sites: readonly EventNameSite[]): void {
      for (const site of sites) {
        if (reported.has(site.node)) continue;
        const verdict = judge(site.name);
        if (verdict.ok !== false) continue;
        reported.add(site.node);
        const suggestion = verdict.suggestion;
        const literal = site.literal;
        context.report({
          node: site.node,
          messageId: 'notPastTense',
          data: {
            name: site.name,
            reason: verdict.message,
            advice: adviceFor(suggestion),
          },
          suggest:
            suggestion === undefined || literal === undefined
              ? []
              : [{ messageId: 'renameEvent', data: { suggestion }, fix: (fixer) => fixer.replaceText(literal, quoted(literal, suggestion)) }],
        });
      }
    }
  },
});

function adviceFor(suggestion: string | undefined): string {
  return suggestion === undefined
    ? 'name what happened with a past-tense verb, or send it as a command if it asks for something to happen.'
    : `name it '${suggestion}', or send it as a command if it asks for something to happen.`;
}

function judgeFor(options: Options[0]): (name: string) => TenseVerdict {
  let judge = judges.get(options);
  if (judge === undefined) {
    judge = createEventNameJudge(options);
    judges.set(options, judge);
  }
  return judge;
}

/** The new name in the same quotes as the old one. */
function quoted(literal: TSESTree.StringLiteral | TSESTree.TemplateLiteral, name: string): string {
  if (literal.type === AST_NODE_TYPES.TemplateLiteral) return `\`${name}\``;
  const quote = literal.raw.startsWith('"') ? '"' : "'";
  return `${quote}${name.replaceAll('\\', '\\\\').replaceAll(quote, `\\${quote}`)}${quote}`;
}
