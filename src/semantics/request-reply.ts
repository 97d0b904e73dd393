import ts from 'typescript';
import { returnedExpressions, skipOuter, walkUnit } from './ts-nodes.js';
import { inProcessEmitterPackages, replyingDecoratorEntries } from './catalogue/index.js';
import {
  amqplibReplyConsumers,
  correlationIdOption,
  emitterListenerMethods,
  nestClientClasses,
  nestClientDecorator,
  nestClientFactories,
  nestClientRegistrations,
  nestDefaultTransport,
  nestInjectDecorator,
  nestMicroservicesPackage,
  nestReplyingDecorator,
  nestRequestMethods,
  nestServerBootstraps,
  nestTransports,
  nodeEventsModules,
  nodeEventsWaitFunctions,
  replyToOption,
  rxjsMatchingOperators,
  rxjsPackages,
  rxjsPromiseFunctions,
  rxjsPromiseMethods,
} from './catalogue/request-reply.js';
import { isConstDeclaration, ownerNameOf, packageOfDeclaration, resolveAlias } from './declarations.js';
import { judgeEventName } from './names/index.js';
import { perProgram } from './per-program.js';
import { calleeNameOf, hasPropertyNamed, shortCalleeText, type CallLike } from './resolve-call/index.js';
import type { Effect } from './roles.js';
import { guard } from '../util/guard.js';

/**
 * Request/reply over a broker: a caller publishes a request and waits for the reply. Two
 * families are recognised:
 *
 * - NestJS `ClientProxy.send` (and `ClientKafka.subscribeToResponseOf`), with the client's
 *   transport read from the registrations visible in the program, and `@MessagePattern`
 *   handlers that reply to an event-named pattern on a broker;
 * - hand-rolled correlation: in one function (with its inline callbacks), a broker publish and a
 *   wait for the message that carries the same correlation id (a pending-reply map, a keyed
 *   listener, a filtered reply stream, a polling loop, an amqplib reply queue).
 */
export interface RequestReply {
  /** `client.send(…)` / `client.subscribeToResponseOf(…)` on a NestJS client, and its transport. */
  nestRequestOf(call: ts.CallExpression): NestRequest | undefined;
  /** A `@MessagePattern('order.placed')` method that returns a reply, served on a broker. */
  replyingEventHandlerOf(method: ts.MethodDeclaration): ReplyingEventHandler | undefined;
  /**
   * The systems a `@EventPattern(…)`/`@MessagePattern(…)` handler is served on: its own transport
   * argument, or every server the program starts; undefined when they cannot be seen.
   */
  servedSystemsOf(decoratorCall: ts.CallExpression): readonly string[] | undefined;
  /** A wait for a correlated reply to a publish in the same function. */
  correlatedWaitIn(unit: ts.SignatureDeclaration | ts.SourceFile, publishOf: (call: CallLike) => Effect | undefined): CorrelatedWait | undefined;
}

/** What is known about the transport a NestJS client or server speaks. */
export type TransportVerdict =
  | { readonly kind: 'broker'; readonly systems: readonly string[] }
  | { readonly kind: 'direct'; readonly systems: readonly string[] }
  | { readonly kind: 'unknown'; readonly why: string };

export interface NestRequest {
  readonly kind: 'send' | 'reply-subscription';
  /** `client.send` */
  readonly label: string;
  readonly transport: TransportVerdict;
}

export interface ReplyingEventHandler {
  readonly decorator: ts.Decorator;
  /** For a client whose handlers reply by decorator (`@RabbitRPC`): the decorator of a handler that does not. */
  readonly insteadDecorator?: string;
  /** The pattern as a string, or as written when it is computed (`TicketCreatedEvent.name`). */
  readonly pattern: string;
  /** The pattern is a past-tense event name (`order.placed`), not an RPC-style one (`get_user`). */
  readonly eventNamed: boolean;
  readonly name: string;
  readonly systems: readonly string[];
}

export type WaitShape = 'pending-map' | 'keyed-listener' | 'filtered-stream' | 'polling' | 'reply-queue';

export interface CorrelatedWait {
  /** Where the caller waits: `new Promise(…)`, `firstValueFrom(…)`, `channel.consume(…)`, the receive in a polling loop. */
  readonly node: ts.Node;
  readonly label: string;
  readonly shape: WaitShape;
  /** The correlation key as written: `correlationId`, `reply.correlationId`. */
  readonly key: string;
  readonly publish: Publish;
}


export interface Publish {
  readonly call: CallLike;
  readonly effect: Effect;
}

/** The request/reply analysis of a program, cached per program. */
export const getRequestReply: (program: ts.Program) => RequestReply = perProgram(createRequestReply);

const maxHops = 4;
const maxWalk = 20_000;
const unknownTransport = (why: string): TransportVerdict => ({ kind: 'unknown', why });

interface ProjectIndex {
  /** Client registrations by injection token: `ClientsModule.register([{ name, transport }])`, custom providers. */
  readonly registrations: ReadonlyMap<string, readonly TransportVerdict[]>;
  /** Transports of the microservice servers the program starts. */
  readonly servers: readonly TransportVerdict[];
}

function createRequestReply(program: ts.Program): RequestReply {
  const checker = program.getTypeChecker();
  let index: ProjectIndex | undefined;

  return {
    nestRequestOf: (call) => guarded(() => nestRequestOf(call)),
    replyingEventHandlerOf: (method) => guarded(() => replyingEventHandlerOf(method)),
    servedSystemsOf: (call) => guarded(() => servedSystemsOf(call)),
    correlatedWaitIn: (unit, publishOf) => guarded(() => correlatedWaitIn(unit, publishOf)),
  };

  // ---------------------------------------------------------------- NestJS clients

  function nestRequestOf(call: ts.CallExpression): NestRequest | undefined {
    const name = calleeNameOf(call);
    const entry = nestRequestMethods.find((m) => m.method === name);
    const callee = skipOuter(call.expression);
    if (entry === undefined || !ts.isPropertyAccessExpression(callee)) return undefined;
    const declaration = checker.getResolvedSignature(call)?.getDeclaration() as ts.Declaration | undefined;
    if (declaration === undefined || packageOfDeclaration(declaration) !== nestMicroservicesPackage || ownerNameOf(declaration) !== entry.owner) return undefined;
    const label = shortCalleeText(call.expression);
    if (entry.kind === 'reply-subscription') return { kind: entry.kind, label, transport: verdictOfMembers(['KAFKA']) };
    return { kind: entry.kind, label, transport: clientVerdict(callee.expression, 0) };
  }

  /** The transport of the client a receiver expression holds. */
  function clientVerdict(receiver: ts.Expression, hops: number): TransportVerdict {
    const byType = verdictOfClientType(checker.getTypeAtLocation(receiver));
    if (byType !== undefined) return byType;
    if (hops > maxHops) return unknownTransport('the client is passed through too many hands to follow');
    const target = skipOuter(receiver);
    if (ts.isCallExpression(target) || ts.isNewExpression(target)) {
      return clientCreationVerdict(target) ?? unknownTransport(`the client comes from \`${shortCalleeText(target.expression)}(…)\``);
    }
    if (!ts.isIdentifier(target) && !ts.isPropertyAccessExpression(target)) return unknownTransport('the client comes from an expression this rule does not follow');
    const symbol = resolvedSymbol(target);
    const declarations = symbol?.declarations ?? [];
    if (declarations.length === 0) return unknownTransport(`\`${clip(target.getText())}\` has no declaration`);
    return mergeVerdicts(declarations.map((d) => declarationVerdict(d, hops)));
  }

  function declarationVerdict(declaration: ts.Declaration, hops: number): TransportVerdict {
    const name = ts.getNameOfDeclaration(declaration)?.getText() ?? 'client';
    if (ts.isParameter(declaration) || ts.isPropertyDeclaration(declaration)) {
      const token = injectTokenOf(declaration);
      if (token !== undefined) return tokenVerdict(token);
      const clientOptions = ts.isPropertyDeclaration(declaration) ? clientDecoratorOptionsOf(declaration) : undefined;
      if (clientOptions !== undefined) return optionsVerdict(clientOptions, 0);
    }
    if (ts.isParameter(declaration)) return unknownTransport(`\`${name}\` is a parameter without an \`@Inject\` token, so its caller decides`);
    if ((ts.isPropertyDeclaration(declaration) || ts.isVariableDeclaration(declaration)) && declaration.initializer !== undefined) {
      return clientVerdict(declaration.initializer, hops + 1);
    }
    if (ts.isPropertyDeclaration(declaration) && ts.isClassLike(declaration.parent)) {
      const assigned = assignmentsToThis(declaration.parent, name);
      if (assigned.length > 0) return mergeVerdicts(assigned.map((value) => clientVerdict(value, hops + 1)));
    }
    return unknownTransport(`\`${name}\` is not created or injected where this rule can see it`);
  }

  /** `ClientProxyFactory.create(options)` or `new ClientRMQ(…)`; undefined for anything that does not create a NestJS client. */
  function clientCreationVerdict(node: ts.CallExpression | ts.NewExpression): TransportVerdict | undefined {
    if (ts.isNewExpression(node)) return verdictOfClientType(checker.getTypeAtLocation(node));
    const declaration = checker.getResolvedSignature(node)?.getDeclaration() as ts.Declaration | undefined;
    if (declaration === undefined || packageOfDeclaration(declaration) !== nestMicroservicesPackage) return undefined;
    const owner = ownerNameOf(declaration);
    const name = calleeNameOf(node);
    if (!nestClientFactories.some((f) => f.owner === owner && f.method === name)) return undefined;
    const options = node.arguments[0];
    return options === undefined ? unknownTransport('`ClientProxyFactory.create` has no options') : optionsVerdict(options, 0);
  }

  /** The transport of client or server options: `{ transport: Transport.KAFKA, options: … }`. */
  function optionsVerdict(expression: ts.Expression, hops: number): TransportVerdict {
    const node = skipOuter(expression);
    if (ts.isIdentifier(node) && hops < maxHops) {
      const initializer = constInitializerOf(node);
      if (initializer !== undefined) return optionsVerdict(initializer, hops + 1);
    }
    if (ts.isObjectLiteralExpression(node)) {
      let verdict: TransportVerdict | undefined;
      for (const property of node.properties) {
        if (ts.isSpreadAssignment(property)) {
          const spread = optionsVerdict(property.expression, hops + 1);
          if (spread.kind !== 'unknown' || verdict === undefined) verdict = spread;
        } else if (propertyNameOf(property) === 'transport') {
          verdict = ts.isPropertyAssignment(property)
            ? transportVerdict(property.initializer)
            : ts.isShorthandPropertyAssignment(property)
              ? transportVerdict(property.name)
              : unknownTransport('`transport` is computed at run time');
        } else if (propertyNameOf(property) === 'customClass' || propertyNameOf(property) === 'strategy') {
          return unknownTransport('the client uses a custom transport');
        }
      }
      return verdict ?? verdictOfMembers([nestDefaultTransport]);
    }
    // Options built elsewhere: their declared type may still pin the transport (`KafkaOptions`).
    const transport = checker.getTypeAtLocation(node).getProperty('transport');
    if (transport === undefined) return unknownTransport('the client options are built at run time');
    return membersVerdict(checker.getTypeOfSymbol(transport)) ?? unknownTransport('the client options are built at run time');
  }

  function transportVerdict(expression: ts.Expression): TransportVerdict {
    return membersVerdict(checker.getTypeAtLocation(expression)) ?? unknownTransport('`transport` is computed at run time');
  }

  function membersVerdict(type: ts.Type): TransportVerdict | undefined {
    const members = transportMembersOf(type);
    return members === undefined ? undefined : verdictOfMembers(members);
  }

  /** `Transport.KAFKA` → ['KAFKA']; `cond ? Transport.KAFKA : Transport.RMQ` → both; not a `Transport` → undefined. */
  function transportMembersOf(type: ts.Type): string[] | undefined {
    const members: string[] = [];
    for (const part of type.isUnion() ? type.types : [type]) {
      if (part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) continue;
      const declaration = part.getSymbol()?.declarations?.[0];
      if (!(part.flags & ts.TypeFlags.EnumLiteral) || declaration === undefined || !ts.isEnumMember(declaration)) return undefined;
      if (declaration.parent.name.text !== 'Transport' || packageOfDeclaration(declaration) !== nestMicroservicesPackage) return undefined;
      members.push(declaration.name.getText());
    }
    return members.length === 0 ? undefined : members;
  }

  /** `ClientKafka`, `ClientRMQ`… or a project class extending one; undefined for `ClientProxy` and anything else. */
  function verdictOfClientType(type: ts.Type): TransportVerdict | undefined {
    const verdicts: TransportVerdict[] = [];
    for (const part of type.isUnion() ? type.types : [type]) {
      if (part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) continue;
      const member = clientClassTransport(part, 0);
      if (member === undefined) return undefined;
      verdicts.push(verdictOfMembers([member]));
    }
    return verdicts.length === 0 ? undefined : mergeVerdicts(verdicts);
  }

  function clientClassTransport(type: ts.Type, depth: number): string | undefined {
    for (const symbol of [type.getSymbol(), type.aliasSymbol]) {
      const member = symbol === undefined ? undefined : nestClientClasses[symbol.getName()];
      const declaration = symbol?.declarations?.[0];
      if (member !== undefined && declaration !== undefined && packageOfDeclaration(declaration) === nestMicroservicesPackage) return member;
    }
    const target = classOrInterfaceOf(type);
    if (depth >= maxHops || target === undefined) return undefined;
    for (const base of checker.getBaseTypes(target)) {
      const member = clientClassTransport(base, depth + 1);
      if (member !== undefined) return member;
    }
    return undefined;
  }

  /** `@Inject('ORDERS')` / `@Inject(ORDERS)` on a constructor parameter or a property. */
  function injectTokenOf(declaration: ts.ParameterDeclaration | ts.PropertyDeclaration): ts.Expression | undefined {
    for (const decorator of ts.getDecorators(declaration) ?? []) {
      const call = decorator.expression;
      if (!ts.isCallExpression(call)) continue;
      const symbol = resolvedSymbol(call.expression);
      const declared = symbol?.declarations?.[0];
      if (declared === undefined || symbol?.getName() !== nestInjectDecorator.name) continue;
      const pkg = packageOfDeclaration(declared);
      if (pkg !== undefined && (nestInjectDecorator.packages as readonly string[]).includes(pkg)) return call.arguments[0];
    }
    return undefined;
  }

  /** `@Client({ transport: Transport.KAFKA })` on a property. */
  function clientDecoratorOptionsOf(declaration: ts.PropertyDeclaration): ts.Expression | undefined {
    for (const decorator of ts.getDecorators(declaration) ?? []) {
      const call = decorator.expression;
      if (!ts.isCallExpression(call)) continue;
      const symbol = resolvedSymbol(call.expression);
      const declared = symbol?.declarations?.[0];
      if (symbol?.getName() === nestClientDecorator && declared !== undefined && packageOfDeclaration(declared) === nestMicroservicesPackage) {
        return call.arguments[0];
      }
    }
    return undefined;
  }

  function tokenVerdict(token: ts.Expression): TransportVerdict {
    const key = tokenKeyOf(token, 0);
    const display = clip(token.getText());
    if (key === undefined) return unknownTransport(`the injection token ${display} is computed at run time`);
    const registered = projectIndex().registrations.get(key);
    if (registered === undefined) return unknownTransport(`no client registration named ${display} is visible in this program`);
    const verdict = mergeVerdicts(registered);
    return verdict.kind === 'unknown' ? unknownTransport(`the client registered as ${display}: ${verdict.why}`) : verdict;
  }

  /** `'ORDERS'` and a `const ORDERS = 'ORDERS'` name the same token; a `Symbol()` or class token is its declaration. */
  function tokenKeyOf(token: ts.Expression, hops: number): string | undefined {
    const node = skipOuter(token);
    if (ts.isStringLiteralLike(node)) return `'${node.text}'`;
    if (!ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node)) return undefined;
    const declaration = resolvedSymbol(node)?.declarations?.[0];
    if (declaration === undefined) return undefined;
    if (ts.isVariableDeclaration(declaration) && isConstDeclaration(declaration) && declaration.initializer !== undefined && hops < maxHops) {
      const inner = tokenKeyOf(declaration.initializer, hops + 1);
      if (inner?.startsWith("'") === true) return inner;
    }
    return `${declaration.getSourceFile().fileName}#${String(declaration.pos)}`;
  }

  /** `this.client = ClientProxyFactory.create(…)` inside the class. */
  function assignmentsToThis(cls: ts.ClassLikeDeclaration, name: string): ts.Expression[] {
    const found: ts.Expression[] = [];
    let budget = maxWalk;
    const visit = (node: ts.Node): void => {
      if (budget-- <= 0 || found.length > 8) return;
      if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isPropertyAccessExpression(node.left) &&
        node.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
        node.left.name.text === name
      ) {
        found.push(node.right);
      }
      ts.forEachChild(node, visit);
    };
    for (const member of cls.members) visit(member);
    return found;
  }

  // ---------------------------------------------------------------- project-wide registrations

  function projectIndex(): ProjectIndex {
    if (index !== undefined) return index;
    const registrations = new Map<string, TransportVerdict[]>();
    const servers: TransportVerdict[] = [];
    const register = (token: ts.Expression | undefined, verdict: TransportVerdict): void => {
      const key = token === undefined ? undefined : tokenKeyOf(token, 0);
      if (key === undefined) return;
      const list = registrations.get(key);
      if (list === undefined) registrations.set(key, [verdict]);
      else list.push(verdict);
    };
    for (const file of program.getSourceFiles()) {
      if (file.isDeclarationFile || program.isSourceFileFromExternalLibrary(file)) continue;
      const text = file.text;
      const mayRegister = text.includes('ClientsModule') || text.includes('provide');
      const mayServe = text.includes('createMicroservice') || text.includes('connectMicroservice');
      if (!mayRegister && !mayServe) continue;
      let budget = maxWalk * 5;
      const visit = (node: ts.Node): void => {
        if (budget-- <= 0) return;
        if (ts.isCallExpression(node)) {
          if (mayRegister) guarded(() => { collectClientsModule(node, register); });
          if (mayServe) {
            const server = guarded(() => serverVerdictOf(node));
            if (server !== undefined) servers.push(server);
          }
        } else if (mayRegister && ts.isObjectLiteralExpression(node)) {
          guarded(() => { collectCustomProvider(node, register); });
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
    }
    index = { registrations, servers };
    return index;
  }

  /** `ClientsModule.register([{ name: 'ORDERS', transport: Transport.KAFKA }])` and `registerAsync([{ name, useFactory }])`. */
  function collectClientsModule(call: ts.CallExpression, register: (token: ts.Expression | undefined, verdict: TransportVerdict) => void): void {
    const method = calleeNameOf(call);
    if (method === undefined || !nestClientRegistrations.some((r) => r.methods.includes(method))) return;
    const declaration = checker.getResolvedSignature(call)?.getDeclaration() as ts.Declaration | undefined;
    const owner = declaration === undefined ? undefined : ownerNameOf(declaration);
    if (declaration === undefined || packageOfDeclaration(declaration) !== nestMicroservicesPackage || !nestClientRegistrations.some((r) => r.owner === owner)) return;
    const argument = call.arguments[0];
    if (argument === undefined) return;
    for (const entry of registrationEntries(argument, 0)) {
      const name = objectProperty(entry, 'name');
      if (method === 'register') {
        register(name, optionsVerdict(entry, 0));
      } else {
        register(name, asyncOptionsVerdict(entry));
      }
    }
  }

  function registrationEntries(argument: ts.Expression, hops: number): ts.ObjectLiteralExpression[] {
    const node = skipOuter(argument);
    if (ts.isIdentifier(node) && hops < maxHops) {
      const initializer = constInitializerOf(node);
      return initializer === undefined ? [] : registrationEntries(initializer, hops + 1);
    }
    if (ts.isArrayLiteralExpression(node)) {
      return node.elements.flatMap((element) => {
        const entry = skipOuter(element);
        if (ts.isObjectLiteralExpression(entry)) return [entry];
        const initializer = ts.isIdentifier(entry) ? constInitializerOf(entry) : undefined;
        return initializer !== undefined && ts.isObjectLiteralExpression(skipOuter(initializer)) ? [skipOuter(initializer) as ts.ObjectLiteralExpression] : [];
      });
    }
    if (ts.isObjectLiteralExpression(node)) {
      const clients = objectProperty(node, 'clients');
      return clients === undefined ? [] : registrationEntries(clients, hops + 1);
    }
    return [];
  }

  /** `registerAsync`: the options `useFactory` returns, or `createClientOptions()` of `useClass`/`useExisting`. */
  function asyncOptionsVerdict(entry: ts.ObjectLiteralExpression): TransportVerdict {
    const factory = objectProperty(entry, 'useFactory');
    const functionNode = factory === undefined ? undefined : functionOf(factory);
    if (functionNode !== undefined) return mergeVerdicts(returnedExpressions(functionNode).map((e) => optionsVerdict(e, 0)));
    const useClass = objectProperty(entry, 'useClass') ?? objectProperty(entry, 'useExisting');
    const cls = useClass === undefined ? undefined : resolvedSymbol(useClass)?.declarations?.find((d): d is ts.ClassLikeDeclaration => ts.isClassLike(d));
    const method = cls?.members.find((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && m.name.getText() === 'createClientOptions');
    if (method !== undefined) return mergeVerdicts(returnedExpressions(method).map((e) => optionsVerdict(e, 0)));
    return unknownTransport('its options are produced at run time');
  }

  /** `{ provide: 'ORDERS', useFactory: () => ClientProxyFactory.create({ transport }) }` and `useValue: …`. */
  function collectCustomProvider(object: ts.ObjectLiteralExpression, register: (token: ts.Expression | undefined, verdict: TransportVerdict) => void): void {
    const token = objectProperty(object, 'provide');
    if (token === undefined) return;
    const value = objectProperty(object, 'useValue');
    const factory = objectProperty(object, 'useFactory');
    const functionNode = factory === undefined ? undefined : functionOf(factory);
    const created = [...(value === undefined ? [] : [value]), ...(functionNode === undefined ? [] : returnedExpressions(functionNode))];
    const verdicts = created.flatMap((expression) => {
      const node = skipOuter(expression);
      const verdict = ts.isCallExpression(node) || ts.isNewExpression(node) ? clientCreationVerdict(node) : undefined;
      return verdict === undefined ? [] : [verdict];
    });
    if (verdicts.length > 0) register(token, mergeVerdicts(verdicts));
  }

  /** `NestFactory.createMicroservice(AppModule, { transport })`, `app.connectMicroservice({ transport })`. */
  function serverVerdictOf(call: ts.CallExpression): TransportVerdict | undefined {
    const name = calleeNameOf(call);
    const bootstrap = nestServerBootstraps.find((b) => b.method === name);
    if (bootstrap === undefined) return undefined;
    const declaration = checker.getResolvedSignature(call)?.getDeclaration() as ts.Declaration | undefined;
    if (declaration === undefined) return undefined;
    const pkg = packageOfDeclaration(declaration);
    const owner = ownerNameOf(declaration);
    if (pkg === undefined || !bootstrap.packages.includes(pkg) || owner === undefined || !bootstrap.owners.includes(owner)) return undefined;
    const options = call.arguments[bootstrap.optionsIndex];
    return options === undefined ? verdictOfMembers([nestDefaultTransport]) : optionsVerdict(options, 0);
  }

  // ---------------------------------------------------------------- @MessagePattern handlers

  function replyingEventHandlerOf(method: ts.MethodDeclaration): ReplyingEventHandler | undefined {
    for (const decorator of ts.getDecorators(method) ?? []) {
      const call = decorator.expression;
      if (!ts.isCallExpression(call)) continue;
      const symbol = resolvedSymbol(call.expression);
      const declared = symbol?.declarations?.[0];
      const declaredIn = declared === undefined ? undefined : packageOfDeclaration(declared);
      const replying = replyingDecoratorEntries.find((d) => symbol !== undefined && d.decorators.includes(symbol.getName()) && declaredIn !== undefined && d.packages.includes(declaredIn));
      if (replying?.replies !== undefined) {
        if (!returnsReply(method)) return undefined;
        const literal = patternOption(call.arguments[0], replying.replies.patternProperties);
        return {
          decorator,
          insteadDecorator: replying.replies.insteadDecorator,
          pattern: literal ?? 'its routing key',
          eventNamed: literal !== undefined && judgeEventName(literal).ok === true,
          name: methodLabel(method),
          systems: [replying.system],
        };
      }
      if (symbol?.getName() !== nestReplyingDecorator || declared === undefined || packageOfDeclaration(declared) !== nestMicroservicesPackage) continue;
      const patternArgument = call.arguments[0];
      if (patternArgument === undefined || !returnsReply(method)) return undefined;
      // An RPC-style pattern (`get_user`) or a computed one (`TicketCreatedEvent.name`) answers over the broker all the same.
      const literal = stringValueOf(patternArgument, 0);
      const pattern = literal ?? clip(patternArgument.getText());
      const eventNamed = literal !== undefined && judgeEventName(literal).ok === true;
      const systems = servedSystemsOf(call);
      if (systems === undefined) return undefined;
      return { decorator, pattern, eventNamed, name: methodLabel(method), systems };
    }
    return undefined;
  }

  function methodLabel(method: ts.MethodDeclaration): string {
    const owner = ts.isClassLike(method.parent) ? method.parent.name?.text : undefined;
    return owner === undefined ? method.name.getText() : `${owner}.${method.name.getText()}`;
  }

  /** `@RabbitRPC({ routingKey: 'quote.requested' })`: the first of these options written as a string. */
  function patternOption(options: ts.Expression | undefined, properties: readonly string[]): string | undefined {
    if (options === undefined || !ts.isObjectLiteralExpression(options)) return undefined;
    for (const name of properties) {
      const property = options.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === name);
      const value = property !== undefined && ts.isPropertyAssignment(property) ? stringValueOf(property.initializer, 0) : undefined;
      if (value !== undefined) return value;
    }
    return undefined;
  }

  function servedSystemsOf(call: ts.CallExpression): readonly string[] | undefined {
    const transportArgument = call.arguments[1];
    const explicit = transportArgument === undefined ? undefined : membersVerdict(checker.getTypeAtLocation(transportArgument));
    // Without a transport of its own, the handler listens on every server the program starts.
    const served = explicit === undefined ? projectIndex().servers.filter((v) => v.kind === 'broker') : [explicit];
    const systems = unique(served.flatMap((v) => (v.kind === 'broker' ? v.systems : [])));
    return systems.length === 0 || served.some((v) => v.kind !== 'broker') ? undefined : systems;
  }

  /** Does the method return a value (a reply) rather than nothing? */
  function returnsReply(method: ts.MethodDeclaration): boolean {
    if (method.body === undefined) return false;
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
      if (ts.isReturnStatement(node) && node.expression !== undefined) {
        const type = checker.getTypeAtLocation(node.expression);
        const awaited = checker.getAwaitedType(type) ?? type;
        found = !(awaited.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined | ts.TypeFlags.Never));
        if (found) return;
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(method.body, visit);
    return found;
  }

  // ---------------------------------------------------------------- hand-rolled correlation

  function correlatedWaitIn(unit: ts.SignatureDeclaration | ts.SourceFile, publishOf: (call: CallLike) => Effect | undefined): CorrelatedWait | undefined {
    const body = ts.isSourceFile(unit) ? unit : 'body' in unit ? (unit.body as ts.Node | undefined) : undefined;
    if (body === undefined) return undefined;
    const calls: CallLike[] = [];
    const candidates: ts.Node[] = [];
    walkUnit(body, (node) => {
      if (ts.isCallExpression(node) || ts.isTaggedTemplateExpression(node)) calls.push(node);
      if (isWaitCandidate(node)) candidates.push(node);
    });
    // Syntax first: most functions have nothing that can wait for a reply, and need no types.
    if (candidates.length === 0) return undefined;
    const publishes = calls.flatMap((call) => {
      const effect = publishOf(call);
      return effect === undefined ? [] : [{ call, effect }];
    });
    if (publishes.length === 0) return undefined;
    const flow = identifiersFlowingInto(publishes.map((p) => p.call));
    for (const candidate of candidates) {
      const match = guarded(() => matchWait(candidate, publishes, flow));
      if (match !== undefined) return match;
    }
    return undefined;
  }

  function isWaitCandidate(node: ts.Node): boolean {
    if (ts.isNewExpression(node)) {
      const executor = node.arguments?.[0];
      return ts.isIdentifier(node.expression) && node.expression.text === 'Promise' && executor !== undefined && functionOf(executor) !== undefined;
    }
    if (ts.isCallExpression(node)) {
      const name = importedCalleeNameOf(node);
      if (name === undefined) return false;
      if (rxjsPromiseFunctions.includes(name) || rxjsPromiseMethods.includes(name)) return true;
      if (nodeEventsWaitFunctions.includes(name)) return node.arguments.length >= 2 && functionOf(node.arguments[1]) === undefined;
      return amqplibReplyConsumers.methods.includes(name) && ts.isPropertyAccessExpression(skipOuter(node.expression));
    }
    return ts.isIterationStatement(node, false);
  }

  function matchWait(node: ts.Node, publishes: readonly Publish[], flow: ReadonlySet<string>): CorrelatedWait | undefined {
    if (ts.isNewExpression(node)) return matchPendingPromise(node, publishes, flow);
    if (ts.isCallExpression(node)) {
      const name = importedCalleeNameOf(node) ?? '';
      if (rxjsPromiseFunctions.includes(name) || rxjsPromiseMethods.includes(name)) return matchFilteredStream(node, name, publishes, flow);
      if (nodeEventsWaitFunctions.includes(name)) return matchEventsOnce(node, publishes, flow);
      return matchReplyQueue(node, publishes, flow);
    }
    if (ts.isIterationStatement(node, false)) return matchPollingLoop(node, publishes);
    return undefined;
  }

  /** `new Promise((resolve) => { pending.set(correlationId, resolve); … })` or `replies.once(correlationId, resolve)`. */
  function matchPendingPromise(node: ts.NewExpression, publishes: readonly Publish[], flow: ReadonlySet<string>): CorrelatedWait | undefined {
    const executor = functionOf(node.arguments?.[0]);
    const resolveParameter = executor?.parameters[0]?.name;
    if (executor === undefined || resolveParameter === undefined || !ts.isIdentifier(resolveParameter)) return undefined;
    if (!isGlobalPromise(node)) return undefined;
    const resolve = resolveParameter.text;
    let found: { key: ts.Expression; shape: WaitShape } | undefined;
    walkUnit(executor.body, (inner) => {
      if (found !== undefined) return;
      if (ts.isCallExpression(inner)) {
        const callee = skipOuter(inner.expression);
        const [key, value] = inner.arguments;
        if (!ts.isPropertyAccessExpression(callee) || key === undefined || value === undefined || isLiteral(key) || !storesResolver(value, resolve)) return;
        if (callee.name.text === 'set' && isMapType(checker.getTypeAtLocation(callee.expression)) && isKeyed(key, flow)) found = { key, shape: 'pending-map' };
        else if (emitterListenerMethods.includes(callee.name.text) && isInProcessEmitterCall(inner) && isKeyed(key, flow)) found = { key, shape: 'keyed-listener' };
      } else if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isElementAccessExpression(inner.left)) {
        const key = inner.left.argumentExpression;
        if (!isLiteral(key) && storesResolver(inner.right, resolve) && isKeyed(key, flow)) found = { key, shape: 'pending-map' };
      }
    });
    if (found === undefined) return undefined;
    return wait(node, 'new Promise(…)', found.shape, found.key.getText(), publishes, found.key);
  }

  /** `firstValueFrom(replies$.pipe(filter((r) => r.correlationId === id)))`, `….toPromise()`. */
  function matchFilteredStream(node: ts.CallExpression, name: string, publishes: readonly Publish[], flow: ReadonlySet<string>): CorrelatedWait | undefined {
    const callee = skipOuter(node.expression);
    const isMethod = rxjsPromiseMethods.includes(name);
    if ((isMethod && !ts.isPropertyAccessExpression(callee)) || !declaredIn(node, rxjsPackages)) return undefined;
    const source = isMethod && ts.isPropertyAccessExpression(callee) ? callee.expression : node.arguments[0];
    if (source === undefined) return undefined;
    for (const predicate of matchingPredicatesOf(source, 0)) {
      const key = keyedComparisonIn(predicate.body, (side) => rootBindingIn(side, predicate.parameters), (side) => isKeyedByFlow(side, flow), false);
      if (key !== undefined) return wait(node, `${clip(shortCalleeText(node.expression))}(…)`, 'filtered-stream', key, publishes, undefined);
    }
    return undefined;
  }

  /** The predicates of `filter`/`first`/`find` in the `.pipe(…)` chain a stream is built with. */
  function matchingPredicatesOf(source: ts.Expression, hops: number): (ts.ArrowFunction | ts.FunctionExpression)[] {
    const predicates: (ts.ArrowFunction | ts.FunctionExpression)[] = [];
    let node: ts.Expression = skipOuter(source);
    for (let steps = 0; steps < 50; steps++) {
      if (ts.isIdentifier(node) && hops < maxHops) {
        const initializer = constInitializerOf(node);
        if (initializer !== undefined) predicates.push(...matchingPredicatesOf(initializer, hops + 1));
        break;
      }
      if (ts.isCallExpression(node)) {
        if (calleeNameOf(node) === 'pipe') {
          for (const operator of node.arguments) {
            const call = skipOuter(operator);
            const predicate = ts.isCallExpression(call) && rxjsMatchingOperators.includes(importedCalleeNameOf(call) ?? '') ? functionOf(call.arguments[0]) : undefined;
            if (predicate !== undefined) predicates.push(predicate);
          }
        }
        node = skipOuter(node.expression);
      } else if (ts.isPropertyAccessExpression(node)) {
        node = skipOuter(node.expression);
      } else {
        break;
      }
    }
    return predicates;
  }

  /** `await once(replies, correlationId)` from `node:events`. */
  function matchEventsOnce(node: ts.CallExpression, publishes: readonly Publish[], flow: ReadonlySet<string>): CorrelatedWait | undefined {
    const key = node.arguments[1];
    if (key === undefined || isLiteral(key) || !declaredIn(node, nodeEventsModules) || !isKeyed(key, flow)) return undefined;
    return wait(node, `${clip(shortCalleeText(node.expression))}(…)`, 'keyed-listener', key.getText(), publishes, key);
  }

  /**
   * amqplib RPC: `channel.consume(replyQueue, …)` in the function that publishes with `replyTo`
   * (or with `correlationId`, when the consumer matches replies on it).
   */
  function matchReplyQueue(node: ts.CallExpression, publishes: readonly Publish[], flow: ReadonlySet<string>): CorrelatedWait | undefined {
    const declaration = checker.getResolvedSignature(node)?.getDeclaration() as ts.Declaration | undefined;
    const pkg = declaration === undefined ? undefined : packageOfDeclaration(declaration);
    const owner = declaration === undefined ? undefined : ownerNameOf(declaration);
    if (pkg === undefined || owner === undefined || !amqplibReplyConsumers.packages.includes(pkg) || !amqplibReplyConsumers.owners.includes(owner)) return undefined;
    // The reply a server sends from inside its consumer is the other half, not a request.
    const requests = publishes.filter((p) => ts.isCallExpression(p.call) && p.effect.chain.length === 1 && !contains(node, p.call));
    const withReplyTo = requests.find((p) => hasPropertyNamed(p.call, replyToOption));
    if (withReplyTo !== undefined) return { node, label: `${clip(shortCalleeText(node.expression))}(…)`, shape: 'reply-queue', key: replyToOption, publish: withReplyTo };
    const withCorrelation = requests.find((p) => hasPropertyNamed(p.call, correlationIdOption));
    const handler = functionOf(node.arguments[1]);
    if (withCorrelation === undefined || handler === undefined) return undefined;
    const key = keyedComparisonIn(handler.body, (side) => namesIn(side).some(isCorrelationName), (side) => isKeyedByFlow(side, flow) || !isLiteral(side), true);
    return key === undefined ? undefined : { node, label: `${clip(shortCalleeText(node.expression))}(…)`, shape: 'reply-queue', key, publish: withCorrelation };
  }

  /** A loop after the publish that awaits and compares a received message's correlation id with one from outside the loop. */
  function matchPollingLoop(loop: ts.IterationStatement, publishes: readonly Publish[]): CorrelatedWait | undefined {
    const before = publishes.filter((p) => p.call.end <= loop.getStart());
    if (before.length === 0) return undefined;
    let awaited: ts.Expression | undefined;
    walkUnit(loop, (node) => {
      if (awaited === undefined && ts.isAwaitExpression(node)) awaited = node.expression;
    });
    if (awaited === undefined) return undefined;
    const outside = (side: ts.Expression): boolean => {
      const roots = rootIdentifiersIn(side);
      return roots.length > 0 && roots.every((root) => {
        const declaration = resolvedSymbol(root)?.valueDeclaration;
        return declaration !== undefined && declaration.getSourceFile() === loop.getSourceFile() && !contains(loop, declaration);
      });
    };
    const key = keyedComparisonIn(loop, (side) => namesIn(side).some(isCorrelationName) && !outside(side), outside, true);
    if (key === undefined) return undefined;
    const receive = skipOuter(awaited);
    const label = clip(ts.isCallExpression(receive) ? `${shortCalleeText(receive.expression)}(…)` : receive.getText());
    return { node: receive, label, shape: 'polling', key, publish: pickPublish(before, undefined) };
  }

  function wait(node: ts.Node, label: string, shape: WaitShape, key: string, publishes: readonly Publish[], keyNode: ts.Expression | undefined): CorrelatedWait {
    return { node, label, shape, key: clip(key), publish: pickPublish(publishes, keyNode) };
  }

  /** The publish the key flows into, else the first one. */
  function pickPublish(publishes: readonly Publish[], keyNode: ts.Expression | undefined): Publish {
    const roots = keyNode === undefined ? [] : rootIdentifiersIn(keyNode).map((r) => r.text);
    const carrying = publishes.find((p) => roots.some((root) => identifiersFlowingInto([p.call]).has(root)));
    return carrying ?? (publishes[0] as Publish);
  }

  /** A key that carries the correlation: its name says so, or it is what the publish sends. */
  function isKeyed(key: ts.Expression, flow: ReadonlySet<string>): boolean {
    return namesIn(key).some(isCorrelationName) || rootIdentifiersIn(key).some((root) => flow.has(root.text));
  }

  function isKeyedByFlow(side: ts.Expression, flow: ReadonlySet<string>): boolean {
    return rootIdentifiersIn(side).some((root) => flow.has(root.text));
  }

  /**
   * The first `a === b` (or `==`) in `root` where `a` is the received message's id (`isReceived`)
   * and `b` is what the request carried (`isSent`). Returns the text of `a`.
   */
  function keyedComparisonIn(
    root: ts.Node,
    isReceived: (side: ts.Expression) => boolean,
    isSent: (side: ts.Expression) => boolean,
    strict: boolean,
  ): string | undefined {
    let key: string | undefined;
    walkUnit(root, (node) => {
      if (key !== undefined || !ts.isBinaryExpression(node)) return;
      const operator = node.operatorToken.kind;
      if (operator !== ts.SyntaxKind.EqualsEqualsEqualsToken && operator !== ts.SyntaxKind.EqualsEqualsToken) return;
      for (const [received, sent] of [
        [node.left, node.right],
        [node.right, node.left],
      ] as const) {
        if (isLiteral(sent) || !isReceived(received)) continue;
        const names = namesIn(received);
        const correlated = names.some(isCorrelationName);
        const byId = !strict && isIdName(names.at(-1) ?? '') && isSent(sent);
        if ((correlated && (isSent(sent) || !strict)) || byId) {
          key = clip(received.getText());
          return;
        }
      }
    });
    return key;
  }

  /** Is the side read from one of these parameters (`r` in `(r) => r.correlationId === id`, or a binding destructured from it)? */
  function rootBindingIn(side: ts.Expression, parameters: readonly ts.ParameterDeclaration[]): boolean {
    return rootIdentifiersIn(side).some((root) => {
      const declaration = resolvedSymbol(root)?.valueDeclaration;
      return declaration !== undefined && parameters.some((parameter) => contains(parameter, declaration));
    });
  }

  /** Identifier texts that a call's arguments carry, following local `const` objects: `{ correlationId }`, `JSON.stringify(request)`. */
  function identifiersFlowingInto(calls: readonly CallLike[]): Set<string> {
    const names = new Set<string>();
    const follow = (node: ts.Node, hops: number): void => {
      for (const root of rootIdentifiersIn(node)) {
        if (names.has(root.text)) continue;
        names.add(root.text);
        const initializer = hops < 2 ? constInitializerOf(root) : undefined;
        if (initializer !== undefined) follow(initializer, hops + 1);
      }
    };
    for (const call of calls) {
      if (ts.isCallExpression(call)) for (const argument of call.arguments) follow(argument, 0);
      else follow(call.template, 0);
    }
    return names;
  }

  function isMapType(type: ts.Type): boolean {
    const symbol = type.getSymbol();
    const declaration = symbol?.declarations?.[0];
    return symbol?.getName() === 'Map' && declaration !== undefined && program.isSourceFileDefaultLibrary(declaration.getSourceFile());
  }

  function isGlobalPromise(node: ts.NewExpression): boolean {
    const declaration = resolvedSymbol(node.expression)?.declarations?.[0];
    return declaration !== undefined && program.isSourceFileDefaultLibrary(declaration.getSourceFile());
  }

  /** `emitter.once(id, …)` on Node's EventEmitter or another in-process emitter (not a broker client). */
  function isInProcessEmitterCall(call: ts.CallExpression): boolean {
    const declaration = checker.getResolvedSignature(call)?.getDeclaration() as ts.Declaration | undefined;
    const pkg = declaration === undefined ? undefined : packageOfDeclaration(declaration);
    return pkg !== undefined && inProcessEmitterPackages.includes(pkg);
  }

  function declaredIn(call: ts.CallExpression, packages: readonly string[]): boolean {
    const declaration = checker.getResolvedSignature(call)?.getDeclaration() as ts.Declaration | undefined;
    const pkg = declaration === undefined ? undefined : packageOfDeclaration(declaration);
    return pkg !== undefined && packages.includes(pkg);
  }

  // ---------------------------------------------------------------- small helpers

  function resolvedSymbol(node: ts.Node): ts.Symbol | undefined {
    const target = ts.isPropertyAccessExpression(node) ? node.name : node;
    let symbol = ts.isShorthandPropertyAssignment(target.parent) ? checker.getShorthandAssignmentValueSymbol(target.parent) : checker.getSymbolAtLocation(target);
    symbol = resolveAlias(checker, symbol);
    return symbol;
  }

  function constInitializerOf(identifier: ts.Identifier): ts.Expression | undefined {
    const declaration = resolvedSymbol(identifier)?.valueDeclaration;
    return declaration !== undefined && ts.isVariableDeclaration(declaration) && isConstDeclaration(declaration) ? declaration.initializer : undefined;
  }

  function stringValueOf(expression: ts.Expression, hops: number): string | undefined {
    const node = skipOuter(expression);
    if (ts.isStringLiteralLike(node)) return node.text;
    if (ts.isIdentifier(node) && hops < maxHops) {
      const initializer = constInitializerOf(node);
      return initializer === undefined ? undefined : stringValueOf(initializer, hops + 1);
    }
    return undefined;
  }
}

// ---------------------------------------------------------------- module-level helpers (no checker)

function guarded<T>(compute: () => T): T | undefined {
  return guard<T | undefined>(compute, undefined);
}

function verdictOfMembers(members: readonly string[]): TransportVerdict {
  const transports = members.map((m) => nestTransports[m]);
  if (transports.some((t) => t === undefined)) return unknownTransport('its transport is not one this rule knows');
  const systems = unique(transports.map((t) => t?.system ?? ''));
  if (transports.every((t) => t?.broker === true)) return { kind: 'broker', systems };
  if (transports.every((t) => t?.broker === false)) return { kind: 'direct', systems };
  return unknownTransport(`its transport is one of ${systems.join(', ')} at run time`);
}

function mergeVerdicts(verdicts: readonly TransportVerdict[]): TransportVerdict {
  const first = verdicts[0];
  if (first === undefined) return unknownTransport('no transport is visible');
  const unknown = verdicts.find((v) => v.kind === 'unknown');
  if (unknown !== undefined) return unknown;
  const systems = unique(verdicts.flatMap((v) => (v.kind === 'unknown' ? [] : v.systems)));
  if (verdicts.every((v) => v.kind === 'broker')) return { kind: 'broker', systems };
  if (verdicts.every((v) => v.kind === 'direct')) return { kind: 'direct', systems };
  return unknownTransport(`its registrations disagree (${systems.join(', ')})`);
}


const importAliases = new WeakMap<ts.SourceFile, ReadonlyMap<string, string>>();

/**
 * The name a call's callee was imported under: `first` in `import { firstValueFrom as first }`
 * is `firstValueFrom`. Read from the file's import declarations, so it needs no checker.
 */
function importedCalleeNameOf(call: ts.CallExpression): string | undefined {
  const name = calleeNameOf(call);
  const callee = skipOuter(call.expression);
  if (name === undefined || !ts.isIdentifier(callee)) return name;
  const file = call.getSourceFile();
  let aliases = importAliases.get(file);
  if (aliases === undefined) {
    const found = new Map<string, string>();
    for (const statement of file.statements) {
      const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
      if (bindings === undefined || !ts.isNamedImports(bindings)) continue;
      for (const element of bindings.elements) {
        if (element.propertyName !== undefined) found.set(element.name.text, element.propertyName.text);
      }
    }
    aliases = found;
    importAliases.set(file, aliases);
  }
  return aliases.get(name) ?? name;
}

/** The class or interface a type is an instance of (`ClientKafka` for `ClientKafka`, the generic class for `ClientProxy<…>`). */
function classOrInterfaceOf(type: ts.Type): ts.InterfaceType | undefined {
  if (!(type.flags & ts.TypeFlags.Object)) return undefined;
  const object = type as ts.ObjectType;
  const target = object.objectFlags & ts.ObjectFlags.Reference ? (object as ts.TypeReference).target : object;
  return target.objectFlags & ts.ObjectFlags.ClassOrInterface ? (target as ts.InterfaceType) : undefined;
}

function functionOf(node: ts.Node | undefined): ts.ArrowFunction | ts.FunctionExpression | undefined {
  const inner = node === undefined ? undefined : skipOuter(node as ts.Expression);
  return inner !== undefined && (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)) ? inner : undefined;
}


function objectProperty(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (propertyNameOf(property) !== name) continue;
    if (ts.isPropertyAssignment(property)) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property)) return property.name;
    if (ts.isMethodDeclaration(property)) return undefined;
  }
  return undefined;
}

function propertyNameOf(property: ts.ObjectLiteralElementLike): string | undefined {
  const name = property.name;
  if (name === undefined) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  return undefined;
}


function isLiteral(node: ts.Expression): boolean {
  const inner = skipOuter(node);
  return (
    ts.isStringLiteralLike(inner) ||
    ts.isNumericLiteral(inner) ||
    inner.kind === ts.SyntaxKind.TrueKeyword ||
    inner.kind === ts.SyntaxKind.FalseKeyword ||
    inner.kind === ts.SyntaxKind.NullKeyword ||
    (ts.isIdentifier(inner) && inner.text === 'undefined')
  );
}

/** Does `node` contain an identifier with this text? */
function mentions(node: ts.Node, name: string): boolean {
  let found = false;
  let budget = 2_000;
  const visit = (inner: ts.Node): void => {
    if (found || budget-- <= 0) return;
    if (ts.isIdentifier(inner) && inner.text === name) {
      found = true;
      return;
    }
    ts.forEachChild(inner, visit);
  };
  visit(node);
  return found;
}

/**
 * Does the value keep the promise's `resolve` for later: `resolve`, `{ resolve, reject }`,
 * `(reply) => resolve(reply)`? (`setTimeout(resolve, ms)` runs it on a timer instead.)
 */
function storesResolver(value: ts.Expression, resolve: string): boolean {
  const node = skipOuter(value);
  if (ts.isIdentifier(node)) return node.text === resolve;
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return mentions(node.body, resolve);
  if (!ts.isObjectLiteralExpression(node)) return false;
  return node.properties.some(
    (property) =>
      (ts.isShorthandPropertyAssignment(property) && property.name.text === resolve) ||
      (ts.isPropertyAssignment(property) && storesResolver(property.initializer, resolve)),
  );
}

/** Identifiers and property names in an expression, in source order: `msg.properties.correlationId` → msg, properties, correlationId. */
function namesIn(node: ts.Node): string[] {
  const names: string[] = [];
  const visit = (inner: ts.Node): void => {
    if (names.length > 50) return;
    if (ts.isIdentifier(inner) || ts.isPrivateIdentifier(inner)) names.push(inner.text);
    else if (ts.isStringLiteralLike(inner) && ts.isElementAccessExpression(inner.parent)) names.push(inner.text);
    if (!ts.isFunctionLike(inner)) ts.forEachChild(inner, visit);
  };
  visit(node);
  return names;
}

/**
 * The variables an expression reads: identifiers that are not property names, callees or object
 * keys (`id` and `request` in `{ correlationId: id, body: JSON.stringify(request) }`).
 */
function rootIdentifiersIn(node: ts.Node): ts.Identifier[] {
  const roots: ts.Identifier[] = [];
  let budget = 2_000;
  const visit = (inner: ts.Node): void => {
    if (budget-- <= 0 || roots.length > 50) return;
    if (ts.isIdentifier(inner)) {
      const parent = inner.parent;
      const isPropertyName = (ts.isPropertyAccessExpression(parent) && parent.name === inner) || (ts.isPropertyAssignment(parent) && parent.name === inner);
      const isCallee = ts.isCallExpression(parent) && parent.expression === inner;
      if (!isPropertyName && !isCallee && inner.text !== 'undefined') roots.push(inner);
      return;
    }
    if (ts.isFunctionLike(inner)) return;
    ts.forEachChild(inner, visit);
  };
  visit(node);
  return roots;
}

function contains(outer: ts.Node, inner: ts.Node): boolean {
  return inner.getSourceFile() === outer.getSourceFile() && inner.pos >= outer.pos && inner.end <= outer.end;
}

/** `correlationId`, `correlation_id`, `corrId`, `requestId`, `replyId`. */
export function isCorrelationName(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    lower.includes('correlation') ||
    lower === 'corrid' ||
    lower === 'corr_id' ||
    lower.endsWith('requestid') ||
    lower.endsWith('request_id') ||
    lower.endsWith('replyid') ||
    lower.endsWith('reply_id')
  );
}

/** `id`, `uuid`, `orderId`, `order_id`, `ID`. */
function isIdName(name: string): boolean {
  return name === 'id' || name === 'uuid' || name === 'ID' || name.endsWith('Id') || name.endsWith('ID') || name.endsWith('_id') || name.endsWith('Uuid');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function clip(text: string): string {
  const oneLine = text.replaceAll(/\s+/gu, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine;
}
