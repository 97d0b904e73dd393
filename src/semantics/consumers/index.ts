/**
 * Message handlers of at-least-once brokers, and the broker positions they read. The public
 * entry of the consumer analyses; each way a function can be a handler has its module:
 * `registrations` (inline callbacks of catalogued registration calls), `constructors`
 * (`new Worker(q, fn)`), `references` (functions registered by reference), `decorators`,
 * `event-types` (Lambda handlers), `message-types` and `dispatch` (methods reached from a
 * handler through a base class or an interface), `polling` (functions that fetch their own
 * messages). `context` holds what they share per program; `positions` answers the position question.
 */
import ts from 'typescript';
import type { CallResolver } from '../resolve-call/index.js';
import type { FunctionSpecifier } from '../settings.js';
import { guard } from '../../util/guard.js';
import { createConsumerContext, type ConsumerContext } from './context.js';
import { decoratedHandler } from './decorators.js';
import { dispatchedImplementation, overriddenDispatchTarget } from './dispatch.js';
import { handlerByEventType } from './event-types.js';
import type { Handler } from './handler.js';
import { messageTypedOverride } from './message-types.js';
import { pollingLoop } from './polling.js';
import { positionFieldOf, type PositionField } from './positions.js';
import { registeredReferences } from './references.js';
import { inlineRegistration } from './registrations.js';

export type { Handler } from './handler.js';
export { positionFieldNames, type PositionField } from './positions.js';

export interface Consumers {
  /** Is this function a message handler? Inline callbacks, named functions registered elsewhere, decorated methods, Lambda handlers. */
  handlerOf(fn: ts.Node): Handler | undefined;
  /** Does this property access or method call read a broker position (`message.offset`, `fields.deliveryTag`)? */
  positionFieldOf(node: ts.PropertyAccessExpression | ts.CallExpression): PositionField | undefined;
}

export function createConsumers(program: ts.Program, resolver: CallResolver, bridged: readonly FunctionSpecifier[] = []): Consumers {
  const context = createConsumerContext(program, resolver, bridged);
  return {
    handlerOf: (fn) => handlerOf(context, fn),
    positionFieldOf: (node) => positionFieldOf(context.checker, node),
  };
}

function handlerOf(context: ConsumerContext, fn: ts.Node): Handler | undefined {
  if (!ts.isFunctionLike(fn)) return undefined;
  const cached = context.handlers.get(fn);
  if (cached !== undefined) return cached ?? undefined;
  const handler = guard(() => findHandler(context, fn), undefined);
  context.handlers.set(fn, handler ?? null);
  return handler;
}

function findHandler(context: ConsumerContext, fn: ts.SignatureDeclaration): Handler | undefined {
  return (
    inlineRegistration(context, fn) ??
    decoratedHandler(context, fn) ??
    handlerByEventType(context.checker, fn) ??
    registeredReferences(context).get(fn) ??
    overriddenDispatchTarget(context, fn) ??
    messageTypedOverride(context, fn) ??
    // The implementations a handler dispatches to are found from the registered handlers, which this lookup finds.
    dispatchedImplementation(context, fn, (inline) => handlerOf(context, inline)) ??
    pollingLoop(context, fn)
  );
}
