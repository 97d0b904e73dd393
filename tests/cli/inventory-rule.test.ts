import { encodeInventoryItem, type InventoryItem } from '../../src/cli/inventory-items.js';
import { inventoryRule } from '../../src/cli/inventory-rule.js';
import { createTypedRuleTester } from '../rule-tester.js';

// The review command's inventory rule, on the same typed fixtures as the plugin's rules: each
// message carries one item as JSON.
const ruleTester = createTypedRuleTester();

function item(value: InventoryItem): { json: string } {
  return { json: encodeInventoryItem(value) };
}

ruleTester.run('inventory', inventoryRule, {
  valid: [
    {
      name: 'an in-process emitter is neither a publish site nor a consumer',
      code: `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
bus.on('order-saved', (id: string) => console.log(id));
export function save(id: string) { bus.emit('order-saved', id); }
`,
    },
  ],
  invalid: [
    {
      name: 'a Kafka consumer: topics from its subscribe call, event types from its switch',
      code: `
import { Kafka } from 'kafkajs';
const consumer = new Kafka({ brokers: [] }).consumer({ groupId: 'billing' });
export async function start() {
  await consumer.subscribe({ topics: ['orders', /payments\\..*/] });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(String(message.value)) as { type: string };
      switch (event.type) {
        case 'OrderPlaced':
        case 'PaymentCaptured':
          return;
      }
    },
  });
}
`,
      errors: [
        {
          messageId: 'item',
          line: 7,
          column: 18,
          data: item({
            kind: 'consumer',
            name: 'eachMessage',
            system: 'Kafka',
            description: 'kafkajs consumer (eachMessage)',
            subscriptions: ['orders', '/payments\\..*/'],
            handledEvents: ['OrderPlaced', 'PaymentCaptured'],
            guards: [],
            effects: [],
          }),
        },
      ],
    },
    {
      name: 'an amqplib consumer: the queue from the parameter it is passed as, its guard and its effects',
      code: `
import type { Channel } from 'amqplib';
import { Pool } from 'pg';
const pool = new Pool();
export async function start(channel: Channel) {
  await channel.consume('payments.captured', async (msg) => {
    if (msg === null) return;
    const event = JSON.parse(msg.content.toString()) as { id: string; type: string };
    if (event.type !== 'PaymentCaptured') return;
    await pool.query('INSERT INTO processed_events (id) VALUES ($1) ON CONFLICT DO NOTHING', [event.id]);
    await pool.query('INSERT INTO payments (order_id, amount_cents) VALUES ($1, $2)', [event.id, 100]);
  });
}
`,
      errors: [
        {
          messageId: 'item',
          line: 6,
          column: 46,
          data: item({
            kind: 'consumer',
            name: 'channel.consume callback',
            system: 'RabbitMQ',
            description: 'amqplib consumer',
            subscriptions: ['payments.captured'],
            handledEvents: [],
            guards: ['pool.query'],
            effects: ['inserts a row'],
          }),
        },
      ],
    },
    {
      name: 'publish sites: a broker call with its topic and event name, and the outbox write of the same event',
      code: `
import { PubSub } from '@google-cloud/pubsub';
import { Pool } from 'pg';
const pubsub = new PubSub();
const pool = new Pool();
export async function announce(id: string) {
  await pubsub.topic('orders').publishMessage({ json: { type: 'OrderPlaced', id } });
}
export async function record(id: string) {
  await pool.query('INSERT INTO outbox (type, payload) VALUES ($1, $2)', ['OrderPlaced', JSON.stringify({ type: 'OrderPlaced', id })]);
}
`,
      errors: [
        {
          messageId: 'item',
          line: 7,
          column: 9,
          data: item({
            kind: 'publish',
            mechanism: 'broker',
            system: 'Pub/Sub',
            chain: ['pubsub.topic(…).publishMessage'],
            eventNames: ['OrderPlaced'],
            destinations: ['orders'],
            producer: 'announce',
            relay: false,
          }),
        },
        { messageId: 'item', line: 7, column: 63, data: item({ kind: 'event-name', name: 'OrderPlaced', source: 'published type field' }) },
        {
          messageId: 'item',
          line: 10,
          column: 9,
          data: item({
            kind: 'publish',
            mechanism: 'outbox',
            system: 'outbox (PostgreSQL)',
            chain: ['pool.query'],
            eventNames: ['OrderPlaced'],
            destinations: [],
            producer: 'record',
            relay: false,
          }),
        },
        { messageId: 'item', line: 10, column: 113, data: item({ kind: 'event-name', name: 'OrderPlaced', source: 'published type field' }) },
      ],
    },
    {
      name: 'a relay: its publish is marked as one, and its outbox bookkeeping is no publish site',
      code: `
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
const pool = new Pool();
const producer = new Kafka({ brokers: [] }).producer();
export async function relay() {
  const { rows } = await pool.query<{ id: string; payload: string }>('SELECT id, payload FROM outbox LIMIT 10');
  for (const row of rows) {
    await producer.send({ topic: 'orders', messages: [{ value: row.payload }] });
    await pool.query('DELETE FROM outbox WHERE id = $1', [row.id]);
  }
}
`,
      errors: [
        {
          messageId: 'item',
          line: 9,
          column: 11,
          data: item({
            kind: 'publish',
            mechanism: 'broker',
            system: 'Kafka',
            chain: ['producer.send'],
            eventNames: [],
            destinations: ['orders'],
            producer: 'relay',
            relay: true,
          }),
        },
      ],
    },
  ],
});
