import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getEventNameDeclarations } from '../event-name-declarations.js';
import type { FileSemantics } from '../file-semantics.js';
import { isEventClass, nameOfEventClass, nameOfEventPattern, nameOfPublisherSubject } from './event-classes.js';
import { nameOfDeclaration, namesInEnvelopeType } from './envelope-types.js';
import { namesInPublish } from './publish-sites.js';
import type { EventNameSite, FinderContext } from './sites.js';

export { buildersIn, callsIn, destinationsOf, localInitializerOf, objectLiteralsIn } from './argument-parts.js';
export type { EventNameSite, EventNameSource } from './sites.js';

/** Property names that carry the event type in an event object or its attributes. */
export const defaultTypeFields: readonly string[] = ['type', 'eventType', 'eventName', 'event_type', 'event-type', 'DetailType'];

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

/**
 * Where event names are written in a file: publish arguments, envelope types, event classes,
 * publisher subjects and event patterns. Each step lives in its own module and takes the context.
 */
export function createEventNameFinder(
  semantics: FileSemantics,
  sourceCode: Readonly<TSESLint.SourceCode>,
  typeFields: readonly string[] = defaultTypeFields,
): EventNameFinder {
  const context: FinderContext = {
    semantics,
    checker: semantics.checker,
    sourceCode,
    typeFields: new Set(typeFields),
    envelopeFields: new Set([...typeFields, 'subject']),
    declarations: getEventNameDeclarations(semantics.program),
  };
  return {
    namesInPublish: (call) => namesInPublish(context, call),
    namesInEnvelopeType: (node) => namesInEnvelopeType(context, node),
    nameOfEventClass: (node) => nameOfEventClass(context, node),
    nameOfDeclaration: (node) => nameOfDeclaration(context, node),
    isEventClass: (node) => isEventClass(context, node),
    nameOfPublisherSubject: (node) => nameOfPublisherSubject(context, node),
    nameOfEventPattern: (node) => nameOfEventPattern(context, node),
  };
}
