import ts from 'typescript';

/**
 * Recognises message handlers of at-least-once brokers: the functions a broker may call twice
 * with the same message. In-process buses (`node:events`, `@nestjs/event-emitter`,
 * `@nestjs/cqrs`, RxJS) are not in the catalogue, so their handlers are never consumers.
 */
export interface Handler {
  readonly system: string;
  /** "kafkajs consumer (eachMessage)", "NestJS message handler". */
  readonly description: string;
  readonly fn: ts.SignatureDeclaration;
  /** Short name for messages: `eachMessage`, `OrderCreatedListener.onMessage`, `handler`. */
  readonly name: string;
  /**
   * For a function that fetches its own messages (an SQS polling loop, a `for await` over a
   * subscription): where messages arrive. Code before it runs once per poll, not per message.
   */
  readonly receivesAt?: ts.Node;
  /** The option that makes the broker settle each message as it is handed over (`noAck: true`): nothing the handler does can fail it. */
  readonly autoAck?: ts.Node;
}

/** The cached handler question, handed to analyses that must ask it of other functions (the handlers a dispatch starts from). */
export type HandlerLookup = (fn: ts.Node) => Handler | undefined;

/** A function registered through a bus the settings bridge to a broker (`consumers`). */
export function bridgedBusHandler(fn: ts.SignatureDeclaration, name: string): Handler {
  return { system: 'a bridged bus (settings)', description: 'bridged bus handler', fn, name };
}

export function methodName(fn: ts.MethodDeclaration): string {
  const owner = ts.isClassLike(fn.parent) ? fn.parent.name?.text : undefined;
  return owner === undefined ? fn.name.getText() : `${owner}.${fn.name.getText()}`;
}

export function functionName(fn: ts.SignatureDeclaration): string {
  if (ts.isMethodDeclaration(fn)) return methodName(fn);
  if (fn.name !== undefined) return fn.name.getText();
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertyAssignment(parent)) return parent.name.getText();
  return 'handler';
}
