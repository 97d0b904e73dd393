import { describe, it } from 'vitest';
import json from '@eslint/json';
import { RuleTester as EslintRuleTester, type Rule } from 'eslint';
import rule from '../../rules/no-breaking-event-change.js';
import path from 'node:path';
import { createTypedRuleTester, fixturesDir } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();
// Absolute, so that both testers (whose working directories differ) find it.
const lockFile = path.join(fixturesDir, 'contracts', 'event-schemas.lock.json');
const backward = [{ lockFile }] as const;
const forward = [{ lockFile, compatibility: 'forward' }] as const;
const full = [{ lockFile, compatibility: 'full' }] as const;

/** OrderPlaced as locked: an envelope interface with a literal type and version. */
function orderPlaced(members: string): string {
  return `
export interface OrderPlaced {
  type: 'OrderPlaced';
  ${members}
}
`;
}
const lockedOrder = `version: 1; orderId: string; totalCents: number; currency: string; note?: string; status: 'NEW' | 'PAID';`;

ruleTester.run('no-breaking-event-change', rule, {
  valid: [
    { name: 'the interface as locked', code: orderPlaced(lockedOrder), options: backward },
    { name: 'members reordered, an optional field added', code: orderPlaced(`status: 'PAID' | 'NEW'; note?: string; currency: string; totalCents: number; orderId: string; version: 1; channel?: string;`), options: full },
    { name: 'a field removed together with a version bump is a new contract', code: orderPlaced(`version: 2; orderId: string; totalCents: number; note?: string; status: 'NEW' | 'PAID';`), options: full },
    { name: 'backward: a required field made optional (new readers cope)', code: orderPlaced(lockedOrder.replace('currency: string', 'currency?: string')), options: backward },
    { name: 'backward: an enum value added (new readers know it)', code: orderPlaced(lockedOrder.replace("'NEW' | 'PAID'", "'NEW' | 'PAID' | 'SHIPPED'")), options: backward },
    { name: 'forward: an optional field made required (old readers cope)', code: orderPlaced(lockedOrder.replace('note?: string', 'note: string')), options: forward },
    { name: 'forward: an enum value removed (old readers know the rest)', code: orderPlaced(lockedOrder.replace("'NEW' | 'PAID'", "'NEW'")), options: forward },
    { name: 'an event the lock does not know', code: `export interface RefundIssued { type: 'RefundIssued'; refundId: string }`, options: backward },
    {
      name: 'a generic envelope instantiated with an imported type, as locked',
      code: `
import type { Address, Envelope } from './lib/contract-types.js';
export type CustomerRegistered = Envelope<'CustomerRegistered', { customerId: string; address: Address; tags: string[] }>;
`,
      options: full,
    },
    {
      name: 'an event class, as locked (methods are not data)',
      code: `
import type { IEvent } from '@nestjs/cqrs';
export class InvoiceIssued implements IEvent {
  constructor(readonly invoiceId: string, readonly amountCents: number, readonly dueDate?: Date) {}
  describe(): string { return this.invoiceId; }
}
`,
      options: full,
    },
    { name: 'no lock file: nothing to compare', code: orderPlaced('version: 1; orderId: number;'), options: [{ lockFile: 'contracts/missing.lock.json' }] },
  ],
  invalid: [
    {
      name: 'a required field removed: every mode',
      code: orderPlaced(lockedOrder.replace('currency: string; ', '')),
      options: backward,
      errors: [{ messageId: 'breakingChange', line: 2, data: { event: 'OrderPlaced', version: '1', next: '2', mode: 'backward', changes: 'removed `currency`', consequence: 'consumers that still read it get `undefined`' } }],
    },
    {
      name: 'a field renamed',
      code: orderPlaced(lockedOrder.replace('currency: string', 'currencyCode: string')),
      options: full,
      errors: [{ messageId: 'breakingChange', data: { event: 'OrderPlaced', version: '1', next: '2', mode: 'full', changes: 'renamed `currency` to `currencyCode`', consequence: 'consumers that still read it get `undefined`' } }],
    },
    {
      name: 'a type changed: every mode',
      code: orderPlaced(lockedOrder.replace('totalCents: number', 'totalCents: string')),
      options: forward,
      errors: [{ messageId: 'breakingChange', data: { event: 'OrderPlaced', version: '1', next: '2', mode: 'forward', changes: 'changed `totalCents` from number to string', consequence: 'consumers parse it as the old type' } }],
    },
    {
      name: 'backward: an optional field made required (old events lack it)',
      code: orderPlaced(lockedOrder.replace('note?: string', 'note: string')),
      options: backward,
      errors: [{ messageId: 'breakingChange', data: { event: 'OrderPlaced', version: '1', next: '2', mode: 'backward', changes: 'made `note` required', consequence: 'events already on the topic, and replays, lack it' } }],
    },
    {
      name: 'forward: a required field made optional (old readers rely on it)',
      code: orderPlaced(lockedOrder.replace('currency: string', 'currency?: string')),
      options: forward,
      errors: [{ messageId: 'breakingChange', data: { event: 'OrderPlaced', version: '1', next: '2', mode: 'forward', changes: 'made `currency` optional', consequence: 'consumers that rely on it may get `undefined`' } }],
    },
    {
      name: 'forward: an enum value added (old readers do not know it)',
      code: orderPlaced(lockedOrder.replace("'NEW' | 'PAID'", "'NEW' | 'PAID' | 'SHIPPED'")),
      options: forward,
      errors: [{ messageId: 'breakingChange', data: { event: 'OrderPlaced', version: '1', next: '2', mode: 'forward', changes: 'added `"SHIPPED"` to `status`', consequence: 'consumers that switch on it do not know the new value' } }],
    },
    {
      name: 'backward: an enum value removed (old events still carry it)',
      code: orderPlaced(lockedOrder.replace("'NEW' | 'PAID'", "'NEW'")),
      options: backward,
      errors: [{ messageId: 'breakingChange', data: { event: 'OrderPlaced', version: '1', next: '2', mode: 'backward', changes: 'removed `"PAID"` from `status`', consequence: 'events already written still carry the old value' } }],
    },
    {
      name: 'full: a field removed and another added read as a rename',
      code: orderPlaced(`${lockedOrder.replace('currency: string; ', '')} channel: string;`),
      options: full,
      errors: [{ messageId: 'breakingChange', data: { event: 'OrderPlaced', version: '1', next: '2', mode: 'full', changes: 'renamed `currency` to `channel`', consequence: 'consumers that still read it get `undefined`' } }],
    },
    {
      name: 'a generic envelope whose imported nested type changed shape: reported at the alias',
      code: `
import type { Envelope } from './lib/contract-types.js';
interface Address { street: string; postcode: string }
export type CustomerRegistered = Envelope<'CustomerRegistered', { customerId: string; address: Address; tags: number[] }>;
`,
      options: backward,
      errors: [{ messageId: 'breakingChange', line: 4, data: { event: 'CustomerRegistered', version: '1', next: '2', mode: 'backward', changes: 'changed `data.tags[]` from string to number; renamed `data.address.city` to `data.address.postcode`', consequence: 'consumers parse it as the old type' } }],
    },
    {
      name: 'an event class whose constructor field was removed',
      code: `
import type { IEvent } from '@nestjs/cqrs';
export class InvoiceIssued implements IEvent {
  constructor(readonly invoiceId: string, readonly dueDate?: Date) {}
}
`,
      options: backward,
      errors: [{ messageId: 'breakingChange', line: 3 }],
    },
    {
      name: 'a published object whose contract the lock took from the publish',
      code: `
import { Kafka } from 'kafkajs';
const producer = new Kafka({ clientId: 'payments', brokers: ['b:9092'] }).producer();
export async function captured(paymentId: string) {
  await producer.send({ topic: 'payments', messages: [{ key: paymentId, value: JSON.stringify({ type: 'PaymentCaptured', paymentId }) }] });
}
`,
      options: backward,
      errors: [{ messageId: 'breakingChange', line: 5, data: { event: 'PaymentCaptured', version: '1', next: '2', mode: 'backward', changes: 'removed `amountCents`', consequence: 'consumers that still read it get `undefined`' } }],
    },
    {
      name: 'an unreadable lock file is one clear message',
      code: orderPlaced(lockedOrder),
      options: [{ lockFile: 'tsconfig.json' }],
      errors: [{ messageId: 'unreadableLockFile', line: 1 }],
    },
  ],
});

// JSON Schema event files, linted with ESLint's JSON language.
EslintRuleTester.describe = describe;
EslintRuleTester.it = it;
const jsonTester = new EslintRuleTester({ plugins: { json }, language: 'json/json' });
const schema = (properties: string, required: string) => `{ "title": "ShipmentDispatched", "type": "object", "properties": { "type": { "const": "ShipmentDispatched" }, ${properties} }, "required": [${required}] }`;

jsonTester.run('no-breaking-event-change (JSON Schema)', rule as unknown as Rule.RuleModule, {
  valid: [
    { filename: 'shipment-dispatched.schema.json', code: schema('"shipmentId": { "type": "string" }, "carrier": { "type": "string" }', '"type", "shipmentId", "carrier"'), options: [{ lockFile }] },
    { filename: 'shipment-dispatched.v2.schema.json', code: schema('"shipmentId": { "type": "string" }, "version": { "const": 2 }', '"type", "shipmentId"'), options: [{ lockFile }] },
  ],
  invalid: [
    {
      filename: 'shipment-dispatched.schema.json',
      code: schema('"shipmentId": { "type": "string" }, "carrier": { "type": "string" }', '"type", "shipmentId"'),
      options: [{ lockFile, compatibility: 'forward' }],
      errors: [{ messageId: 'breakingChange', line: 1 }],
    },
  ],
});
