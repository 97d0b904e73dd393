import type { TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';
import { createEventNameFinder, type EventNameSite, getSemantics, optionalPropertyCount, splitEventName } from '../src/semantics/index.js';
import { createRule } from '../src/util/create-rule.js';

export type Options = [{ maxOptionalProperties?: number }];
export type MessageId = 'genericUpdate';

const genericVerbs: ReadonlySet<string> = new Set(['updated', 'changed', 'modified', 'edited', 'patched']);
const bodyFields = ['data', 'payload'];

export default createRule<Options, MessageId>({
  name: 'no-generic-updated-event',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow `*Updated` / `*Changed` events whose payload is a bag of optional fields',
      recommended: 'strict',
      requiresTypeChecking: true,
    },
    messages: {
      genericUpdate:
        "'{{name}}' carries {{count}} optional fields: several events pretending to be one. Every consumer has to diff the payload to learn what happened: split it into specific events (`CustomerEmailChanged`).",
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          maxOptionalProperties: { type: 'integer', minimum: 0, description: 'How many optional payload fields an update event may have before it is reported (default 5).' },
        },
      },
    ],
    defaultOptions: [{ maxOptionalProperties: 5 }],
  },
  create(context, [options]) {
    const semantics = getSemantics(context);
    const checker = semantics.checker;
    const finder = createEventNameFinder(semantics, context.sourceCode);
    const limit = options.maxOptionalProperties ?? 5;

    return {
      TSInterfaceDeclaration(node) {
        checkDeclared(node, finder.namesInEnvelopeType(node));
      },
      TSTypeAliasDeclaration(node) {
        checkDeclared(node, finder.namesInEnvelopeType(node));
      },
      ClassDeclaration(node) {
        const site = finder.nameOfEventClass(node);
        if (site !== undefined && isGenericUpdate(site.name)) report(site, checker.getTypeAtLocation(semantics.tsNodeOf(node)));
      },
    };

    /** An envelope type named for an update: count the optional fields of its `data` (or of itself). */
    function checkDeclared(node: TSESTree.TSInterfaceDeclaration | TSESTree.TSTypeAliasDeclaration, sites: readonly EventNameSite[]): void {
      const site = sites.find((s) => isGenericUpdate(s.name)) ?? (isGenericUpdate(node.id.name) ? { name: node.id.name, node: node.id, source: 'envelope type' as const } : undefined);
      if (site === undefined) return;
      const type = checker.getTypeAtLocation(semantics.tsNodeOf(node));
      const body = bodyFields.map((f) => type.getProperty(f)).find((p) => p !== undefined);
      report(site, body === undefined ? type : checker.getTypeOfSymbolAtLocation(body, semantics.tsNodeOf(node)));
    }

    function report(site: EventNameSite, payload: ts.Type): void {
      const count = optionalPropertyCount(checker.getNonNullableType(payload));
      if (count <= limit) return;
      context.report({ node: site.node, messageId: 'genericUpdate', data: { name: site.name, count: String(count) } });
    }
  },
});

function isGenericUpdate(name: string): boolean {
  const words = splitEventName(name).words;
  return genericVerbs.has(words.at(-1) ?? '');
}
