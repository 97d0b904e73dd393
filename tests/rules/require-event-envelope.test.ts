import rule from '../../rules/require-event-envelope.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('require-event-envelope', rule, {
  valid: [
    {
      name: 'a full envelope built inline and through a typed variable',
      code: `
import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import type { EventEnvelope } from './lib/envelope.js';
const producer = new Kafka({ brokers: [] }).producer();
export async function announce(orderId: string, incoming: EventEnvelope<unknown>) {
  const event: EventEnvelope<{ orderId: string }> = {
    id: randomUUID(), type: 'OrderPlaced', version: 1, source: 'orders', occurredAt: new Date().toISOString(),
    causationId: incoming.id, correlationId: incoming.correlationId, data: { orderId },
  };
  await producer.send({ topic: 'orders', messages: [{ value: JSON.stringify(event) }] });
  await producer.send({ topic: 'orders', messages: [{ value: JSON.stringify(incoming) }] });
}
`,
    },
    {
      name: "the broker's own request shapes, job data, RPC requests and telemetry are not checked",
      code: `
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { Kafka } from 'kafkajs';
import { Queue } from 'bullmq';
const producer = new Kafka({ brokers: [] }).producer();
const events = new EventBridgeClient({});
const jobs = new Queue('jobs');
interface StockLevelRequest { sku: string; warehouse: string }
export async function run(request: StockLevelRequest) {
  await events.send(new PutEventsCommand({ Entries: [{ DetailType: 'OrderPlaced', Source: 'orders', Detail: '{}' }] }));
  await producer.send({ topic: 'metrics', messages: [{ value: JSON.stringify({ count: 1, at: Date.now() }) }] });
  await producer.send({ topic: 'stock-queries', messages: [{ value: JSON.stringify(request) }] });
  await jobs.add('email', { type: 'welcome', data: {} });
}
`,
    },
    {
      name: 'CloudEvents preset',
      code: `
import type { NatsConnection } from 'nats';
export function announce(nc: NatsConnection) {
  const event = { specversion: '1.0', id: '1', source: 'orders', type: 'com.acme.order.placed', time: new Date().toISOString(), data: {} };
  nc.publish('orders', JSON.stringify(event));
}
`,
      options: [{ preset: 'cloudevents' }],
    },
  ],
  invalid: [
    {
      name: 'a thin event object: type and payload only, with look-alikes',
      code: `
import { Kafka } from 'kafkajs';
const producer = new Kafka({ brokers: [] }).producer();
export async function announce(orderId: string) {
  await producer.send({ topic: 'orders', messages: [{ value: JSON.stringify({ eventId: orderId, type: 'OrderPlaced', timestamp: Date.now(), payload: { orderId } }) }] });
}
`,
      errors: [
        { messageId: 'lookAlikeField', line: 5, column: 77, data: { name: ' (OrderPlaced)', found: 'eventId', field: 'id' } },
        { messageId: 'lookAlikeField', line: 5, column: 77, data: { name: ' (OrderPlaced)', found: 'timestamp', field: 'occurredAt' } },
        { messageId: 'lookAlikeField', line: 5, column: 77, data: { name: ' (OrderPlaced)', found: 'payload', field: 'data' } },
        { messageId: 'missingEnvelopeFields', line: 5, column: 77, data: { name: ' (OrderPlaced)', missing: '`version`, `source`, `causationId`, `correlationId`' } },
      ],
    },
    {
      name: 'a typed event serialised by a NestJS wrapper lacks the tracing fields',
      code: `
import type { ClientProxy } from '@nestjs/microservices';
interface OrderEvent { id: string; type: string; version: number; source: string; occurredAt: string; data: { orderId: string } }
export function announce(client: ClientProxy, event: OrderEvent) {
  client.emit('orders', JSON.stringify(event));
}
`,
      errors: [{ messageId: 'missingEnvelopeFields', line: 5, column: 40, data: { name: ' (OrderEvent)', missing: '`causationId`, `correlationId`' } }],
    },
    {
      name: 'custom required fields',
      code: `
import type { NatsConnection } from 'nats';
export function announce(nc: NatsConnection) {
  nc.publish('orders', JSON.stringify({ id: '1', type: 'OrderPlaced', data: {} }));
}
`,
      options: [{ fields: ['id', 'type', 'data', 'tenantId'] }],
      errors: [{ messageId: 'missingEnvelopeFields', line: 4, column: 39, data: { name: ' (OrderPlaced)', missing: '`tenantId`' } }],
    },
  ],
});
