import ts from 'typescript';
import { allCatalogues, receiveNames, type ConsumerEntry, type MessageTypeEntry } from './catalogue/index.js';
import { declarationMatchesSpecifier, functionHeldBy, isReadableDeclaration, isReadableSource, ownerNameOf, packageOfDeclaration, symbolAt } from './declarations.js';
import type { FunctionSpecifier } from './settings.js';
import { callsIn, constructionsIn } from './effect-names.js';
import { isBodilessMember } from './implementations.js';
import { calleeNameOf, shortCalleeText, type CallResolver } from './resolve-call/index.js';
import { guard } from '../util/guard.js';

/**
 * Recognises message handlers of at-least-once brokers: the functions a broker may call twice
 * with the same message. In-process buses (`node:events`, `@nestjs/event-emitter`,
 * `@nestjs/cqrs`, RxJS) are not in the catalogue, so their handlers are never consumers.
 */
export interface Handler {
  readonly system: string;
  /** "kafkajs consumer (eachMessage)", "NestJS message handler". */
  readonly description: string;
  readonly fn: ts.SignatureDeclaration;
  /** Short name for messages: `eachMessage`, `OrderCreatedListener.onMessage`, `handler`. */
  readonly name: string;
  /**
   * For a function that fetches its own messages (an SQS polling loop, a `for await` over a
   * subscription): where messages arrive. Code before it runs once per poll, not per message.
   */
  readonly receivesAt?: ts.Node;
  /** The option that makes the broker settle each message as it is handed over (`noAck: true`): nothing the handler does can fail it. */
  readonly autoAck?: ts.Node;
}

export interface PositionField {
  readonly field: string;
  readonly system: string;
  /** Why it cannot identify an event. */
  readonly reason: string;
  /** Many messages share it (a partition number). */
  readonly sharedAcrossMessages: boolean;
}

export interface Consumers {
  /** Is this function a message handler? Inline callbacks, named functions registered elsewhere, decorated methods, Lambda handlers. */
  handlerOf(fn: ts.Node): Handler | undefined;
  /** Does this property access or method call read a broker position (`message.offset`, `fields.deliveryTag`)? */
  positionFieldOf(node: ts.PropertyAccessExpression | ts.CallExpression): PositionField | undefined;
}

const consumerCatalogues = allCatalogues.flatMap((c) => (c.consumers === undefined ? [] : [c.consumers]));
const registrations = consumerCatalogues.flatMap((c) => c.registrations ?? []);
const registrationMethods: ReadonlySet<string> = new Set(registrations.flatMap((r) => r.methods));
const constructors = consumerCatalogues.flatMap((c) => c.constructors ?? []);
const decorators = consumerCatalogues.flatMap((c) => c.decorators ?? []);
const eventTypes = consumerCatalogues.flatMap((c) => c.eventTypes ?? []);
const iterables = consumerCatalogues.flatMap((c) => c.iterables ?? []);
const positionFields = consumerCatalogues.flatMap((c) => c.positionFields ?? []);
const messageTypes = consumerCatalogues.flatMap((c) => c.messageTypes ?? []);
const maxHeritage = 8;
const maxWalk = 20_000;
/** Names of the catalogued position fields: the syntactic pre-filter before the checker is asked. */
export const positionFieldNames: ReadonlySet<string> = new Set(positionFields.flatMap((p) => p.fields));
const decoratorNames: ReadonlySet<string> = new Set(decorators.flatMap((d) => d.decorators));
const constructorClassNames: ReadonlySet<string> = new Set(constructors.flatMap((c) => c.classes));
/** Written type names that can carry a Lambda event type: `SQSEvent`, `SQSHandler`, `EventBridgeEvent<…>`. */
const eventTypeWords = ['Event', 'Handler', 'Record'];

export function createConsumers(program: ts.Program, resolver: CallResolver, bridged: readonly FunctionSpecifier[] = []): Consumers {
  const checker = program.getTypeChecker();
  const handlers = new WeakMap<ts.Node, Handler | null>();
  let registeredByReference: Map<ts.Node, Handler> | undefined;
  const dispatchedByName = new Map<string, Map<ts.Node, Handler>>();
  let handlersForDispatch: Handler[] | undefined;
  const dispatchingMembers = new WeakMap<ts.ClassLikeDeclaration, ReadonlyMap<string, Handler>>();

  const bridgedNames: ReadonlySet<string> = new Set(
    bridged.flatMap((spec) => (typeof spec === 'string' ? [spec] : typeof spec.name === 'string' ? [spec.name] : [...spec.name])).map((n) => n.slice(n.lastIndexOf('.') + 1)),
  );

  return { handlerOf, positionFieldOf };

  function isBridged(declarations: readonly ts.Declaration[]): boolean {
    return bridged.length > 0 && declarations.some((d) => bridged.some((spec) => declarationMatchesSpecifier(d, spec, program)));
  }

  function handlerOf(fn: ts.Node): Handler | undefined {
    if (!ts.isFunctionLike(fn)) return undefined;
    const cached = handlers.get(fn);
    if (cached !== undefined) return cached ?? undefined;
    const handler = guard(() => findHandler(fn), undefined);
    handlers.set(fn, handler ?? null);
    return handler;
  }

  function findHandler(fn: ts.SignatureDeclaration): Handler | undefined {
    return (
      inlineRegistration(fn) ??
      decoratedHandler(fn) ??
      handlerByEventType(fn) ??
      registeredReferences().get(fn) ??
      overriddenDispatchTarget(fn) ??
      messageTypedOverride(fn) ??
      dispatchedImplementation(fn) ??
      pollingLoop(fn)
    );
  }

  /** `consumer.run({ eachMessage: async (payload) => … })`, `channel.consume(q, (msg) => …)`, `new Worker(q, async (job) => …)`. */
  function inlineRegistration(fn: ts.SignatureDeclaration): Handler | undefined {
    if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
    let argument: ts.Node = fn;
    let property: string | undefined;
    const parent = skipParentheses(fn.parent);
    if (ts.isPropertyAssignment(parent) && ts.isObjectLiteralExpression(parent.parent)) {
      property = parent.name.getText();
      argument = parent.parent;
    }
    const site = skipParentheses(argument.parent);
    if (ts.isCallExpression(site)) {
      const direct = registrationHandler(site, site.arguments.indexOf(argument as ts.Expression), property, fn);
      if (direct !== undefined || property !== undefined) return direct;
      // A pass-through wrapper around the handler: `queue.process(traceFunction(opts)(async (job) => …))`, `consume(q, withRetry(handle))`.
      const outer = skipParentheses(site.parent);
      return ts.isCallExpression(outer) ? registrationHandler(outer, outer.arguments.indexOf(site), undefined, fn) : undefined;
    }
    if (ts.isNewExpression(site)) return constructorHandler(site, site.arguments?.indexOf(argument as ts.Expression) ?? -1, fn, property);
    return undefined;
  }

  function registrationHandler(call: ts.CallExpression, index: number, property: string | undefined, fn: ts.SignatureDeclaration): Handler | undefined {
    const calleeName = calleeNameOf(call);
    if (property === undefined && calleeName !== undefined && bridgedNames.has(calleeName) && isBridged(resolver.calleeDeclarationsOf(call))) {
      return { system: 'a bridged bus (settings)', description: 'bridged bus handler', fn, name: `${shortCalleeText(call.expression)} callback` };
    }
    // Syntax first: only a registration that keeps a handler where this function is (`.on('message', fn)`, not `.on('error', fn)`) is resolved.
    if (!mayHoldHandler(call, index, property)) return undefined;
    const entry = registrationEntryOf(call);
    if (entry === undefined) return undefined;
    const location = entry.handler;
    if (location.kind === 'listener') {
      const event = call.arguments[0];
      if (index !== 1 || property !== undefined || event === undefined || !ts.isStringLiteralLike(event) || event.text !== location.event) return undefined;
      return { system: entry.system, description: entry.description, fn, name: `'${location.event}' listener` };
    }
    if (handlerIndexOf(location, call) !== index) return undefined;
    if (location.properties === undefined ? property !== undefined : property === undefined || !location.properties.includes(property)) return undefined;
    const autoAck = autoAckOf(entry, call);
    return {
      system: entry.system,
      description: property === undefined ? entry.description : `${entry.description} (${property})`,
      fn,
      name: property ?? `${shortCalleeText(call.expression)} callback`,
      ...(autoAck === undefined ? {} : { autoAck }),
    };
  }

  function registrationEntryOf(call: ts.CallExpression): ConsumerEntry | undefined {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee) || !registrationMethods.has(callee.name.text)) return undefined;
    const method = callee.name.text;
    const candidates = registrations.filter((r) => r.methods.includes(method));
    for (const declaration of resolver.calleeDeclarationsOf(call)) {
      const pkg = packageOfDeclaration(declaration);
      const owner = ownerNameOf(declaration);
      const entry = candidates.find((r) => r.owners !== undefined && pkg !== undefined && r.packages.includes(pkg) && owner !== undefined && r.owners.includes(owner));
      if (entry !== undefined) return entry;
    }
    const receiverSymbol = checker.getTypeAtLocation(callee.expression).getSymbol();
    const receiverDeclaration = receiverSymbol?.declarations?.[0];
    if (receiverSymbol === undefined || receiverDeclaration === undefined) return undefined;
    const receiverPackage = packageOfDeclaration(receiverDeclaration);
    return candidates.find(
      (r) => r.receiverOwners?.includes(receiverSymbol.getName()) === true && receiverPackage !== undefined && r.packages.includes(receiverPackage),
    );
  }

  /** `new Worker('emails', async (job) => …)`, or a handler property of the options: `new Consumer({ handleMessage })`. */
  function constructorHandler(site: ts.NewExpression, index: number, fn: ts.SignatureDeclaration, property?: string): Handler | undefined {
    // Syntax first: only a class the catalogue names is resolved.
    const callee = site.expression;
    const className = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    if (className === undefined || !constructorClassNames.has(className)) return undefined;
    const symbol = checker.getTypeAtLocation(site).getSymbol();
    const declaration = symbol?.declarations?.[0];
    if (symbol === undefined || declaration === undefined) return undefined;
    const pkg = packageOfDeclaration(declaration);
    const entry = constructors.find(
      (c) =>
        c.classes.includes(symbol.getName()) &&
        pkg !== undefined &&
        c.packages.includes(pkg) &&
        c.handlerIndex === index &&
        (property === undefined ? c.handlerProperties === undefined : c.handlerProperties?.includes(property) === true),
    );
    if (entry === undefined) return undefined;
    return { system: entry.system, description: property === undefined ? entry.description : `${entry.description} (${property})`, fn, name: property ?? 'processor' };
  }

  /** `@EventPattern('order_created') handle(@Payload() data) {…}` */
  function decoratedHandler(fn: ts.SignatureDeclaration): Handler | undefined {
    if (!ts.isMethodDeclaration(fn)) return undefined;
    for (const decorator of ts.getDecorators(fn) ?? []) {
      const expression = decorator.expression;
      const callee = ts.isCallExpression(expression) ? expression.expression : expression;
      // Syntax first: most decorators (`@Get`, `@Column`, `@Injectable`) are ruled out by name.
      const calleeName = ts.isPropertyAccessExpression(callee) ? callee.name.text : callee.getText();
      if (!decoratorNames.has(calleeName) && !bridgedNames.has(calleeName)) continue;
      const symbol = symbolAt(checker, ts.isPropertyAccessExpression(callee) ? callee.name : callee);
      const declaration = symbol?.declarations?.[0];
      if (symbol === undefined || declaration === undefined) continue;
      const pkg = packageOfDeclaration(declaration);
      const entry = decorators.find((d) => d.decorators.includes(symbol.getName()) && pkg !== undefined && d.packages.includes(pkg));
      if (entry !== undefined) return { system: entry.system, description: entry.description, fn, name: methodName(fn) };
      if (isBridged(symbol.declarations ?? [])) return { system: 'a bridged bus (settings)', description: 'bridged bus handler', fn, name: methodName(fn) };
    }
    return undefined;
  }

  /** Lambda handlers: `export const handler: SQSHandler = async (event) => …` or `(event: SQSEvent)`. */
  function handlerByEventType(fn: ts.SignatureDeclaration): Handler | undefined {
    const first = fn.parameters[0];
    // Syntax first: the event type is written on the parameter, or on the variable that holds the handler.
    if (first === undefined || !mentionsAnEventType(first.type ?? variableTypeOf(fn))) return undefined;
    const type = checker.getTypeAtLocation(first);
    const entry = eventTypes.find((e) => namedTypeMatches(type, e.types, e.packages));
    return entry === undefined ? undefined : { system: entry.system, description: entry.description, fn, name: functionName(fn) };
  }

  /** Functions and methods registered by reference elsewhere: `channel.consume(q, handleOrder)`, `{ eachMessage: this.handle.bind(this) }`. */
  function registeredReferences(): Map<ts.Node, Handler> {
    if (registeredByReference !== undefined) return registeredByReference;
    const found = new Map<ts.Node, Handler>();
    for (const file of program.getSourceFiles()) {
      if (!isReadableSource(file, program) || !mentionsARegistrationMethod(file)) continue;
      // The calls come from the walk the effect-name index already made of every file.
      for (const call of callsIn(file)) {
        if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression) || !registrationMethods.has(call.expression.name.text)) continue;
        // Syntax first: inline handlers are found from the function itself; only references are collected here.
        if (mayRegisterByReference(call, call.expression.name.text)) collectReferencedHandlers(call, found);
      }
    }
    // `new Worker('emails', sendEmail)`: a processor passed to a catalogued constructor by reference.
    for (const file of program.getSourceFiles()) {
      if (!isReadableSource(file, program)) continue;
      for (const construction of constructionsIn(file)) {
        const callee = construction.expression;
        const className = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
        if (className === undefined || !constructorClassNames.has(className)) continue;
        for (const entry of constructors.filter((c) => c.classes.includes(className))) {
          const argument = construction.arguments?.[entry.handlerIndex];
          if (argument === undefined) continue;
          for (const { expression, property } of handlerReferencesIn(argument, entry.handlerProperties)) {
            const target = functionDeclarationOf(expression);
            if (target === undefined || found.has(target)) continue;
            const handler = constructorHandler(construction, entry.handlerIndex, target, property);
            if (handler !== undefined) found.set(target, { ...handler, name: functionName(target) });
          }
        }
      }
    }
    registeredByReference = found;
    return found;
  }

  /** The function references an argument holds where a handler goes: itself, or the named properties of an options object. */
  function handlerReferencesIn(argument: ts.Expression, properties: readonly string[] | undefined): { expression: ts.Expression; property?: string }[] {
    if (properties === undefined) return isFunctionReference(argument) ? [{ expression: argument }] : [];
    if (!ts.isObjectLiteralExpression(argument)) return [];
    const references: { expression: ts.Expression; property: string }[] = [];
    for (const member of argument.properties) {
      const name = member.name?.getText();
      if (name === undefined || !properties.includes(name)) continue;
      if (ts.isPropertyAssignment(member) && isFunctionReference(member.initializer)) references.push({ expression: member.initializer, property: name });
      if (ts.isShorthandPropertyAssignment(member)) references.push({ expression: member.name, property: name });
    }
    return references;
  }

  function collectReferencedHandlers(call: ts.CallExpression, found: Map<ts.Node, Handler>): void {
    const entry = registrationEntryOf(call);
    if (entry === undefined) return;
    const location = entry.handler;
    const references: { expression: ts.Expression; name: string }[] = [];
    if (location.kind === 'listener') {
      const listener = call.arguments[1];
      if (listener !== undefined) references.push({ expression: listener, name: `'${location.event}' listener` });
    } else {
      const argument = call.arguments[handlerIndexOf(location, call)];
      if (argument !== undefined && location.properties === undefined) references.push({ expression: argument, name: 'handler' });
      if (argument !== undefined && location.properties !== undefined && ts.isObjectLiteralExpression(argument)) {
        for (const property of argument.properties) {
          const name = property.name?.getText();
          if (name === undefined || !location.properties.includes(name)) continue;
          if (ts.isPropertyAssignment(property)) references.push({ expression: property.initializer, name });
          if (ts.isShorthandPropertyAssignment(property)) references.push({ expression: property.name, name });
        }
      }
    }
    for (const reference of references) {
      const target = functionDeclarationOf(reference.expression);
      if (target !== undefined && !found.has(target)) {
        const autoAck = autoAckOf(entry, call);
        found.set(target, { system: entry.system, description: entry.description, fn: target, name: functionName(target), ...(autoAck === undefined ? {} : { autoAck }) });
      }
    }
  }

  /** `handleOrder`, `this.handle`, `this.handle.bind(this)` → the function's declaration with a body. */
  function functionDeclarationOf(expression: ts.Expression): ts.SignatureDeclaration | undefined {
    let target = expression;
    if (ts.isCallExpression(target) && ts.isPropertyAccessExpression(target.expression) && target.expression.name.text === 'bind') {
      target = target.expression.expression;
    }
    if (!ts.isIdentifier(target) && !ts.isPropertyAccessExpression(target)) return undefined;
    const symbol = symbolAt(checker, target);
    for (const declaration of symbol?.declarations ?? []) {
      if (!isReadableDeclaration(declaration, program)) continue;
      if ((ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) && declaration.body !== undefined) return declaration;
      const held = ts.isPropertyAssignment(declaration) ? undefined : functionHeldBy(declaration);
      if (held !== undefined) return held;
    }
    return undefined;
  }

  /**
   * The abstract-listener pattern: a base class registers a callback that calls `this.onMessage(…)`;
   * subclasses implement `onMessage`. Each implementation is a handler.
   */
  function overriddenDispatchTarget(fn: ts.SignatureDeclaration): Handler | undefined {
    if (!ts.isMethodDeclaration(fn) || !ts.isClassLike(fn.parent)) return undefined;
    const name = fn.name.getText();
    for (const base of baseClassesOf(fn.parent)) {
      const dispatched = dispatchedMembersOf(base).get(name);
      if (dispatched !== undefined) {
        return { system: dispatched.system, description: dispatched.description, fn, name: `${fn.parent.name?.text ?? 'class'}.${name}` };
      }
    }
    return undefined;
  }

  function baseClassesOf(cls: ts.ClassLikeDeclaration): ts.ClassLikeDeclaration[] {
    const bases: ts.ClassLikeDeclaration[] = [];
    for (let current: ts.ClassLikeDeclaration | undefined = cls, hops = 0; current !== undefined && hops < 4; hops++) {
      const extended = current.heritageClauses?.find((c) => c.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
      if (extended === undefined) break;
      const symbol = symbolAt(checker, extended.expression);
      current = symbol?.declarations?.find((d): d is ts.ClassLikeDeclaration => ts.isClassLike(d));
      if (current !== undefined && isReadableDeclaration(current, program)) bases.push(current);
    }
    return bases;
  }

  /** Members a class's own handlers call on `this`: `this.onMessage(data, msg)` inside `subscription.on('message', …)`. */
  function dispatchedMembersOf(cls: ts.ClassLikeDeclaration): ReadonlyMap<string, Handler> {
    const cached = dispatchingMembers.get(cls);
    if (cached !== undefined) return cached;
    const dispatched = new Map<string, Handler>();
    dispatchingMembers.set(cls, dispatched);
    const visit = (node: ts.Node): void => {
      if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
        const handler = inlineRegistration(node);
        if (handler !== undefined) {
          const findThisCalls = (inner: ts.Node): void => {
            if (ts.isCallExpression(inner) && ts.isPropertyAccessExpression(inner.expression) && inner.expression.expression.kind === ts.SyntaxKind.ThisKeyword) {
              dispatched.set(inner.expression.name.text, handler);
            }
            ts.forEachChild(inner, findThisCalls);
          };
          findThisCalls(node.body);
        }
      }
      ts.forEachChild(node, visit);
    };
    for (const member of cls.members) visit(member);
    return dispatched;
  }

  /**
   * Inference from types, for a shared event library seen only as declaration files: a method
   * that overrides or implements a library (or abstract project) method taking a catalogued
   * broker message (`onMessage(data, msg: Message)`) is that library's message handler.
   */
  function messageTypedOverride(fn: ts.SignatureDeclaration): Handler | undefined {
    if (!ts.isMethodDeclaration(fn) || fn.body === undefined || !ts.isClassLike(fn.parent)) return undefined;
    const name = fn.name.getText();
    for (const base of heritageOf(fn.parent)) {
      for (const member of base.members as ts.NodeArray<ts.ClassElement | ts.TypeElement>) {
        if (!(ts.isMethodDeclaration(member) || ts.isMethodSignature(member)) || member.name.getText() !== name) continue;
        // A base method with a body is the project's own dispatch, found from its body instead.
        if (ts.isMethodDeclaration(member) && member.body !== undefined && isReadableDeclaration(member, program)) continue;
        const entry = messageTypeOfParameters(member);
        if (entry !== undefined) return { system: entry.system, description: entry.description, fn, name: `${fn.parent.name?.text ?? 'class'}.${name}` };
      }
    }
    return undefined;
  }

  function messageTypeOfParameters(method: ts.SignatureDeclaration): MessageTypeEntry | undefined {
    for (const parameter of method.parameters) {
      if (parameter.type === undefined) continue;
      const type = checker.getTypeFromTypeNode(parameter.type);
      const entry = messageTypes.find((m) => namedTypeMatches(type, m.types, m.packages));
      if (entry !== undefined) return entry;
    }
    return undefined;
  }

  /** Classes and interfaces a class extends or implements, transitively, in any file (a `.d.ts` included). */
  function heritageOf(cls: ts.ClassLikeDeclaration | ts.InterfaceDeclaration): (ts.ClassLikeDeclaration | ts.InterfaceDeclaration)[] {
    const found: (ts.ClassLikeDeclaration | ts.InterfaceDeclaration)[] = [];
    const queue: (ts.ClassLikeDeclaration | ts.InterfaceDeclaration)[] = [cls];
    while (queue.length > 0 && found.length < maxHeritage) {
      const current = queue.shift();
      for (const type of (current?.heritageClauses ?? []).flatMap((clause) => clause.types)) {
        const declaration = symbolAt(checker, type.expression)?.declarations?.find(
          (d): d is ts.ClassLikeDeclaration | ts.InterfaceDeclaration => ts.isClassLike(d) || ts.isInterfaceDeclaration(d),
        );
        if (declaration === undefined || found.includes(declaration)) continue;
        found.push(declaration);
        queue.push(declaration);
      }
    }
    return found;
  }

  /**
   * Dispatch from a handler through an abstract or interface method: a Bull processor that does
   * `new ProcessorClass().perform(event)`, a Kafka handler that calls `this.handlers[type].handle(m)`.
   * Each implementation runs once per delivery, so each is a handler too.
   */
  function dispatchedImplementation(fn: ts.SignatureDeclaration): Handler | undefined {
    const cls = ts.isMethodDeclaration(fn) ? fn.parent : ts.isPropertyDeclaration(fn.parent) ? fn.parent.parent : undefined;
    if (cls === undefined || !ts.isClassLike(cls) || cls.heritageClauses === undefined) return undefined;
    const name = ts.isMethodDeclaration(fn) ? fn.name.getText() : (fn.parent as ts.PropertyDeclaration).name.getText();
    for (const base of heritageOf(cls)) {
      for (const member of base.members as ts.NodeArray<ts.ClassElement | ts.TypeElement>) {
        if (member.name?.getText() !== name) continue;
        // Only a bodiless member of the project's code can be dispatched to: the program-wide index
        // of what handlers dispatch is built only when such a member exists (not for `render()` of React).
        if (!isBodilessMember(member) || !isReadableDeclaration(member, program)) continue;
        const from = dispatchedMembers(name).get(member);
        if (from !== undefined) return { system: from.system, description: `${from.description}, dispatched to \`${name}\``, fn, name: `${cls.name?.text ?? 'class'}.${name}` };
      }
    }
    return undefined;
  }

  /**
   * Bodiless members (abstract methods, interface methods) named `name` that registered handlers
   * call, with the handler that calls them. Per name, so that only calls spelled `x.perform(…)`
   * are resolved when the question is about `perform`.
   */
  function dispatchedMembers(name: string): ReadonlyMap<ts.Node, Handler> {
    const cached = dispatchedByName.get(name);
    if (cached !== undefined) return cached;
    const found = new Map<ts.Node, Handler>();
    dispatchedByName.set(name, found);
    handlersForDispatch ??= registeredHandlers();
    for (const handler of handlersForDispatch) {
      const body = 'body' in handler.fn ? (handler.fn.body as ts.Node | undefined) : undefined;
      if (body === undefined) continue;
      let budget = maxWalk;
      const visit = (node: ts.Node): void => {
        if (budget-- <= 0 || ((ts.isFunctionDeclaration(node) || ts.isClassLike(node)) && node !== handler.fn)) return;
        if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === name) {
          for (const declaration of resolver.calleeDeclarationsOf(node)) {
            if (isBodilessMember(declaration) && isReadableDeclaration(declaration, program) && !found.has(declaration)) found.set(declaration, handler);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(body);
    }
    return found;
  }

  /** Every handler registered through a catalogued registration call, inline or by reference. */
  function registeredHandlers(): Handler[] {
    const found: Handler[] = [...registeredReferences().values()];
    for (const file of program.getSourceFiles()) {
      if (!isReadableSource(file, program) || !mentionsARegistrationMethod(file)) continue;
      for (const call of callsIn(file)) {
        if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression) || !registrationMethods.has(call.expression.name.text)) continue;
        for (const argument of call.arguments) {
          const inline = inlineFunctionIn(argument);
          const handler = inline === undefined ? undefined : handlerOf(inline);
          if (handler !== undefined) found.push(handler);
        }
      }
    }
    return found;
  }

  /** A function that polls for messages (SQS `ReceiveMessageCommand`, `receiver.receiveMessages()`) processes what it received. */
  function pollingLoop(fn: ts.SignatureDeclaration): Handler | undefined {
    const body = 'body' in fn ? (fn.body as ts.Node | undefined) : undefined;
    if (body === undefined || !ts.isBlock(body)) return undefined;
    const text = fn.getSourceFile().text;
    const receives = receiveNames.some((name) => textWithin(text, name, body));
    if (!textWithin(text, 'for await', body)) return receives ? receivingLoop(body, fn) : undefined;
    return (receives ? receivingLoop(body, fn) : undefined) ?? forAwaitLoop(body, fn);
  }

  function receivingLoop(body: ts.Node, fn: ts.SignatureDeclaration): Handler | undefined {
    let found: Handler | undefined;
    const visit = (node: ts.Node): void => {
      if (found !== undefined || (ts.isFunctionLike(node) && node !== fn)) return;
      const role = ts.isCallExpression(node) ? resolver.libraryCallOf(node)?.role : undefined;
      if (ts.isCallExpression(node) && role?.kind === 'receive') {
        found = { system: role.system, description: `${role.system} polling loop`, fn, name: functionName(fn), receivesAt: node };
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(body);
    return found;
  }

  /** `for await (const msg of subscription)` over a NATS subscription. */
  function forAwaitLoop(body: ts.Node, fn: ts.SignatureDeclaration): Handler | undefined {
    let found: Handler | undefined;
    const visit = (node: ts.Node): void => {
      if (found !== undefined || (ts.isFunctionLike(node) && node !== fn)) return;
      if (ts.isForOfStatement(node) && node.awaitModifier !== undefined) {
        const entry = iterables.find((i) => namedTypeMatches(checker.getTypeAtLocation(node.expression), i.types, i.packages));
        if (entry !== undefined) found = { system: entry.system, description: entry.description, fn, name: functionName(fn), receivesAt: node };
      }
      ts.forEachChild(node, visit);
    };
    visit(body);
    return found;
  }

  function positionFieldOf(node: ts.PropertyAccessExpression | ts.CallExpression): PositionField | undefined {
    // Position getters take no arguments (`batch.firstOffset()`, `context.getPartition()`): a
    // query builder's `.offset(20)` is ruled out without resolving its receiver's type.
    if (ts.isCallExpression(node) && node.arguments.length > 0) return undefined;
    const access = ts.isCallExpression(node) ? node.expression : node;
    if (!ts.isPropertyAccessExpression(access) || !positionFieldNames.has(access.name.text)) return undefined;
    const field = access.name.text;
    return guard(() => {
      const symbol = checker.getSymbolAtLocation(access.name);
      for (const declaration of symbol?.declarations ?? []) {
        const pkg = packageOfDeclaration(declaration);
        const owner = ownerNameOf(declaration);
        const entry = positionFields.find((p) => p.fields.includes(field) && pkg !== undefined && p.packages.includes(pkg) && owner !== undefined && p.owners.includes(owner));
        if (entry !== undefined) return { field, system: entry.system, reason: entry.reason, sharedAcrossMessages: entry.sharedAcrossMessages === true };
      }
      return undefined;
    }, undefined);
  }
}

/** Does the type (by its own name or its alias's, as `type Subscription = Sub`) come from one of these packages under one of these names? */
function namedTypeMatches(type: ts.Type, names: readonly string[], packages: readonly string[]): boolean {
  return [type.getSymbol(), type.aliasSymbol].some((symbol) => {
    const declaration = symbol?.declarations?.[0];
    if (symbol === undefined || declaration === undefined || !names.includes(symbol.getName())) return false;
    const pkg = packageOfDeclaration(declaration);
    return pkg !== undefined && packages.includes(pkg);
  });
}

function mentionsAnEventType(type: ts.TypeNode | undefined): boolean {
  if (type === undefined) return false;
  const text = type.getText();
  return text.length < 500 && eventTypeWords.some((word) => text.includes(word));
}

/** `export const handler: SQSHandler = async (event) => …`: the type written on the variable. */
function variableTypeOf(fn: ts.SignatureDeclaration): ts.TypeNode | undefined {
  const parent = fn.parent;
  return ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent) ? parent.type : undefined;
}

const needlePositions = new WeakMap<ts.SourceFile, Map<string, readonly number[]>>();

/** Does the needle occur inside the node? Positions are found once per file, so this stays linear. */
function textWithin(text: string, needle: string, node: ts.Node): boolean {
  const file = node.getSourceFile();
  let byNeedle = needlePositions.get(file);
  if (byNeedle === undefined) {
    byNeedle = new Map();
    needlePositions.set(file, byNeedle);
  }
  let positions = byNeedle.get(needle);
  if (positions === undefined) {
    const found: number[] = [];
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) found.push(at);
    positions = found;
    byNeedle.set(needle, positions);
  }
  return positions.some((at) => at >= node.pos && at < node.end);
}

/** The `{ noAck: true }` of a registration whose broker then settles messages as it delivers them. */
function autoAckOf(entry: ConsumerEntry, call: ts.CallExpression): ts.Node | undefined {
  const options = entry.autoAckWhen === undefined ? undefined : call.arguments[entry.autoAckWhen.argument];
  if (options === undefined || !ts.isObjectLiteralExpression(options)) return undefined;
  return options.properties.find(
    (p) => ts.isPropertyAssignment(p) && p.name.getText() === entry.autoAckWhen?.property && p.initializer.kind === ts.SyntaxKind.TrueKeyword,
  );
}

/** Is there, where some registration with this method name keeps its handler, a reference to a function? */
function mayRegisterByReference(call: ts.CallExpression, method: string): boolean {
  return registrations.some((registration) => {
    if (!registration.methods.includes(method)) return false;
    const location = registration.handler;
    const argument = call.arguments[location.kind === 'listener' ? 1 : handlerIndexOf(location, call)];
    if (argument === undefined) return false;
    if (location.kind === 'listener' || location.properties === undefined) return isFunctionReference(argument);
    return (
      ts.isObjectLiteralExpression(argument) &&
      argument.properties.some((p) => ts.isShorthandPropertyAssignment(p) || (ts.isPropertyAssignment(p) && isFunctionReference(p.initializer)))
    );
  });
}

/** Could some registration with this call's method name keep its handler at this argument (or property)? */
function mayHoldHandler(call: ts.CallExpression, index: number, property: string | undefined): boolean {
  const method = ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : undefined;
  return registrations.some((registration) => {
    if (method === undefined || !registration.methods.includes(method)) return false;
    const location = registration.handler;
    if (location.kind === 'listener') {
      const event = call.arguments[0];
      return index === 1 && property === undefined && event !== undefined && ts.isStringLiteralLike(event) && event.text === location.event;
    }
    if (handlerIndexOf(location, call) !== index) return false;
    return location.properties === undefined ? property === undefined : property !== undefined && location.properties.includes(property);
  });
}

/** `handleOrder`, `this.handle`, `this.handle.bind(this)`: not a function written in place. */
function isFunctionReference(expression: ts.Expression): boolean {
  return ts.isIdentifier(expression) || ts.isPropertyAccessExpression(expression) || ts.isCallExpression(expression);
}

function mentionsARegistrationMethod(file: ts.SourceFile): boolean {
  const text = file.text;
  return [...registrationMethods].some((method) => text.includes(`.${method}(`));
}

/** The argument that holds the handler; -1 in the catalogue is the last argument. */
function handlerIndexOf(location: { readonly index: number }, call: ts.CallExpression): number {
  return location.index === -1 ? call.arguments.length - 1 : location.index;
}

/** An inline function passed as an argument or as a property of an object argument (`{ eachMessage: async () => … }`), or through one wrapper call. */
function inlineFunctionIn(argument: ts.Expression): ts.ArrowFunction | ts.FunctionExpression | undefined {
  let node = argument;
  while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) node = node.expression;
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return node;
  if (ts.isCallExpression(node)) return node.arguments.map(inlineFunctionIn).find((f) => f !== undefined);
  if (ts.isObjectLiteralExpression(node)) {
    for (const property of node.properties) {
      if (ts.isPropertyAssignment(property)) {
        const inner = inlineFunctionIn(property.initializer);
        if (inner !== undefined && !ts.isCallExpression(property.initializer)) return inner;
      }
    }
  }
  return undefined;
}

function skipParentheses(node: ts.Node): ts.Node {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current)) current = current.parent;
  return current;
}

function methodName(fn: ts.MethodDeclaration): string {
  const owner = ts.isClassLike(fn.parent) ? fn.parent.name?.text : undefined;
  return owner === undefined ? fn.name.getText() : `${owner}.${fn.name.getText()}`;
}

function functionName(fn: ts.SignatureDeclaration): string {
  if (ts.isMethodDeclaration(fn)) return methodName(fn);
  if (fn.name !== undefined) return fn.name.getText();
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertyAssignment(parent)) return parent.name.getText();
  return 'handler';
}
