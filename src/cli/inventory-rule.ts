import { AST_NODE_TYPES, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { createEventNameFinder, defaultTypeFields, localInitializerOf, objectLiteralsIn, type EventNameSite } from '../semantics/event-names.js';
import { getSemantics, type Effect, type Handler, type Role } from '../semantics/index.js';
import { isFunctionNode, isNode, parentOf, type FunctionNode } from '../util/ast.js';
import { encodeInventoryItem, type ConsumerItem, type InventoryItem, type PublishItem } from './inventory-items.js';
import { settingsOutboxSystem } from '../semantics/resolve-call/index.js';
import { degrade, guard } from '../util/guard.js';

/**
 * The review command's inventory: reports every publish site, consumer handler and event name
 * the semantic layer finds, plus the file's type errors, one message each (see
 * inventory-items.ts). Internal to the command: it is not part of the public plugin, because
 * its "findings" are facts, not problems.
 */

/** Property and parameter names that hold a topic, queue, subject or exchange. */
const destinationNames: ReadonlySet<string> = new Set([
  'topic',
  'topics',
  'topicName',
  'TopicArn',
  'TargetArn',
  'queue',
  'queueName',
  'queueUrl',
  'QueueUrl',
  'subject',
  'channel',
  'exchange',
  'routingKey',
  'EventBusName',
  'StreamName',
  'stream',
  'streamName',
]);
/** Parameter names of consumer registrations that take the source: `new Worker(name, fn)`, `subscription(name)`. */
const subscriptionParameterNames: ReadonlySet<string> = new Set([...destinationNames, 'name', 'pattern']);
/** Receiver methods that name the destination: `pubsub.topic('orders').publishMessage(…)`. */
const destinationMethods: ReadonlySet<string> = new Set(['topic', 'queue', 'subscription', 'subject', 'channel']);
const typeFields: ReadonlySet<string> = new Set(defaultTypeFields);
/** A one-word NestJS pattern is a channel or topic (`orders`), not an event name (as in event-name-past-tense). */
const eventLikePattern = /[a-z][A-Z]|[\s./:_-]/u;
const maxNodesPerHandler = 5000;

interface PendingConsumer {
  readonly node: FunctionNode;
  readonly handler: Handler;
  /** `consumer` in `consumer.run({ eachMessage })`: its `subscribe` calls name the topics. */
  readonly receiverText?: string;
}

export const inventoryRule = ESLintUtils.RuleCreator.withoutDocs<[], 'item'>({
  meta: {
    type: 'suggestion',
    docs: { description: 'Lists publish sites, consumers and event names for event-driven-review (internal)' },
    messages: { item: '{{json}}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const semantics = getSemantics(context);
    const sourceCode = context.sourceCode;
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
        reportTypeErrors();
      }),
    };

    function report(node: TSESTree.Node, item: InventoryItem, loc?: TSESTree.SourceLocation): void {
      context.report({ node, ...(loc === undefined ? {} : { loc }), messageId: 'item', data: { json: encodeInventoryItem(item) } });
    }

    function visitCall(node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression): void {
      const found = publishOf(node);
      if (found === undefined) return;
      const { carriesEventNames, ...publish } = found;
      // A relay's own outbox bookkeeping (`DELETE FROM outbox …` after the send) is not a publish.
      if (publish.mechanism === 'outbox' && publishesToBroker(enclosingFunctionOf(node))) return;
      const sites = node.type === AST_NODE_TYPES.CallExpression && node.arguments.length > 0 && carriesEventNames ? finder.namesInPublish(node) : [];
      const item: PublishItem = {
        kind: 'publish',
        ...publish,
        eventNames: unique(sites.map((s) => s.name)),
        destinations: node.type === AST_NODE_TYPES.CallExpression ? destinationsOf(node) : [],
        producer: producerNameOf(node),
        relay: publish.mechanism !== 'outbox' && isInOutboxRelay(node),
      };
      report(node, item);
      reportNames(sites);
    }

    /** What kind of publish a call is, if any: a broker call, a project wrapper, or an outbox write. */
    /**
     * What kind of publish a call is, if any: a broker call, a project wrapper, or an outbox write;
     * and whether its names are event names (job names and request/reply patterns are not).
     */
    function publishOf(
      node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression,
    ): (Pick<PublishItem, 'mechanism' | 'system' | 'chain'> & { readonly carriesEventNames: boolean }) | undefined {
      const carriesEventNames = (role: Role): boolean => role.jobQueue !== true && role.expectsReply !== true;
      const library = semantics.libraryCallOf(node);
      if (library !== undefined) {
        const role = library.role;
        if (role.kind === 'publish') return { mechanism: 'broker', system: role.system, chain: [library.label], carriesEventNames: carriesEventNames(role) };
        if (role.kind === 'write' && role.outbox === true) return { mechanism: 'outbox', system: outboxSystem(role.system), chain: [library.label], carriesEventNames: true };
        return undefined;
      }
      const effects = semantics.effectsOf(node);
      const published = effects.find((e) => e.role.kind === 'publish');
      if (published !== undefined) return { mechanism: 'wrapper', system: published.role.system, chain: published.chain, carriesEventNames: carriesEventNames(published.role) };
      const outboxWrite = effects.find(isOutboxWrite);
      return outboxWrite === undefined ? undefined : { mechanism: 'outbox', system: outboxSystem(outboxWrite.role.system), chain: outboxWrite.chain, carriesEventNames: true };
    }

    function publishesToBroker(fn: FunctionNode | undefined): boolean {
      return fn !== undefined && semantics.effectsOfFunction(fn).some((e) => e.role.kind === 'publish');
    }

    /** A relay reads committed outbox rows, publishes them and clears them: its function also touches the outbox. */
    function isInOutboxRelay(node: TSESTree.Node): boolean {
      const fn = enclosingFunctionOf(node);
      if (fn === undefined) return false;
      if (semantics.effectsOfFunction(fn).some(isOutboxWrite)) return true;
      let readsOutbox = false;
      walk(fn, (child) => {
        if (readsOutbox || (child.type !== AST_NODE_TYPES.CallExpression && child.type !== AST_NODE_TYPES.TaggedTemplateExpression)) return;
        const library = semantics.libraryCallOf(child);
        readsOutbox = library?.role.kind === 'read' && library.sql?.readTables.some((table) => table.includes('outbox')) === true;
      });
      return readsOutbox;
    }

    function reportNames(sites: readonly EventNameSite[]): void {
      for (const site of sites) {
        if (reportedNames.has(site.node)) continue;
        reportedNames.add(site.node);
        report(site.node, { kind: 'event-name', name: site.name, source: site.source });
      }
    }

    function reportConsumer({ node, handler, receiverText }: PendingConsumer): void {
      // Every call on the handler's paths, not the function summary, which keeps one effect of each kind.
      const effects: Effect[] = [];
      walk(node, (child) => {
        if (child.type === AST_NODE_TYPES.CallExpression || child.type === AST_NODE_TYPES.TaggedTemplateExpression) effects.push(...semantics.effectsOf(child));
      });
      const subscriptions = [...registrationSubscriptionsOf(node), ...(receiverText === undefined ? [] : (subscribeCalls.get(receiverText) ?? []))];
      const item: ConsumerItem = {
        kind: 'consumer',
        name: handler.name,
        system: handler.system,
        description: handler.description,
        subscriptions: unique(subscriptions),
        handledEvents: handledEventNamesOf(node),
        guards: unique(effects.filter((e) => e.role.kind === 'guard').map(chainText)),
        effects: unique(effects.filter((e) => e.role.kind === 'effect').map((e) => e.role.what ?? 'has a side effect')),
      };
      // A method is reported from its name (decorators come before it), any other function from its start.
      const start = node.parent.type === AST_NODE_TYPES.MethodDefinition ? node.parent.key.loc.start : node.loc.start;
      report(node, item, { start, end: node.loc.end });
    }

    /**
     * Imports the checker cannot resolve (a package not installed, a path alias it does not
     * know): calls into them have no types, so the review may miss what they do. Only module
     * resolution is asked, not a full type check of the file, which would cost more than the
     * whole review.
     */
    function reportTypeErrors(): void {
      const file = semantics.tsNodeOf(sourceCode.ast).getSourceFile();
      const unresolved = guard(() => unresolvedImportsOf(file), []);
      const first = unresolved[0];
      if (first === undefined) return;
      const line = file.getLineAndCharacterOfPosition(first.getStart(file)).line + 1;
      const item: InventoryItem = { kind: 'type-check', errorCount: unresolved.length, firstError: `Cannot find module '${first.text}'`, firstErrorLine: line };
      report(sourceCode.ast, item, { start: { line, column: 0 }, end: { line, column: 0 } });
    }

    function unresolvedImportsOf(file: ts.SourceFile): ts.StringLiteral[] {
      const found: ts.StringLiteral[] = [];
      for (const statement of file.statements) {
        const specifier = ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement) ? statement.moduleSpecifier : undefined;
        if (specifier === undefined || !ts.isStringLiteral(specifier)) continue;
        if (semantics.checker.getSymbolAtLocation(specifier) === undefined) found.push(specifier);
      }
      return found;
    }

    /** `consumer.subscribe({ topic: 'orders' })` or `({ topics: ['a', 'b'] })`, remembered by receiver text. */
    function rememberSubscribeCall(node: TSESTree.CallExpression): void {
      const callee = node.callee;
      if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.property.type !== AST_NODE_TYPES.Identifier || callee.property.name !== 'subscribe') return;
      const options = node.arguments[0];
      if (options?.type !== AST_NODE_TYPES.ObjectExpression) return;
      const topics = options.properties.flatMap((p) =>
        p.type === AST_NODE_TYPES.Property && !p.computed && keyName(p) !== undefined && ['topic', 'topics'].includes(keyName(p) ?? '') ? topicValuesOf(p.value) : [],
      );
      if (topics.length === 0) return;
      const receiver = sourceCode.getText(callee.object);
      subscribeCalls.set(receiver, [...(subscribeCalls.get(receiver) ?? []), ...topics]);
    }

    /** The topics, queues and patterns named where an inline handler is registered, or in its decorators. */
    function registrationSubscriptionsOf(fn: FunctionNode): string[] {
      if (fn.parent.type === AST_NODE_TYPES.MethodDefinition) {
        return fn.parent.decorators.flatMap((d) => (d.expression.type === AST_NODE_TYPES.CallExpression ? d.expression.arguments.slice(0, 1).flatMap(topicValuesOf) : []));
      }
      const registration = registrationOf(fn);
      if (registration === undefined) return [];
      // Parameter names pick the source out of the arguments: `consume(queue, fn)`, never `on(event, fn)`.
      const fromArguments = namedArguments(registration, subscriptionParameterNames);
      // `pubsub.subscription('orders-sub').on('message', fn)`: the source is named on the receiver.
      const fromReceiver = registration.type === AST_NODE_TYPES.CallExpression ? receiverDestinations(registration.callee) : [];
      return [...fromArguments.flatMap(topicValuesOf), ...fromReceiver];
    }

    /** Topics, queues, subjects and exchanges written at a publish call, its options object, or its receiver. */
    function destinationsOf(call: TSESTree.CallExpression): string[] {
      const fromProperties = objectLiteralsIn(call, sourceCode).flatMap((object) =>
        object.properties.flatMap((p) => (p.type === AST_NODE_TYPES.Property && !p.computed && destinationNames.has(keyName(p) ?? '') ? topicValuesOf(p.value) : [])),
      );
      return unique([...namedArguments(call, destinationNames).flatMap(topicValuesOf), ...fromProperties, ...receiverDestinations(call.callee)]);
    }

    function receiverDestinations(callee: TSESTree.Node): string[] {
      const found: string[] = [];
      let node: TSESTree.Node = callee;
      for (let hops = 0; hops < 6; hops++) {
        if (node.type === AST_NODE_TYPES.MemberExpression) node = node.object;
        else if (node.type === AST_NODE_TYPES.CallExpression) {
          if (node.callee.type === AST_NODE_TYPES.MemberExpression && node.callee.property.type === AST_NODE_TYPES.Identifier && destinationMethods.has(node.callee.property.name)) {
            found.push(...node.arguments.slice(0, 1).flatMap(topicValuesOf));
          }
          node = node.callee;
        } else if (node.type === AST_NODE_TYPES.Identifier) {
          const init = localInitializerOf(node, sourceCode);
          if (init === undefined) break;
          node = init;
        } else break;
      }
      return found;
    }

    /** Arguments whose declared parameter name says what they are: `publishEvent(topic, …)`, `channel.consume(queue, …)`. */
    function namedArguments(call: TSESTree.CallExpression | TSESTree.NewExpression, names: ReadonlySet<string>): TSESTree.Node[] {
      const tsCall = semantics.tsNodeOf(call) as ts.CallLikeExpression;
      let parameters: readonly ts.Symbol[] = [];
      try {
        parameters = semantics.checker.getResolvedSignature(tsCall)?.parameters ?? [];
      } catch (error) {
        degrade(error);
        return [];
      }
      return call.arguments.filter((_argument, index) => names.has(parameters[index]?.getName() ?? ''));
    }

    /** String values of an expression: literals, constants of literal type, arrays of them, regex patterns. */
    function topicValuesOf(node: TSESTree.Node): string[] {
      if (node.type === AST_NODE_TYPES.ArrayExpression) return node.elements.flatMap((e) => (e === null ? [] : topicValuesOf(e)));
      if (node.type === AST_NODE_TYPES.Literal) {
        if (typeof node.value === 'string') return [node.value];
        return 'regex' in node ? [`/${node.regex.pattern}/`] : [];
      }
      if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return [node.quasis[0]?.value.cooked ?? ''];
      if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) return [];
      const type = semantics.checker.getTypeAtLocation(semantics.tsNodeOf(node));
      return type.isStringLiteral() ? [type.value] : [];
    }

    /** `event.type === 'OrderPlaced'` and `switch (event.type) { case 'OrderPlaced': … }` in a handler. */
    function handledEventNamesOf(fn: FunctionNode): string[] {
      const names: string[] = [];
      walk(fn, (node) => {
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

    /** Visits the nodes under `root`, bounded so that a huge generated handler stays cheap. */
    function walk(root: TSESTree.Node, visit: (node: TSESTree.Node) => void): void {
      const stack: TSESTree.Node[] = [root];
      for (let seen = 0; stack.length > 0 && seen < maxNodesPerHandler; seen++) {
        const node = stack.pop();
        if (node === undefined) break;
        visit(node);
        const record = node as unknown as Record<string, unknown>;
        const children = (sourceCode.visitorKeys[node.type] ?? []).flatMap((key) => {
          const value = record[key];
          return (Array.isArray(value) ? value : [value]).filter(isNode);
        });
        // Reversed onto the stack, so that nodes are visited in source order.
        stack.push(...children.reverse());
      }
    }
  },
});

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

function isOutboxWrite(effect: Effect): boolean {
  return effect.role.kind === 'write' && effect.role.outbox === true;
}

function outboxSystem(system: string): string {
  return system === settingsOutboxSystem ? 'outbox' : `outbox (${system})`;
}

function chainText(effect: Effect): string {
  return effect.chain.join(' → ');
}

/** The call or `new` expression an inline handler is passed to, directly or as a property of an options object. */
function registrationOf(fn: FunctionNode): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
  let argument: TSESTree.Node = fn;
  if (fn.parent.type === AST_NODE_TYPES.Property && fn.parent.parent.type === AST_NODE_TYPES.ObjectExpression) argument = fn.parent.parent;
  const site = parentOf(argument);
  return site?.type === AST_NODE_TYPES.CallExpression || site?.type === AST_NODE_TYPES.NewExpression ? site : undefined;
}

/** `consumer` in `consumer.run({ eachMessage: fn })`. */
function registrationReceiverText(fn: FunctionNode): string | undefined {
  const registration = registrationOf(fn);
  if (registration?.type !== AST_NODE_TYPES.CallExpression || registration.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const receiver = registration.callee.object;
  return receiver.type === AST_NODE_TYPES.Identifier ? receiver.name : receiver.type === AST_NODE_TYPES.MemberExpression ? memberText(receiver) : undefined;
}

function memberText(node: TSESTree.MemberExpression): string | undefined {
  if (node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const object = node.object.type === AST_NODE_TYPES.ThisExpression ? 'this' : node.object.type === AST_NODE_TYPES.Identifier ? node.object.name : undefined;
  return object === undefined ? undefined : `${object}.${node.property.name}`;
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

/** "placeOrder", "OrderService.place", "startShippingHandler › eachMessage": the named functions around a node, outermost first. */
function producerNameOf(node: TSESTree.Node): string {
  const names: string[] = [];
  for (let current = parentOf(node); current !== undefined; current = parentOf(current)) {
    if (isFunctionNode(current)) names.unshift(functionNameOf(current));
  }
  if (names.length === 0) return '(module)';
  return names.length === 1 ? (names[0] ?? '') : `${names[0] ?? ''} › ${names.at(-1) ?? ''}`;
}

function functionNameOf(fn: FunctionNode): string {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id !== null) return fn.id.name;
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) {
    const className = parent.parent.parent.type === AST_NODE_TYPES.ClassDeclaration ? parent.parent.parent.id?.name : undefined;
    const method = keyName(parent) ?? 'method';
    return className === undefined ? method : `${className}.${method}`;
  }
  if (parent.type === AST_NODE_TYPES.Property) return keyName(parent) ?? '(callback)';
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee.type === AST_NODE_TYPES.MemberExpression && parent.callee.property.type === AST_NODE_TYPES.Identifier) {
    return `${parent.callee.property.name} callback`;
  }
  return '(callback)';
}

function keyName(node: TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | undefined {
  if (node.computed) return node.key.type === AST_NODE_TYPES.Literal && typeof node.key.value === 'string' ? node.key.value : undefined;
  if (node.key.type === AST_NODE_TYPES.Identifier) return node.key.name;
  if (node.key.type === AST_NODE_TYPES.Literal) return String(node.key.value);
  return undefined;
}

function enclosingFunctionOf(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = parentOf(node); current !== undefined; current = parentOf(current)) if (isFunctionNode(current)) return current;
  return undefined;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
