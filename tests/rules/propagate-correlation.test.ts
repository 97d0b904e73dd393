import rule from '../../rules/propagate-correlation.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('propagate-correlation', rule, {
  valid: [
    {
      name: 'the follow-up event carries the correlation id and names its cause',
      code: `
import { randomUUID } from 'node:crypto';
import type { Consumer, Producer } from 'kafkajs';
import type { EventEnvelope } from './lib/envelope.js';
export async function start(consumer: Consumer, producer: Producer) {
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(message.value!.toString()) as EventEnvelope<{ orderId: string }>;
      const shipped: EventEnvelope<{ orderId: string }> = {
        id: randomUUID(), type: 'OrderShipped', version: 1, source: 'shipping', occurredAt: new Date().toISOString(),
        correlationId: event.correlationId, causationId: event.id, data: event.data,
      };
      await producer.send({ topic: 'shipping', messages: [{ value: JSON.stringify(shipped) }] });
    },
  });
}
`,
    },
    {
      name: 'an HTTP route starts a new flow: a fresh correlation id is right there',
      code: `
import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import type { EventEnvelope } from './lib/envelope.js';
export async function placeOrder(producer: Producer, orderId: string) {
  const id = randomUUID();
  const placed: EventEnvelope<{ orderId: string }> = {
    id, type: 'OrderPlaced', version: 1, source: 'orders', occurredAt: new Date().toISOString(), correlationId: randomUUID(), causationId: id, data: { orderId },
  };
  await producer.send({ topic: 'orders', messages: [{ value: JSON.stringify(placed) }] });
}
`,
    },
    {
      name: 'in-process handlers and payloads without correlation fields are out of scope',
      code: `
import { EventEmitter } from 'node:events';
import type { Consumer, Producer } from 'kafkajs';
const bus = new EventEmitter();
export async function start(consumer: Consumer, producer: Producer) {
  bus.on('tick', async () => {
    await producer.send({ topic: 't', messages: [{ value: JSON.stringify({ correlationId: 'x' }) }] });
  });
  await consumer.run({
    eachMessage: async () => {
      await producer.send({ topic: 'metrics', messages: [{ value: JSON.stringify({ count: 1 }) }] });
    },
  });
}
`,
    },
  ],
  invalid: [
    {
      name: 'a kafkajs handler starts a new correlation id; the suggestion takes both from the incoming event',
      code: `
import { randomUUID } from 'node:crypto';
import type { Consumer, Producer } from 'kafkajs';
import type { EventEnvelope } from './lib/envelope.js';
export async function start(consumer: Consumer, producer: Producer) {
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(message.value!.toString()) as EventEnvelope<{ orderId: string }>;
      const shipped: EventEnvelope<{ orderId: string }> = {
        id: randomUUID(), type: 'OrderShipped', version: 1, source: 'shipping', occurredAt: new Date().toISOString(),
        correlationId: randomUUID(), causationId: randomUUID(), data: event.data,
      };
      await producer.send({ topic: 'shipping', messages: [{ value: JSON.stringify(shipped) }] });
    },
  });
}
`,
      errors: [
        {
          messageId: 'correlationNotCarried',
          line: 11,
          column: 9,
          data: { handler: '`eachMessage` (kafkajs consumer (eachMessage))', problem: 'a new value (`randomUUID()`)' },
          suggestions: [
            {
              messageId: 'fillFromIncoming',
              data: { incoming: 'event' },
              output: `
import { randomUUID } from 'node:crypto';
import type { Consumer, Producer } from 'kafkajs';
import type { EventEnvelope } from './lib/envelope.js';
export async function start(consumer: Consumer, producer: Producer) {
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(message.value!.toString()) as EventEnvelope<{ orderId: string }>;
      const shipped: EventEnvelope<{ orderId: string }> = {
        id: randomUUID(), type: 'OrderShipped', version: 1, source: 'shipping', occurredAt: new Date().toISOString(),
        correlationId: event.correlationId, causationId: event.id, data: event.data,
      };
      await producer.send({ topic: 'shipping', messages: [{ value: JSON.stringify(shipped) }] });
    },
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a NestJS handler emits with the correlation carried but no causation id',
      code: `
import { Controller, Inject } from '@nestjs/common';
import { ClientProxy, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from './lib/envelope.js';
@Controller()
export class PaymentsConsumer {
  constructor(@Inject('BUS') private readonly bus: ClientProxy) {}
  @EventPattern('order_placed')
  handle(@Payload() incoming: EventEnvelope<{ orderId: string }>) {
    const next: EventEnvelope<{ orderId: string }> = {
      id: 'p1', type: 'PaymentRequested', version: 1, source: 'payments', occurredAt: '', correlationId: incoming.correlationId, causationId: incoming.correlationId, data: incoming.data,
    };
    this.bus.emit('payment_requested', next);
  }
}
`,
      errors: [
        {
          messageId: 'causationNotCarried',
          line: 11,
          column: 130,
          data: { handler: '`PaymentsConsumer.handle` (NestJS message handler)', problem: '`incoming.correlationId`, not the incoming event id' },
          suggestions: [
            {
              messageId: 'fillFromIncoming',
              data: { incoming: 'incoming' },
              output: `
import { Controller, Inject } from '@nestjs/common';
import { ClientProxy, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from './lib/envelope.js';
@Controller()
export class PaymentsConsumer {
  constructor(@Inject('BUS') private readonly bus: ClientProxy) {}
  @EventPattern('order_placed')
  handle(@Payload() incoming: EventEnvelope<{ orderId: string }>) {
    const next: EventEnvelope<{ orderId: string }> = {
      id: 'p1', type: 'PaymentRequested', version: 1, source: 'payments', occurredAt: '', correlationId: incoming.correlationId, causationId: incoming.id, data: incoming.data,
    };
    this.bus.emit('payment_requested', next);
  }
}
`,
            },
          ],
        },
      ],
    },
  ],
});
