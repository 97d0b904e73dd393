import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { propertyKeyName } from '../util/ast.js';
import { functionHeldBy, isReadableSource, packageOfDeclaration, symbolAt } from './declarations.js';
import { getEventNameDeclarations, looksLikeEventType, notEventTypeName } from './event-name-declarations.js';
import { splitEventName } from './names/index.js';
import { getRequestReply } from './request-reply/index.js';
import { topicPatternSystems } from './catalogue/request-reply.js';
import { platformPackages } from './catalogue/index.js';
import type { FileSemantics } from './file-semantics.js';

/**
 * Where event names are written in code: the type field of an event object that reaches a
 * publish, EventBridge `DetailType`, message attributes, literal types of an envelope's type
 * field, `@nestjs/cqrs` event classes, the subject of an abstract-publisher subclass, and event
 * patterns. Topics, queues, job names and commands are not event names.
 */
export interface EventNameSite {
  readonly name: string;
  /** Where to report. */
  readonly node: TSESTree.Node;
  /** The string literal that spells the name, when a suggestion can replace it. */
  readonly literal?: TSESTree.StringLiteral | TSESTree.TemplateLiteral;
  readonly source: EventNameSource;
}

export type EventNameSource =
  | 'published type field'
  | 'message attribute'
  | 'event factory argument'
  | 'envelope type'
  | 'event class'
  | 'publisher subject'
  | 'event pattern';

/** Property names that carry the event type in an event object or its attributes. */
export const defaultTypeFields: readonly string[] = ['type', 'eventType', 'eventName', 'event_type', 'event-type', 'DetailType'];
/** Parameter names of wrappers and factories that take the event type: `createEnvelope(type, data)`. */
const typeParameterNames: ReadonlySet<string> = new Set(['type', 'eventType', 'eventName', 'event_type', 'detailType']);
/** Names that say a type or object is a command, a request or a query, not an event. */
const commandName = /(?:Command|Cmd|Request|Query)$/u;
/** Queues, topics and subjects named for commands: `billing-commands`, `orders.command.create`. Linear. */
const commandDestination = /(?:^|[^a-z])commands?(?:$|[^a-z])/iu;
/** Properties that name where a message goes. */
const destinationFields: ReadonlySet<string> = new Set(['QueueUrl', 'TopicArn', 'topic', 'queue', 'subject', 'routingKey', 'exchange', 'channel', 'destination']);
/** Properties that say what kind of message an object is. */
const messageKindFields: ReadonlySet<string> = new Set(['kind', 'messageType', 'messageKind', 'category', 'intent']);
/** Classes that handle, publish or build events, not events themselves. */
const eventMachineryName = /(?:Handler|Listener|Subscriber|Processor|Publisher|Consumer|Producer|Emitter|Bus|Service|Factory|Builder|Error|Exception)$/u;
/** Base classes of events: `VendureEvent`, `DomainEvent`, `BaseEvent`, `IntegrationEvent`. */
const eventBaseName = /Event$/u;
const maxObjectDepth = 6;
const maxBaseHops = 5;

export interface EventNameFinder {
  /** Names carried by a publish call's arguments. */
  namesInPublish(call: TSESTree.CallExpression): EventNameSite[];
  /** Literal types of the type field of an interface or type alias that looks like an event envelope. */
  namesInEnvelopeType(node: TSESTree.TSInterfaceDeclaration | TSESTree.TSTypeAliasDeclaration): EventNameSite[];
  /**
   * An event class: one that implements `IEvent` from `@nestjs/cqrs`, or extends (directly or
   * not) an event base class of a framework or of the project (`VendureEvent`, `DomainEvent`).
   */
  nameOfEventClass(node: TSESTree.ClassDeclaration): EventNameSite | undefined;
  /** An enum member or constant that an event type uses as its name (`Subjects.TicketCreated = 'ticket:created'`). */
  nameOfDeclaration(node: TSESTree.TSEnumMember | TSESTree.VariableDeclarator): EventNameSite | undefined;
  /** Is this class an event class (named `…Event`, implements `IEvent`, or extends an event base)? Abstract bases included. */
  isEventClass(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean;
  /** `readonly subject = Subjects.TicketCreated` in a subclass of a project publisher class. */
  nameOfPublisherSubject(node: TSESTree.PropertyDefinition): EventNameSite | undefined;
  /** `@EventPattern('order_created')` (not a Kafka topic). */
  nameOfEventPattern(node: TSESTree.Decorator): EventNameSite | undefined;
}

export function createEventNameFinder(
  semantics: FileSemantics,
  sourceCode: Readonly<TSESLint.SourceCode>,
  typeFields: readonly string[] = defaultTypeFields,
): EventNameFinder {
  const checker = semantics.checker;
  const fields: ReadonlySet<string> = new Set(typeFields);

  const declarations = getEventNameDeclarations(semantics.program);
  const envelopeFields: ReadonlySet<string> = new Set([...typeFields, 'subject']);

  return { namesInPublish, namesInEnvelopeType, nameOfEventClass, nameOfDeclaration, isEventClass, nameOfPublisherSubject, nameOfEventPattern };

  function isEventClass(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
    if (node.id !== null && (commandName.test(node.id.name) || eventMachineryName.test(node.id.name))) return false;
    if (node.id !== null && eventBaseName.test(node.id.name)) return true;
    if (implementsIEvent(node)) return true;
    return node.superClass !== null && extendsEventBase(semantics.tsNodeOf(node) as ts.ClassLikeDeclaration);
  }

  function implementsIEvent(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
    return node.implements.some((clause) => {
      if (!sourceCode.getText(clause.expression).endsWith('IEvent')) return false;
      const symbol = symbolOf(clause.expression);
      return symbol?.getName() === 'IEvent' && declaredInPackage(symbol, '@nestjs/cqrs');
    });
  }

  function namesInPublish(call: TSESTree.CallExpression): EventNameSite[] {
    // A command sent point-to-point asks for something to happen: its imperative name is right.
    if (sendsACommand(call)) return [];
    const sites: EventNameSite[] = [...namesInFactoryArguments(call)];
    for (const object of objectLiteralsIn(call, sourceCode)) {
      if (isCommandObject(object) || isMarkedAsCommand(object)) continue;
      for (const property of object.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.computed || !fields.has(propertyKeyName(property))) continue;
        // SNS/SQS attributes: `eventType: { DataType: 'String', StringValue: 'OrderPlaced' }`.
        const value = property.value.type === AST_NODE_TYPES.ObjectExpression ? stringValueOf(property.value) : property.value;
        const site = value === undefined ? undefined : siteOf(value, property.value === value ? 'published type field' : 'message attribute');
        if (site !== undefined) sites.push(site);
      }
    }
    for (const nested of callsIn(call, sourceCode)) sites.push(...namesInFactoryArguments(nested));
    return sites;
  }

  /** `createEnvelope('OrderPlaced', data)` or a wrapper `publishEvent('OrderPlaced', data)`: an argument whose parameter is named for the type. */
  function namesInFactoryArguments(call: TSESTree.CallExpression): EventNameSite[] {
    // Syntax first: only a literal, a constant or an enum member can spell a name.
    if (!call.arguments.some(mayNameSomething)) return [];
    const parameters = parameterNamesOf(semantics.tsNodeOf(call) as ts.CallExpression);
    const sites: EventNameSite[] = [];
    call.arguments.forEach((argument, index) => {
      const parameter = parameters[index];
      if (parameter === undefined || !typeParameterNames.has(parameter)) return;
      const site = siteOf(argument, 'event factory argument');
      if (site !== undefined) sites.push(site);
    });
    return sites;
  }

  function namesInEnvelopeType(node: TSESTree.TSInterfaceDeclaration | TSESTree.TSTypeAliasDeclaration): EventNameSite[] {
    if (notEventTypeName.test(node.id.name)) return [];
    const declaration = semantics.tsNodeOf(node) as ts.InterfaceDeclaration | ts.TypeAliasDeclaration;
    const tsMembers = ts.isInterfaceDeclaration(declaration) ? declaration.members : ts.isTypeLiteralNode(declaration.type) ? declaration.type.members : undefined;
    if (tsMembers === undefined || !looksLikeEventType(node.id.name, tsMembers)) return [];
    const members =
      node.type === AST_NODE_TYPES.TSInterfaceDeclaration
        ? node.body.body
        : node.typeAnnotation.type === AST_NODE_TYPES.TSTypeLiteral
          ? node.typeAnnotation.members
          : [];
    const sites: EventNameSite[] = [];
    for (const member of members) {
      if (member.type !== AST_NODE_TYPES.TSPropertySignature || member.computed || !envelopeFields.has(propertyKeyName(member))) continue;
      const annotation = member.typeAnnotation?.typeAnnotation;
      const parts = annotation?.type === AST_NODE_TYPES.TSUnionType ? annotation.types : annotation === undefined ? [] : [annotation];
      for (const part of parts) {
        if (part.type === AST_NODE_TYPES.TSLiteralType && part.literal.type === AST_NODE_TYPES.Literal && typeof part.literal.value === 'string') {
          sites.push({ name: part.literal.value, node: part, literal: part.literal, source: 'envelope type' });
        } else if (part.type === AST_NODE_TYPES.TSTypeReference || part.type === AST_NODE_TYPES.TSTypeQuery) {
          // `subject: Subjects.TicketCreated`: the name is judged where the enum member is declared.
          const site = declaredNameSite(part, 'envelope type');
          if (site !== null) {
            if (site !== undefined) sites.push(site);
            continue;
          }
          // Not the project's declaration (a library's enum, a type alias): judged where it is used.
          const type = checker.getTypeFromTypeNode(semantics.tsNodeOf(part) as ts.TypeNode);
          if (type.isStringLiteral()) sites.push({ name: type.value, node: part, source: 'envelope type' });
        }
      }
    }
    return sites;
  }

  function nameOfEventClass(node: TSESTree.ClassDeclaration): EventNameSite | undefined {
    if (node.id === null || node.abstract || commandName.test(node.id.name) || eventMachineryName.test(node.id.name)) return undefined;
    const implementsEvent = implementsIEvent(node);
    const cls = semantics.tsNodeOf(node) as ts.ClassDeclaration;
    if (!implementsEvent && (node.superClass === null || !extendsEventBase(cls))) return undefined;
    if (isEntityEvent(cls, node.id.name)) return undefined;
    return { name: node.id.name, node: node.id, source: 'event class' };
  }

  function nameOfDeclaration(node: TSESTree.TSEnumMember | TSESTree.VariableDeclarator): EventNameSite | undefined {
    const value = node.type === AST_NODE_TYPES.TSEnumMember ? node.initializer : node.init;
    if (value?.type !== AST_NODE_TYPES.Literal || typeof value.value !== 'string') return undefined;
    if (!declarations.isEventName(semantics.tsNodeOf(node))) return undefined;
    return { name: value.value, node: value, literal: value, source: 'envelope type' };
  }

  /** Does a class extend, directly or through others, a class named `…Event` (not the DOM's or Node's `Event`)? */
  function extendsEventBase(cls: ts.ClassLikeDeclaration): boolean {
    let current: ts.ClassLikeDeclaration = cls;
    for (let hops = 0; hops < maxBaseHops; hops++) {
      const extended: ts.ExpressionWithTypeArguments | undefined = current.heritageClauses?.find((c) => c.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
      if (extended === undefined) return false;
      const base: ts.ClassLikeDeclaration | undefined = symbolAt(checker, extended.expression)?.declarations?.find((d): d is ts.ClassLikeDeclaration => ts.isClassLike(d));
      if (base === undefined) return false;
      if (base.name !== undefined && eventBaseName.test(base.name.text) && !isPlatformDeclaration(base)) return true;
      current = base;
    }
    return false;
  }

  /**
   * An entity event: named after the entity it carries, with its action in a type discriminator
   * (`ProductEvent` with `entity: Product` and `type: 'created' | 'updated' | 'deleted'`). Its
   * class name has no action to judge; the discriminator carries it.
   */
  function isEntityEvent(cls: ts.ClassDeclaration, name: string): boolean {
    const symbol = cls.name === undefined ? undefined : checker.getSymbolAtLocation(cls.name);
    if (symbol === undefined) return false;
    const instance = checker.getDeclaredTypeOfSymbol(symbol);
    const properties = checker.getPropertiesOfType(instance);
    const hasDiscriminator = properties.some((p) => {
      if (!fields.has(p.getName())) return false;
      const type = checker.getTypeOfSymbolAtLocation(p, cls);
      return type.isStringLiteral() || (type.isUnion() && type.types.every((t) => t.isStringLiteral()));
    });
    if (!hasDiscriminator) return false;
    const entity = splitEventName(name).words.join('');
    const carried = new Set<string>();
    for (const property of properties) {
      const propertyType = checker.getTypeOfSymbolAtLocation(property, cls);
      for (const part of propertyType.isUnion() ? propertyType.types : [propertyType]) {
        const carriedName = (part.aliasSymbol ?? part.getSymbol())?.getName();
        if (carriedName !== undefined) carried.add(carriedName.toLowerCase());
      }
    }
    for (const base of checker.getBaseTypes(instance as ts.InterfaceType)) {
      for (const argument of checker.getTypeArguments(base as ts.TypeReference)) {
        const argumentName = argument.getSymbol()?.getName();
        if (argumentName !== undefined) carried.add(argumentName.toLowerCase());
      }
    }
    return entity !== '' && carried.has(entity);
  }

  function nameOfPublisherSubject(node: TSESTree.PropertyDefinition): EventNameSite | undefined {
    if (node.key.type !== AST_NODE_TYPES.Identifier || !['subject', ...fields].includes(node.key.name) || node.value === null) return undefined;
    const cls = node.parent.parent;
    if (cls.superClass === null) return undefined;
    if (!semantics.baseClassPublishes(cls)) return undefined;
    return siteOf(node.value, 'publisher subject');
  }

  function nameOfEventPattern(node: TSESTree.Decorator): EventNameSite | undefined {
    const expression = node.expression;
    // Syntax first: only `@EventPattern(…)` is worth asking the checker about.
    if (expression.type !== AST_NODE_TYPES.CallExpression || expression.callee.type !== AST_NODE_TYPES.Identifier || expression.callee.name !== 'EventPattern') {
      return undefined;
    }
    const symbol = symbolOf(expression.callee);
    if (symbol?.getName() !== 'EventPattern' || !declaredInPackage(symbol, '@nestjs/microservices')) return undefined;
    const method = node.parent;
    // With Kafka the pattern is a topic, not an event name: seen from the handler's context type or the server's transport.
    if (method.type === AST_NODE_TYPES.MethodDefinition && method.value.params.some((p) => typeNameOf(p) === 'KafkaContext')) return undefined;
    const served = getRequestReply(semantics.program).servedSystemsOf(semantics.tsNodeOf(expression) as ts.CallExpression);
    if (served !== undefined && served.every((system) => topicPatternSystems.has(system))) return undefined;
    const pattern = expression.arguments[0];
    return pattern === undefined ? undefined : siteOf(pattern, 'event pattern');
  }

  /**
   * Parameter names of what a call invokes, from its declaration (cheaper than resolving the
   * signature, which type-checks every argument); the signature only for function-typed values.
   */
  function parameterNamesOf(call: ts.CallExpression): readonly (string | undefined)[] {
    for (const declaration of semantics.calleeDeclarationsOf(call)) {
      const fn = functionOf(declaration);
      if (fn !== undefined) return fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : undefined));
    }
    const signature = checker.getResolvedSignature(call);
    return signature?.getDeclaration() === undefined ? [] : signature.parameters.map((p) => p.getName());
  }

  /** A name from a string literal, or from an expression whose type is a string literal (a const, an enum member). */
  function siteOf(value: TSESTree.Node, source: EventNameSource): EventNameSite | undefined {
    if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') return { name: value.value, node: value, literal: value, source };
    if (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0) {
      return { name: value.quasis[0]?.value.cooked ?? '', node: value, literal: value, source };
    }
    if (value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const declared = declaredNameSite(value, source);
    if (declared !== null) return declared;
    const type = checker.getTypeAtLocation(semantics.tsNodeOf(value));
    return type.isStringLiteral() ? { name: type.value, node: value, source } : undefined;
  }

  /**
   * A name spelled by an enum member or constant of the project is reported where it is declared,
   * once: at that declaration when it is in this file; not here when the declaring file reports it
   * (`undefined`). `null` means the value is not such a declaration (judge it at the use).
   */
  function declaredNameSite(use: TSESTree.Node, source: EventNameSource): EventNameSite | undefined | null {
    const tsUse = semantics.tsNodeOf(use);
    const nameNode = ts.isTypeReferenceNode(tsUse)
      ? ts.isQualifiedName(tsUse.typeName) ? tsUse.typeName.right : tsUse.typeName
      : ts.isTypeQueryNode(tsUse)
        ? ts.isQualifiedName(tsUse.exprName) ? tsUse.exprName.right : tsUse.exprName
        : ts.isPropertyAccessExpression(tsUse) ? tsUse.name : tsUse;
    const declaration = symbolAt(checker, nameNode)?.valueDeclaration;
    if (declaration === undefined || !(ts.isEnumMember(declaration) || ts.isVariableDeclaration(declaration))) return null;
    const initializer = declaration.initializer;
    if (initializer === undefined || !ts.isStringLiteralLike(initializer) || !isReadableSource(declaration.getSourceFile(), semantics.program)) return null;
    if (declaration.getSourceFile() !== tsUse.getSourceFile()) return declarations.isEventName(declaration) ? undefined : null;
    const literal = semantics.esNodeOf(initializer);
    if (literal?.type !== AST_NODE_TYPES.Literal || typeof literal.value !== 'string') return null;
    return { name: literal.value, node: literal, literal, source };
  }

  /**
   * A call that sends a command: a `send…Command` helper (`sendReserveStockCommand(…)`), or a
   * destination named for commands (`QueueUrl: '…/billing-commands'`, topic `inventory.commands`).
   */
  function sendsACommand(call: TSESTree.CallExpression): boolean {
    const callee = call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.property : call.callee;
    if (callee.type === AST_NODE_TYPES.Identifier && commandName.test(callee.name)) return true;
    return destinationsOf(call, sourceCode).some((destination) => commandDestination.test(destination));
  }

  /** An object literal typed or marked as a command: `{ kind: 'command', … }`, `messageType: 'Command'`. */
  function isMarkedAsCommand(object: TSESTree.ObjectExpression): boolean {
    return object.properties.some(
      (p) => p.type === AST_NODE_TYPES.Property && messageKindFields.has(propertyKeyName(p)) && isStringLiteral(p.value) && /^command$/iu.test(p.value.value),
    );
  }

  /** An object whose declared type is a command, or whose own type field names a command. */
  function isCommandObject(object: TSESTree.ObjectExpression): boolean {
    const contextual = checker.getContextualType(semantics.tsNodeOf(object) as ts.Expression);
    const typeName = contextual?.aliasSymbol?.getName() ?? contextual?.getSymbol()?.getName();
    return typeName !== undefined && commandName.test(typeName);
  }

  function symbolOf(node: TSESTree.Node): ts.Symbol | undefined {
    const symbol = symbolAt(checker, semantics.tsNodeOf(node));
    return symbol;
  }

  function typeNameOf(parameter: TSESTree.Parameter): string | undefined {
    const type = checker.getTypeAtLocation(semantics.tsNodeOf(parameter));
    return type.getSymbol()?.getName();
  }
}

/** Object literals in a call's arguments, through arrays, nested objects, calls such as `JSON.stringify(…)` and local variables. */
export function objectLiteralsIn(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.ObjectExpression[] {
  return argumentParts(call, sourceCode).filter((n): n is TSESTree.ObjectExpression => n.type === AST_NODE_TYPES.ObjectExpression);
}

/** Calls nested in a call's arguments: `publishEvent(topic, key, envelope('OrderPlaced', data))`. */
export function callsIn(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.CallExpression[] {
  return argumentParts(call, sourceCode).filter((n): n is TSESTree.CallExpression => n.type === AST_NODE_TYPES.CallExpression);
}

/** The object literals and calls that make up a call's arguments, depth-bounded. */
function argumentParts(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  const seen = new Set<TSESTree.Node>();
  const visit = (node: TSESTree.Node, depth: number): void => {
    if (depth > maxObjectDepth || seen.has(node)) return;
    seen.add(node);
    switch (node.type) {
      case AST_NODE_TYPES.ObjectExpression:
        found.push(node);
        for (const property of node.properties) if (property.type === AST_NODE_TYPES.Property) visit(property.value, depth + 1);
        return;
      case AST_NODE_TYPES.ArrayExpression:
        for (const element of node.elements) if (element !== null) visit(element, depth + 1);
        return;
      case AST_NODE_TYPES.CallExpression:
        found.push(node);
        for (const argument of node.arguments) visit(argument, depth + 1);
        return;
      case AST_NODE_TYPES.NewExpression:
        for (const argument of node.arguments) visit(argument, depth + 1);
        return;
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
        visit(node.expression, depth + 1);
        return;
      case AST_NODE_TYPES.AwaitExpression:
        visit(node.argument, depth + 1);
        return;
      case AST_NODE_TYPES.Identifier: {
        const init = localInitializerOf(node, sourceCode);
        if (init !== undefined) visit(init, depth + 1);
        return;
      }
      default:
        return;
    }
  };
  for (const argument of call.arguments) visit(argument, 0);
  return found;
}

/** The initializer of the local `const`/`let` an identifier refers to. */
export function localInitializerOf(identifier: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Expression | undefined {
  const variable = sourceCode.getScope(identifier).references.find((r) => r.identifier === identifier)?.resolved;
  const definition = variable?.defs[0];
  return definition?.node.type === AST_NODE_TYPES.VariableDeclarator ? (definition.node.init ?? undefined) : undefined;
}

function mayNameSomething(argument: TSESTree.Node): boolean {
  return (
    (argument.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string') ||
    argument.type === AST_NODE_TYPES.TemplateLiteral ||
    argument.type === AST_NODE_TYPES.Identifier ||
    argument.type === AST_NODE_TYPES.MemberExpression
  );
}

function functionOf(declaration: ts.Declaration): ts.SignatureDeclaration | undefined {
  return ts.isFunctionLike(declaration) ? declaration : functionHeldBy(declaration);
}

/** Topics, queues, subjects and channels written as literals at a publish: string arguments and `topic`/`QueueUrl`/… properties. */
export function destinationsOf(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): string[] {
  return [...call.arguments.filter(isStringLiteral), ...objectLiteralsIn(call, sourceCode).flatMap(destinationValuesOf)].map((literal) => literal.value);
}

function isStringLiteral(node: TSESTree.Node): node is TSESTree.StringLiteral {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string';
}

function destinationValuesOf(object: TSESTree.ObjectExpression): TSESTree.StringLiteral[] {
  return object.properties.flatMap((p) => (p.type === AST_NODE_TYPES.Property && destinationFields.has(propertyKeyName(p)) && isStringLiteral(p.value) ? [p.value] : []));
}

function stringValueOf(object: TSESTree.ObjectExpression): TSESTree.Node | undefined {
  const property = object.properties.find((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && !p.computed && propertyKeyName(p) === 'StringValue');
  return property?.value;
}


/** Declared by the platform: the DOM's or Node's `Event`, `CustomEvent`. */
function isPlatformDeclaration(declaration: ts.Node): boolean {
  const file = declaration.getSourceFile();
  if (!file.isDeclarationFile) return false;
  const pkg = packageOfDeclaration(declaration);
  return pkg === undefined || platformPackages.includes(pkg) || /[\\/]typescript[\\/]lib[\\/]/u.test(file.fileName);
}

function declaredInPackage(symbol: ts.Symbol, pkg: string): boolean {
  return symbol.declarations?.some((d) => packageOfDeclaration(d) === pkg) === true;
}
