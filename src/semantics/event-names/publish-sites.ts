import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { propertyKeyName } from '../../util/ast.js';
import { functionHeldBy } from '../declarations.js';
import { callsIn, destinationsOf, isStringLiteral, objectLiteralsIn } from './argument-parts.js';
import { commandName, siteOf, type EventNameSite, type FinderContext } from './sites.js';

/** Parameter names of wrappers and factories that take the event type: `createEnvelope(type, data)`. */
const typeParameterNames: ReadonlySet<string> = new Set(['type', 'eventType', 'eventName', 'event_type', 'detailType']);
/** Queues, topics and subjects named for commands: `billing-commands`, `orders.command.create`. Linear. */
const commandDestination = /(?:^|[^a-z])commands?(?:$|[^a-z])/iu;
/** Properties that say what kind of message an object is. */
const messageKindFields: ReadonlySet<string> = new Set(['kind', 'messageType', 'messageKind', 'category', 'intent']);

/** Names carried by a publish call's arguments. */
export function namesInPublish(context: FinderContext, call: TSESTree.CallExpression): EventNameSite[] {
  // A command sent point-to-point asks for something to happen: its imperative name is right.
  if (sendsACommand(context, call)) return [];
  const sites: EventNameSite[] = [...namesInFactoryArguments(context, call)];
  for (const object of objectLiteralsIn(call, context.sourceCode)) {
    if (isCommandObject(context, object) || isMarkedAsCommand(object)) continue;
    for (const property of object.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed || !context.typeFields.has(propertyKeyName(property))) continue;
      // SNS/SQS attributes: `eventType: { DataType: 'String', StringValue: 'OrderPlaced' }`.
      const value = property.value.type === AST_NODE_TYPES.ObjectExpression ? stringValueOf(property.value) : property.value;
      const site = value === undefined ? undefined : siteOf(context, value, property.value === value ? 'published type field' : 'message attribute');
      if (site !== undefined) sites.push(site);
    }
  }
  for (const nested of callsIn(call, context.sourceCode)) sites.push(...namesInFactoryArguments(context, nested));
  return sites;
}

/** `createEnvelope('OrderPlaced', data)` or a wrapper `publishEvent('OrderPlaced', data)`: an argument whose parameter is named for the type. */
function namesInFactoryArguments(context: FinderContext, call: TSESTree.CallExpression): EventNameSite[] {
  // Syntax first: only a literal, a constant or an enum member can spell a name.
  if (!call.arguments.some(mayNameSomething)) return [];
  const parameters = parameterNamesOf(context, context.semantics.tsNodeOf(call) as ts.CallExpression);
  const sites: EventNameSite[] = [];
  call.arguments.forEach((argument, index) => {
    const parameter = parameters[index];
    if (parameter === undefined || !typeParameterNames.has(parameter)) return;
    const site = siteOf(context, argument, 'event factory argument');
    if (site !== undefined) sites.push(site);
  });
  return sites;
}

/**
 * Parameter names of what a call invokes, from its declaration (cheaper than resolving the
 * signature, which type-checks every argument); the signature only for function-typed values.
 */
function parameterNamesOf(context: FinderContext, call: ts.CallExpression): readonly (string | undefined)[] {
  for (const declaration of context.semantics.calleeDeclarationsOf(call)) {
    const fn = ts.isFunctionLike(declaration) ? declaration : functionHeldBy(declaration);
    if (fn !== undefined) return fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : undefined));
  }
  const signature = context.checker.getResolvedSignature(call);
  return signature?.getDeclaration() === undefined ? [] : signature.parameters.map((p) => p.getName());
}

/**
 * A call that sends a command: a `send…Command` helper (`sendReserveStockCommand(…)`), or a
 * destination named for commands (`QueueUrl: '…/billing-commands'`, topic `inventory.commands`).
 */
function sendsACommand(context: FinderContext, call: TSESTree.CallExpression): boolean {
  const callee = call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.property : call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier && commandName.test(callee.name)) return true;
  return destinationsOf(call, context.sourceCode).some((destination) => commandDestination.test(destination));
}

/** An object literal typed or marked as a command: `{ kind: 'command', … }`, `messageType: 'Command'`. */
function isMarkedAsCommand(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some(
    (p) => p.type === AST_NODE_TYPES.Property && messageKindFields.has(propertyKeyName(p)) && isStringLiteral(p.value) && /^command$/iu.test(p.value.value),
  );
}

/** An object whose declared type is a command, or whose own type field names a command. */
function isCommandObject(context: FinderContext, object: TSESTree.ObjectExpression): boolean {
  const contextual = context.checker.getContextualType(context.semantics.tsNodeOf(object) as ts.Expression);
  const typeName = contextual?.aliasSymbol?.getName() ?? contextual?.getSymbol()?.getName();
  return typeName !== undefined && commandName.test(typeName);
}

function stringValueOf(object: TSESTree.ObjectExpression): TSESTree.Node | undefined {
  const property = object.properties.find((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && !p.computed && propertyKeyName(p) === 'StringValue');
  return property?.value;
}

function mayNameSomething(argument: TSESTree.Node): boolean {
  return (
    (argument.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string') ||
    argument.type === AST_NODE_TYPES.TemplateLiteral ||
    argument.type === AST_NODE_TYPES.Identifier ||
    argument.type === AST_NODE_TYPES.MemberExpression
  );
}
