import ts from 'typescript';
import { isReadableDeclaration, isReadableSource } from '../declarations.js';
import { callsIn } from '../effect-names.js';
import { isBodilessMember } from '../implementations.js';
import type { ConsumerContext } from './context.js';
import type { Handler, HandlerLookup } from './handler.js';
import { baseClassesOf, heritageOf } from './heritage.js';
import { registeredReferences } from './references.js';
import { inlineRegistration, isRegistrationShaped, mentionsARegistrationMethod } from './registrations.js';
import { inlineFunctionIn } from './syntax.js';

/** Handlers reached through dispatch: a registered handler calls a method that another class implements. */

const maxWalk = 20_000;

/**
 * The abstract-listener pattern: a base class registers a callback that calls `this.onMessage(…)`;
 * subclasses implement `onMessage`. Each implementation is a handler.
 */
export function overriddenDispatchTarget(context: ConsumerContext, fn: ts.SignatureDeclaration): Handler | undefined {
  if (!ts.isMethodDeclaration(fn) || !ts.isClassLike(fn.parent)) return undefined;
  const name = fn.name.getText();
  for (const base of baseClassesOf(context, fn.parent)) {
    const dispatched = dispatchedMembersOf(context, base).get(name);
    if (dispatched !== undefined) {
      return { system: dispatched.system, description: dispatched.description, fn, name: `${fn.parent.name?.text ?? 'class'}.${name}` };
    }
  }
  return undefined;
}

/** Members a class's own handlers call on `this`: `this.onMessage(data, msg)` inside `subscription.on('message', …)`. */
function dispatchedMembersOf(context: ConsumerContext, cls: ts.ClassLikeDeclaration): ReadonlyMap<string, Handler> {
  const cached = context.dispatchingMembers.get(cls);
  if (cached !== undefined) return cached;
  const dispatched = new Map<string, Handler>();
  context.dispatchingMembers.set(cls, dispatched);
  const visit = (node: ts.Node): void => {
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
      const handler = inlineRegistration(context, node);
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
 * Dispatch from a handler through an abstract or interface method: a Bull processor that does
 * `new ProcessorClass().perform(event)`, a Kafka handler that calls `this.handlers[type].handle(m)`.
 * Each implementation runs once per delivery, so each is a handler too.
 */
export function dispatchedImplementation(context: ConsumerContext, fn: ts.SignatureDeclaration, handlerOf: HandlerLookup): Handler | undefined {
  const cls = ts.isMethodDeclaration(fn) ? fn.parent : ts.isPropertyDeclaration(fn.parent) ? fn.parent.parent : undefined;
  if (cls === undefined || !ts.isClassLike(cls) || cls.heritageClauses === undefined) return undefined;
  const name = ts.isMethodDeclaration(fn) ? fn.name.getText() : (fn.parent as ts.PropertyDeclaration).name.getText();
  for (const base of heritageOf(context.checker, cls)) {
    for (const member of base.members as ts.NodeArray<ts.ClassElement | ts.TypeElement>) {
      if (member.name?.getText() !== name) continue;
      // Only a bodiless member of the project's code can be dispatched to: the program-wide index
      // of what handlers dispatch is built only when such a member exists (not for `render()` of React).
      if (!isBodilessMember(member) || !isReadableDeclaration(member, context.program)) continue;
      const from = dispatchedMembers(context, name, handlerOf).get(member);
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
function dispatchedMembers(context: ConsumerContext, name: string, handlerOf: HandlerLookup): ReadonlyMap<ts.Node, Handler> {
  const cached = context.dispatchedByName.get(name);
  if (cached !== undefined) return cached;
  const found = new Map<ts.Node, Handler>();
  context.dispatchedByName.set(name, found);
  context.handlersForDispatch ??= registeredHandlers(context, handlerOf);
  for (const handler of context.handlersForDispatch) {
    const body = 'body' in handler.fn ? (handler.fn.body as ts.Node | undefined) : undefined;
    if (body === undefined) continue;
    let budget = maxWalk;
    const visit = (node: ts.Node): void => {
      if (budget-- <= 0 || ((ts.isFunctionDeclaration(node) || ts.isClassLike(node)) && node !== handler.fn)) return;
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === name) {
        for (const declaration of context.resolver.calleeDeclarationsOf(node)) {
          if (isBodilessMember(declaration) && isReadableDeclaration(declaration, context.program) && !found.has(declaration)) found.set(declaration, handler);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(body);
  }
  return found;
}

/** Every handler registered through a catalogued registration call, inline or by reference. */
function registeredHandlers(context: ConsumerContext, handlerOf: HandlerLookup): Handler[] {
  const found: Handler[] = [...registeredReferences(context).values()];
  for (const file of context.program.getSourceFiles()) {
    if (!isReadableSource(file, context.program) || !mentionsARegistrationMethod(file)) continue;
    for (const call of callsIn(file)) {
      if (!isRegistrationShaped(call)) continue;
      for (const argument of call.arguments) {
        const inline = inlineFunctionIn(argument);
        const handler = inline === undefined ? undefined : handlerOf(inline);
        if (handler !== undefined) found.push(handler);
      }
    }
  }
  return found;
}
