import ts from 'typescript';
import { functionHeldBy, isReadableDeclaration, isReadableSource, symbolAt } from '../declarations.js';
import { callsIn, constructionsIn } from '../effect-names.js';
import { cataloguedClassNameOf, constructorHandler, constructors } from './constructors.js';
import type { ConsumerContext } from './context.js';
import { functionName, type Handler } from './handler.js';
import { autoAckOf, handlerIndexOf, isRegistrationShaped, listensFor, mayRegisterByReference, mentionsARegistrationMethod, registrationEntryOf } from './registrations.js';
import { isFunctionReference } from './syntax.js';

/** Functions and methods registered by reference elsewhere: `channel.consume(q, handleOrder)`, `{ eachMessage: this.handle.bind(this) }`. */
export function registeredReferences(context: ConsumerContext): Map<ts.Node, Handler> {
  if (context.registeredByReference !== undefined) return context.registeredByReference;
  const found = new Map<ts.Node, Handler>();
  collectRegisteredReferences(context, found);
  collectConstructedReferences(context, found);
  context.registeredByReference = found;
  return found;
}

function collectRegisteredReferences(context: ConsumerContext, found: Map<ts.Node, Handler>): void {
  for (const file of context.program.getSourceFiles()) {
    if (!isReadableSource(file, context.program) || !mentionsARegistrationMethod(file)) continue;
    // The calls come from the walk the effect-name index already made of every file.
    for (const call of callsIn(file)) {
      if (!isRegistrationShaped(call)) continue;
      // Syntax first: inline handlers are found from the function itself; only references are collected here.
      if (mayRegisterByReference(call, call.expression.name.text)) collectReferencedHandlers(context, call, found);
    }
  }
}

/** `new Worker('emails', sendEmail)`: a processor passed to a catalogued constructor by reference. */
function collectConstructedReferences(context: ConsumerContext, found: Map<ts.Node, Handler>): void {
  for (const file of context.program.getSourceFiles()) {
    if (!isReadableSource(file, context.program)) continue;
    for (const construction of constructionsIn(file)) {
      const className = cataloguedClassNameOf(construction);
      if (className === undefined) continue;
      for (const entry of constructors.filter((c) => c.classes.includes(className))) {
        const argument = construction.arguments?.[entry.handlerIndex];
        if (argument === undefined) continue;
        for (const { expression, property } of handlerReferencesIn(argument, entry.handlerProperties)) {
          const target = functionDeclarationOf(context, expression);
          if (target === undefined || found.has(target)) continue;
          const handler = constructorHandler(context, construction, entry.handlerIndex, target, property);
          if (handler !== undefined) found.set(target, { ...handler, name: functionName(target) });
        }
      }
    }
  }
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

function collectReferencedHandlers(context: ConsumerContext, call: ts.CallExpression, found: Map<ts.Node, Handler>): void {
  const entry = registrationEntryOf(context, call);
  if (entry === undefined) return;
  const location = entry.handler;
  const references: { expression: ts.Expression; name: string }[] = [];
  if (location.kind === 'listener') {
    const listener = listensFor(call, location.event) ? call.arguments[1] : undefined;
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
    const target = functionDeclarationOf(context, reference.expression);
    if (target !== undefined && !found.has(target)) {
      const autoAck = autoAckOf(entry, call);
      found.set(target, { system: entry.system, description: entry.description, fn: target, name: functionName(target), ...(autoAck === undefined ? {} : { autoAck }) });
    }
  }
}

/** `handleOrder`, `this.handle`, `this.handle.bind(this)` → the function's declaration with a body. */
function functionDeclarationOf(context: ConsumerContext, expression: ts.Expression): ts.SignatureDeclaration | undefined {
  let target = expression;
  if (ts.isCallExpression(target) && ts.isPropertyAccessExpression(target.expression) && target.expression.name.text === 'bind') {
    target = target.expression.expression;
  }
  if (!ts.isIdentifier(target) && !ts.isPropertyAccessExpression(target)) return undefined;
  const symbol = symbolAt(context.checker, target);
  for (const declaration of symbol?.declarations ?? []) {
    if (!isReadableDeclaration(declaration, context.program)) continue;
    if ((ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) && declaration.body !== undefined) return declaration;
    const held = ts.isPropertyAssignment(declaration) ? undefined : functionHeldBy(declaration);
    if (held !== undefined) return held;
  }
  return undefined;
}
