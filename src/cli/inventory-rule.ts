import { AST_NODE_TYPES, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';
import { createEventNameFinder, getSemantics, staticModuleSpecifiersOf, type EventNameSite } from '../semantics/index.js';
import type { FunctionNode } from '../util/ast.js';
import { guard } from '../util/guard.js';
import { consumerItemOf, type PendingConsumer } from './inventory/consumers.js';
import { subscribeCallOf, type InventoryFile } from './inventory/destinations.js';
import { publishSiteOf } from './inventory/publishes.js';
import { registrationReceiverText } from './inventory/syntax.js';
import { encodeInventoryItem, type InventoryItem } from './inventory-items.js';

/**
 * The review command's inventory: reports every publish site, consumer handler and event name
 * the semantic layer finds, plus the file's unresolved imports, one message each (see
 * inventory-items.ts). Internal to the command: it is not part of the public plugin, because
 * its "findings" are facts, not problems. The analyses live in ./inventory/.
 */

/** A one-word NestJS pattern is a channel or topic (`orders`), not an event name (as in event-name-past-tense). */
const eventLikePattern = /[a-z][A-Z]|[\s./:_-]/u;

export const inventoryRule = ESLintUtils.RuleCreator.withoutDocs<[], 'item'>({
  meta: {
    type: 'suggestion',
    docs: { description: 'Lists publish sites, consumers and event names for event-driven-review (internal)' },
    messages: { item: '{{json}}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const file: InventoryFile = { semantics: getSemantics(context), sourceCode: context.sourceCode };
    const { semantics, sourceCode } = file;
    const finder = createEventNameFinder(semantics, sourceCode);
    const reportedNames = new WeakSet<TSESTree.Node>();
    const consumers: PendingConsumer[] = [];
    /** `receiver text → topics` from `consumer.subscribe({ topic | topics })` calls in this file. */
    const subscribeCalls = new Map<string, string[]>();

    // The inventory is best effort: an unexpected shape of code loses one entry, never the file's findings.
    return {
      'CallExpression:exit': safely((node: TSESTree.CallExpression) => {
        rememberSubscribeCall(node);
        visitCall(node);
      }),
      'TaggedTemplateExpression:exit': safely(visitCall),
      ':function': safely((node: FunctionNode) => {
        const handler = semantics.handlerOf(node);
        if (handler !== undefined) consumers.push({ node, handler, receiverText: registrationReceiverText(node) });
      }),
      TSInterfaceDeclaration: safely((node: TSESTree.TSInterfaceDeclaration) => {
        reportNames(finder.namesInEnvelopeType(node));
      }),
      TSTypeAliasDeclaration: safely((node: TSESTree.TSTypeAliasDeclaration) => {
        reportNames(finder.namesInEnvelopeType(node));
      }),
      ClassDeclaration: safely((node: TSESTree.ClassDeclaration) => {
        reportNames(optional(finder.nameOfEventClass(node)));
      }),
      PropertyDefinition: safely((node: TSESTree.PropertyDefinition) => {
        reportNames(optional(finder.nameOfPublisherSubject(node)));
      }),
      Decorator: safely((node: TSESTree.Decorator) => {
        reportNames(optional(finder.nameOfEventPattern(node)).filter((site) => eventLikePattern.test(site.name)));
      }),
      'Program:exit': safely(() => {
        for (const consumer of consumers) safely(reportConsumer)(consumer);
        reportUnresolvedImports();
      }),
    };

    function report(node: TSESTree.Node, item: InventoryItem, loc?: TSESTree.SourceLocation): void {
      context.report({ node, ...(loc === undefined ? {} : { loc }), messageId: 'item', data: { json: encodeInventoryItem(item) } });
    }

    function visitCall(node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression): void {
      const site = publishSiteOf(file, (call) => finder.namesInPublish(call), node);
      if (site === undefined) return;
      report(node, site.item);
      reportNames(site.nameSites);
    }

    function reportConsumer(consumer: PendingConsumer): void {
      report(consumer.node, consumerItemOf(file, consumer, subscribeCalls), consumerLocation(consumer.node));
    }

    function reportNames(sites: readonly EventNameSite[]): void {
      for (const site of sites) {
        if (reportedNames.has(site.node)) continue;
        reportedNames.add(site.node);
        report(site.node, { kind: 'event-name', name: site.name, source: site.source });
      }
    }

    function rememberSubscribeCall(node: TSESTree.CallExpression): void {
      const subscribe = subscribeCallOf(file, node);
      if (subscribe !== undefined) subscribeCalls.set(subscribe.receiver, [...(subscribeCalls.get(subscribe.receiver) ?? []), ...subscribe.topics]);
    }

    /**
     * Imports the checker cannot resolve (a package not installed, a path alias it does not
     * know): calls into them have no types, so the review may miss what they do. Only module
     * resolution is asked, not a full type check of the file, which would cost more than the
     * whole review.
     */
    function reportUnresolvedImports(): void {
      const tsFile = semantics.tsNodeOf(sourceCode.ast).getSourceFile();
      const unresolved = guard(() => unresolvedImportsOf(semantics.checker, tsFile), []);
      const first = unresolved[0];
      if (first === undefined) return;
      const line = tsFile.getLineAndCharacterOfPosition(first.getStart(tsFile)).line + 1;
      const item: InventoryItem = { kind: 'type-check', errorCount: unresolved.length, firstError: `Cannot find module '${first.text}'`, firstErrorLine: line };
      report(sourceCode.ast, item, { start: { line, column: 0 }, end: { line, column: 0 } });
    }
  },
});

function unresolvedImportsOf(checker: ts.TypeChecker, file: ts.SourceFile): ts.StringLiteralLike[] {
  return staticModuleSpecifiersOf(file).filter((specifier) => checker.getSymbolAtLocation(specifier) === undefined);
}

/** A method is reported from its name (decorators come before it), any other function from its start. */
function consumerLocation(node: FunctionNode): TSESTree.SourceLocation {
  const start = node.parent.type === AST_NODE_TYPES.MethodDefinition ? node.parent.key.loc.start : node.loc.start;
  return { start, end: node.loc.end };
}

function safely<T extends unknown[]>(listener: (...args: T) => void): (...args: T) => void {
  return (...args) => {
    // Skipped: see the comment on the listeners.
    guard(() => {
      listener(...args);
    }, undefined);
  };
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}
