// event-name-past-tense on names as real codebases declare them: event classes that extend a
// framework's or the project's event base, entity events with a type discriminator, and enum
// members reported once where they are declared.
import rule from '../../rules/event-name-past-tense.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();
const advice = 'name what happened with a past-tense verb, or send it as a command if it asks for something to happen.';

ruleTester.run('event-name-past-tense (declarations)', rule, {
  valid: [
    {
      name: 'past-tense subclasses of a project event base, an abstract base, and machinery classes',
      code: `
import { BillingEvent, DomainEvent } from './lib/domain-events.js';
export class InvoicePaidEvent extends DomainEvent {}
export abstract class CollectionsEvent extends DomainEvent {}
export class DunningStartedEvent extends BillingEvent {
  readonly accountId = 'acc_1';
}
export class BillingEventPublisher extends DomainEvent {}
export class ChargeCardCommand extends DomainEvent {}
`,
    },
    {
      name: 'an entity event named after the entity it carries, with its action in a type discriminator',
      code: `
import { DomainEvent, type Invoice } from './lib/domain-events.js';
export class InvoiceEvent extends DomainEvent {
  constructor(readonly entity: Invoice, readonly type: 'created' | 'updated' | 'deleted') {
    super();
  }
}
`,
    },
    {
      name: 'subclasses of the platform Event are DOM or Node events, not domain events',
      code: `
export class UploadProgress extends Event {
  constructor(readonly percent: number) {
    super('progress');
  }
}
`,
    },
    {
      name: 'an enum member declared in another project file is judged there, not at its use',
      code: `
import type { LedgerSubjects } from './lib/domain-events.js';
export interface EntryPostEvent {
  subject: LedgerSubjects.EntryPost;
  data: { entryId: string };
}
`,
    },
    {
      name: 'an enum whose members no event type uses is not a list of event names',
      code: `
export enum OrderStatus {
  Pending = 'pending',
  Ship = 'ship',
}
export interface Order {
  status: OrderStatus;
}
`,
    },
  ],
  invalid: [
    {
      name: 'event classes extending a project base, an intermediate abstract base, and a declaration-only framework base',
      code: `
import { IntegrationEvent } from '@fixture/events-dts';
import { BillingEvent, DomainEvent } from './lib/domain-events.js';
export class ApproveInvoiceEvent extends DomainEvent {}
export class InvoiceCancellationEvent extends BillingEvent {
  readonly accountId = 'acc_1';
}
export class StockReserveEvent extends IntegrationEvent {
  constructor() {
    super();
  }
}
`,
      errors: [
        { messageId: 'notPastTense', line: 4, column: 14, data: { name: 'ApproveInvoiceEvent', reason: "imperative 'Approve'", advice: "name it 'InvoiceApprovedEvent', or send it as a command if it asks for something to happen." } },
        { messageId: 'notPastTense', line: 5, column: 14, data: { name: 'InvoiceCancellationEvent', reason: "noun 'Cancellation'", advice } },
        { messageId: 'notPastTense', line: 8, column: 14, data: { name: 'StockReserveEvent', reason: "imperative 'Reserve'", advice: "name it 'StockReservedEvent', or send it as a command if it asks for something to happen." } },
      ],
    },
    {
      name: 'an entity-named event without a discriminator names no action; a discriminator does not excuse an action noun',
      code: `
import { DomainEvent, type Invoice } from './lib/domain-events.js';
export class InvoiceEvent extends DomainEvent {
  constructor(readonly invoice: Invoice) {
    super();
  }
}
export class InvoiceDispatchEvent extends DomainEvent {
  constructor(readonly invoice: Invoice, readonly type: 'emailed' | 'posted') {
    super();
  }
}
`,
      errors: [
        { messageId: 'notPastTense', line: 3, column: 14, data: { name: 'InvoiceEvent', reason: "noun 'Invoice'", advice } },
        { messageId: 'notPastTense', line: 8, column: 14, data: { name: 'InvoiceDispatchEvent', reason: "noun 'Dispatch'", advice: "name it 'InvoiceDispatchedEvent', or send it as a command if it asks for something to happen." } },
      ],
    },
    {
      name: 'a name from a declaration-only library is reported where the project uses it',
      code: `
import type { Subjects } from '@fixture/events-dts';
export interface PaymentCaptureEvent {
  subject: Subjects.PaymentCapture;
  data: { paymentId: string };
}
`,
      errors: [{ messageId: 'notPastTense', line: 4, column: 12, data: { name: 'payment:capture', reason: "imperative 'capture'", advice: "name it 'payment:captured', or send it as a command if it asks for something to happen." } }],
    },
    {
      name: 'the members of an enum that an event base type uses as its subject',
      code: `
export enum Subjects {
  SeatHeld = 'seat:held',
  SeatRelease = 'seat:release',
}
interface Event {
  subject: Subjects;
  data: unknown;
}
export type { Event };
`,
      errors: [
        {
          messageId: 'notPastTense',
          line: 4,
          column: 17,
          data: { name: 'seat:release', reason: "noun 'release'", advice: "name it 'seat:released', or send it as a command if it asks for something to happen." },
          suggestions: [
            {
              messageId: 'renameEvent',
              data: { suggestion: 'seat:released' },
              output: `
export enum Subjects {
  SeatHeld = 'seat:held',
  SeatRelease = 'seat:released',
}
interface Event {
  subject: Subjects;
  data: unknown;
}
export type { Event };
`,
            },
          ],
        },
      ],
    },
  ],
});
