import ts from 'typescript';
import { replyingDecoratorEntries } from '../catalogue/index.js';
import { nestMicroservicesPackage, nestReplyingDecorator } from '../catalogue/request-reply.js';
import { packageOfDeclaration } from '../declarations.js';
import { judgeEventName } from '../names/index.js';
import { resolvedSymbol, stringValueOf, type RequestReplyContext } from './context.js';
import { projectIndexOf } from './nest-registrations.js';
import { clip } from './syntax.js';
import { unique } from '../../util/text.js';
import { membersVerdict } from './transports.js';
import type { ReplyingEventHandler } from './types.js';

/** Message handlers that answer: `@MessagePattern` methods that return a reply, and clients whose decorators reply (`@RabbitRPC`). */

export function replyingEventHandlerOf(context: RequestReplyContext, method: ts.MethodDeclaration): ReplyingEventHandler | undefined {
  const { checker } = context;
  for (const decorator of ts.getDecorators(method) ?? []) {
    const call = decorator.expression;
    if (!ts.isCallExpression(call)) continue;
    const symbol = resolvedSymbol(checker, call.expression);
    const declared = symbol?.declarations?.[0];
    const declaredIn = declared === undefined ? undefined : packageOfDeclaration(declared);
    const replying = replyingDecoratorEntries.find((d) => symbol !== undefined && d.decorators.includes(symbol.getName()) && declaredIn !== undefined && d.packages.includes(declaredIn));
    if (replying?.replies !== undefined) {
      if (!returnsReply(checker, method)) return undefined;
      const literal = patternOption(checker, call.arguments[0], replying.replies.patternProperties);
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
    if (patternArgument === undefined || !returnsReply(checker, method)) return undefined;
    // An RPC-style pattern (`get_user`) or a computed one (`TicketCreatedEvent.name`) answers over the broker all the same.
    const literal = stringValueOf(checker, patternArgument, 0);
    const pattern = literal ?? clip(patternArgument.getText());
    const eventNamed = literal !== undefined && judgeEventName(literal).ok === true;
    const systems = servedSystemsOf(context, call);
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
function patternOption(checker: ts.TypeChecker, options: ts.Expression | undefined, properties: readonly string[]): string | undefined {
  if (options === undefined || !ts.isObjectLiteralExpression(options)) return undefined;
  for (const name of properties) {
    const property = options.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === name);
    const value = property !== undefined && ts.isPropertyAssignment(property) ? stringValueOf(checker, property.initializer, 0) : undefined;
    if (value !== undefined) return value;
  }
  return undefined;
}

export function servedSystemsOf(context: RequestReplyContext, call: ts.CallExpression): readonly string[] | undefined {
  const transportArgument = call.arguments[1];
  const explicit = transportArgument === undefined ? undefined : membersVerdict(context.checker.getTypeAtLocation(transportArgument));
  // Without a transport of its own, the handler listens on every server the program starts.
  const served = explicit === undefined ? projectIndexOf(context).servers.filter((v) => v.kind === 'broker') : [explicit];
  const systems = unique(served.flatMap((v) => (v.kind === 'broker' ? v.systems : [])));
  return systems.length === 0 || served.some((v) => v.kind !== 'broker') ? undefined : systems;
}

/** Does the method return a value (a reply) rather than nothing? */
function returnsReply(checker: ts.TypeChecker, method: ts.MethodDeclaration): boolean {
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
