import type ts from 'typescript';
import type { CallLike } from '../resolve-call/index.js';
import type { Effect } from '../roles.js';

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
