import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { packageOfDeclaration, symbolAt } from '../declarations.js';
import { splitEventName } from '../names/index.js';
import { getRequestReply } from '../request-reply/index.js';
import { topicPatternSystems } from '../catalogue/request-reply.js';
import { platformPackages } from '../catalogue/index.js';
import { commandName, siteOf, symbolOf, type EventNameSite, type FinderContext } from './sites.js';

/** Classes that handle, publish or build events, not events themselves. */
const eventMachineryName = /(?:Handler|Listener|Subscriber|Processor|Publisher|Consumer|Producer|Emitter|Bus|Service|Factory|Builder|Error|Exception)$/u;
/** Base classes of events: `VendureEvent`, `DomainEvent`, `BaseEvent`, `IntegrationEvent`. */
const eventBaseName = /Event$/u;
const maxBaseHops = 5;

/** Is this class an event class (named `…Event`, implements `IEvent`, or extends an event base)? Abstract bases included. */
export function isEventClass(context: FinderContext, node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
  if (node.id !== null && (commandName.test(node.id.name) || eventMachineryName.test(node.id.name))) return false;
  if (node.id !== null && eventBaseName.test(node.id.name)) return true;
  if (implementsIEvent(context, node)) return true;
  return node.superClass !== null && extendsEventBase(context.checker, context.semantics.tsNodeOf(node) as ts.ClassLikeDeclaration);
}

/**
 * An event class: one that implements `IEvent` from `@nestjs/cqrs`, or extends (directly or
 * not) an event base class of a framework or of the project (`VendureEvent`, `DomainEvent`).
 */
export function nameOfEventClass(context: FinderContext, node: TSESTree.ClassDeclaration): EventNameSite | undefined {
  if (node.id === null || node.abstract || commandName.test(node.id.name) || eventMachineryName.test(node.id.name)) return undefined;
  const implementsEvent = implementsIEvent(context, node);
  const cls = context.semantics.tsNodeOf(node) as ts.ClassDeclaration;
  if (!implementsEvent && (node.superClass === null || !extendsEventBase(context.checker, cls))) return undefined;
  if (isEntityEvent(context, cls, node.id.name)) return undefined;
  return { name: node.id.name, node: node.id, source: 'event class' };
}

/** `readonly subject = Subjects.TicketCreated` in a subclass of a project publisher class. */
export function nameOfPublisherSubject(context: FinderContext, node: TSESTree.PropertyDefinition): EventNameSite | undefined {
  if (node.key.type !== AST_NODE_TYPES.Identifier || !['subject', ...context.typeFields].includes(node.key.name) || node.value === null) return undefined;
  const cls = node.parent.parent;
  if (cls.superClass === null) return undefined;
  if (!context.semantics.baseClassPublishes(cls)) return undefined;
  return siteOf(context, node.value, 'publisher subject');
}

/** `@EventPattern('order_created')` (not a Kafka topic). */
export function nameOfEventPattern(context: FinderContext, node: TSESTree.Decorator): EventNameSite | undefined {
  const expression = node.expression;
  // Syntax first: only `@EventPattern(…)` is worth asking the checker about.
  if (expression.type !== AST_NODE_TYPES.CallExpression || expression.callee.type !== AST_NODE_TYPES.Identifier || expression.callee.name !== 'EventPattern') {
    return undefined;
  }
  const symbol = symbolOf(context, expression.callee);
  if (symbol?.getName() !== 'EventPattern' || !declaredInPackage(symbol, '@nestjs/microservices')) return undefined;
  const method = node.parent;
  // With Kafka the pattern is a topic, not an event name: seen from the handler's context type or the server's transport.
  if (method.type === AST_NODE_TYPES.MethodDefinition && method.value.params.some((p) => typeNameOf(context, p) === 'KafkaContext')) return undefined;
  const served = getRequestReply(context.semantics.program).servedSystemsOf(context.semantics.tsNodeOf(expression) as ts.CallExpression);
  if (served !== undefined && served.every((system) => topicPatternSystems.has(system))) return undefined;
  const pattern = expression.arguments[0];
  return pattern === undefined ? undefined : siteOf(context, pattern, 'event pattern');
}

function implementsIEvent(context: FinderContext, node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
  return node.implements.some((clause) => {
    if (!context.sourceCode.getText(clause.expression).endsWith('IEvent')) return false;
    const symbol = symbolOf(context, clause.expression);
    return symbol?.getName() === 'IEvent' && declaredInPackage(symbol, '@nestjs/cqrs');
  });
}

/** Does a class extend, directly or through others, a class named `…Event` (not the DOM's or Node's `Event`)? */
function extendsEventBase(checker: ts.TypeChecker, cls: ts.ClassLikeDeclaration): boolean {
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
function isEntityEvent(context: FinderContext, cls: ts.ClassDeclaration, name: string): boolean {
  const { checker } = context;
  const symbol = cls.name === undefined ? undefined : checker.getSymbolAtLocation(cls.name);
  if (symbol === undefined) return false;
  const instance = checker.getDeclaredTypeOfSymbol(symbol);
  const properties = checker.getPropertiesOfType(instance);
  const hasDiscriminator = properties.some((p) => {
    if (!context.typeFields.has(p.getName())) return false;
    const type = checker.getTypeOfSymbolAtLocation(p, cls);
    return type.isStringLiteral() || (type.isUnion() && type.types.every((t) => t.isStringLiteral()));
  });
  if (!hasDiscriminator) return false;
  const entity = splitEventName(name).words.join('');
  return entity !== '' && carriedTypeNames(checker, cls, instance, properties).has(entity);
}

/** Lower-cased names of the types an event's properties and its base's type arguments carry. */
function carriedTypeNames(checker: ts.TypeChecker, cls: ts.ClassDeclaration, instance: ts.Type, properties: readonly ts.Symbol[]): Set<string> {
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
  return carried;
}

function typeNameOf(context: FinderContext, parameter: TSESTree.Parameter): string | undefined {
  return context.checker.getTypeAtLocation(context.semantics.tsNodeOf(parameter)).getSymbol()?.getName();
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
