import ts from 'typescript';
import type { ConsumerEntry } from '../catalogue/index.js';
import { ownerNameOf, packageOfDeclaration } from '../declarations.js';
import { calleeNameOf, shortCalleeText } from '../resolve-call/index.js';
import { consumerCatalogues } from './catalogue.js';
import { constructorHandler } from './constructors.js';
import { isBridged, type ConsumerContext } from './context.js';
import { bridgedBusHandler, type Handler } from './handler.js';
import { isFunctionReference, skipParentheses } from './syntax.js';

/** Catalogued registration calls: `consumer.run({ eachMessage })`, `channel.consume(q, fn)`, `subscription.on('message', fn)`. */
const registrations = consumerCatalogues.flatMap((c) => c.registrations ?? []);
const registrationMethods: ReadonlySet<string> = new Set(registrations.flatMap((r) => r.methods));

/** `consumer.run({ eachMessage: async (payload) => … })`, `channel.consume(q, (msg) => …)`, `new Worker(q, async (job) => …)`. */
export function inlineRegistration(context: ConsumerContext, fn: ts.SignatureDeclaration): Handler | undefined {
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
    const direct = registrationHandler(context, site, site.arguments.indexOf(argument as ts.Expression), property, fn);
    if (direct !== undefined || property !== undefined) return direct;
    // A pass-through wrapper around the handler: `queue.process(traceFunction(opts)(async (job) => …))`, `consume(q, withRetry(handle))`.
    const outer = skipParentheses(site.parent);
    return ts.isCallExpression(outer) ? registrationHandler(context, outer, outer.arguments.indexOf(site), undefined, fn) : undefined;
  }
  if (ts.isNewExpression(site)) return constructorHandler(context, site, site.arguments?.indexOf(argument as ts.Expression) ?? -1, fn, property);
  return undefined;
}

function registrationHandler(context: ConsumerContext, call: ts.CallExpression, index: number, property: string | undefined, fn: ts.SignatureDeclaration): Handler | undefined {
  const calleeName = calleeNameOf(call);
  if (property === undefined && calleeName !== undefined && context.bridgedNames.has(calleeName) && isBridged(context, context.resolver.calleeDeclarationsOf(call))) {
    return bridgedBusHandler(fn, `${shortCalleeText(call.expression)} callback`);
  }
  // Syntax first: only a registration that keeps a handler where this function is (`.on('message', fn)`, not `.on('error', fn)`) is resolved.
  if (!mayHoldHandler(call, index, property)) return undefined;
  const entry = registrationEntryOf(context, call);
  if (entry === undefined) return undefined;
  const location = entry.handler;
  if (location.kind === 'listener') {
    if (index !== 1 || property !== undefined || !listensFor(call, location.event)) return undefined;
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

/** The catalogue entry of a registration call, by the package and owner of the method it calls, or else of its receiver's type. */
export function registrationEntryOf(context: ConsumerContext, call: ts.CallExpression): ConsumerEntry | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !registrationMethods.has(callee.name.text)) return undefined;
  const method = callee.name.text;
  const candidates = registrations.filter((r) => r.methods.includes(method));
  for (const declaration of context.resolver.calleeDeclarationsOf(call)) {
    const pkg = packageOfDeclaration(declaration);
    const owner = ownerNameOf(declaration);
    const entry = candidates.find((r) => r.owners !== undefined && pkg !== undefined && r.packages.includes(pkg) && owner !== undefined && r.owners.includes(owner));
    if (entry !== undefined) return entry;
  }
  const receiverSymbol = context.checker.getTypeAtLocation(callee.expression).getSymbol();
  const receiverDeclaration = receiverSymbol?.declarations?.[0];
  if (receiverSymbol === undefined || receiverDeclaration === undefined) return undefined;
  const receiverPackage = packageOfDeclaration(receiverDeclaration);
  return candidates.find(
    (r) => r.receiverOwners?.includes(receiverSymbol.getName()) === true && receiverPackage !== undefined && r.packages.includes(receiverPackage),
  );
}

/** The `{ noAck: true }` of a registration whose broker then settles messages as it delivers them. */
export function autoAckOf(entry: ConsumerEntry, call: ts.CallExpression): ts.Node | undefined {
  const options = entry.autoAckWhen === undefined ? undefined : call.arguments[entry.autoAckWhen.argument];
  if (options === undefined || !ts.isObjectLiteralExpression(options)) return undefined;
  return options.properties.find(
    (p) => ts.isPropertyAssignment(p) && p.name.getText() === entry.autoAckWhen?.property && p.initializer.kind === ts.SyntaxKind.TrueKeyword,
  );
}

/** Is there, where some registration with this method name keeps its handler, a reference to a function? */
export function mayRegisterByReference(call: ts.CallExpression, method: string): boolean {
  return registrations.some((registration) => {
    if (!registration.methods.includes(method)) return false;
    const location = registration.handler;
    // `.on('message', handle)` registers a handler; `.on('error', log)` does not.
    if (location.kind === 'listener' && !listensFor(call, location.event)) return false;
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
    if (location.kind === 'listener') return index === 1 && property === undefined && listensFor(call, location.event);
    if (handlerIndexOf(location, call) !== index) return false;
    return location.properties === undefined ? property === undefined : property !== undefined && location.properties.includes(property);
  });
}

/** A call spelled like a catalogued registration (`x.consume(…)`), before anything is resolved. */
export function isRegistrationShaped(call: ts.Node): call is ts.CallExpression & { readonly expression: ts.PropertyAccessExpression } {
  return ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && registrationMethods.has(call.expression.name.text);
}

export function mentionsARegistrationMethod(file: ts.SourceFile): boolean {
  const text = file.text;
  return [...registrationMethods].some((method) => text.includes(`.${method}(`));
}

/** `.on('message', …)`: the call listens for this event, spelled as a literal. */
export function listensFor(call: ts.CallExpression, event: string): boolean {
  const name = call.arguments[0];
  return name !== undefined && ts.isStringLiteralLike(name) && name.text === event;
}

/** The argument that holds the handler; -1 in the catalogue is the last argument. */
export function handlerIndexOf(location: { readonly index: number }, call: ts.CallExpression): number {
  return location.index === -1 ? call.arguments.length - 1 : location.index;
}
