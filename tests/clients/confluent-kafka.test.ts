// Confluent's Kafka client through its KafkaJS-compatible API: publish, consumer, positions.
import idempotentConsumer from '../../rules/idempotent-consumer.js';
import noDualWrite from '../../rules/no-dual-write.js';
import noOffsetDedupe from '../../rules/no-offset-dedupe.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();
const setup = `
import { KafkaJS } from '@confluentinc/kafka-javascript';
import { Pool } from 'pg';
const pool = new Pool();
const kafka = new KafkaJS.Kafka({ kafkaJS: { brokers: ['kafka:9092'] } });
`;

ruleTester.run('no-dual-write (confluent kafka-javascript)', noDualWrite, {
  valid: [
    {
      name: 'the event goes to an outbox row in the same statement batch; nothing is sent',
      code: `${setup}
export async function reserveStock(sku: string, quantity: number) {
  await pool.query("BEGIN; UPDATE stock SET reserved = reserved + $1 WHERE sku = $2; INSERT INTO outbox (topic, body) VALUES ('stock', $3); COMMIT", [quantity, sku, sku]);
}
`,
    },
  ],
  invalid: [
    {
      name: 'a stock row updated, then the event sent with the Confluent producer',
      code: `${setup}
const producer = kafka.producer();
export async function reserveStock(sku: string, quantity: number) {
  await pool.query('UPDATE stock SET reserved = reserved + $1 WHERE sku = $2', [quantity, sku]);
  await producer.send({ topic: 'stock', messages: [{ key: sku, value: JSON.stringify({ type: 'StockReserved', sku, quantity }) }] });
}
`,
      errors: [{ messageId: 'dualWrite', line: 10, data: { publish: '`producer.send`', broker: 'Kafka', write: '`pool.query`', database: 'PostgreSQL' } }],
    },
  ],
});

ruleTester.run('idempotent-consumer (confluent kafka-javascript)', idempotentConsumer, {
  valid: [
    {
      name: 'the handler records the event id with ON CONFLICT DO NOTHING first',
      code: `${setup}
const consumer = kafka.consumer({ kafkaJS: { groupId: 'ledger' } });
export async function start() {
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(String(message.value)) as { id: string; amount: number };
      const seen = await pool.query('INSERT INTO processed_events (event_id) VALUES ($1) ON CONFLICT DO NOTHING', [event.id]);
      if (seen.rowCount === 0) return;
      await pool.query('UPDATE balances SET amount = amount + $1', [event.amount]);
    },
  });
}
`,
    },
  ],
  invalid: [
    {
      name: 'eachMessage adds to a balance with no dedupe',
      code: `${setup}
const consumer = kafka.consumer({ kafkaJS: { groupId: 'ledger' } });
export async function start() {
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(String(message.value)) as { amount: number };
      await pool.query('UPDATE balances SET amount = amount + $1', [event.amount]);
    },
  });
}
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 12 }],
    },
  ],
});

ruleTester.run('no-offset-dedupe (confluent kafka-javascript)', noOffsetDedupe, {
  valid: [
    {
      name: 'the dedupe key is the event id from the body',
      code: `${setup}
import { Redis } from 'ioredis';
const redis = new Redis();
const consumer = kafka.consumer({ kafkaJS: { groupId: 'ledger' } });
export async function start() {
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(String(message.value)) as { id: string };
      await redis.set(\`seen:\${event.id}\`, '1', 'EX', 86400, 'NX');
    },
  });
}
`,
    },
  ],
  invalid: [
    {
      name: 'the dedupe key is the message offset',
      code: `${setup}
import { Redis } from 'ioredis';
const redis = new Redis();
const consumer = kafka.consumer({ kafkaJS: { groupId: 'ledger' } });
export async function start() {
  await consumer.run({
    eachMessage: async ({ message }) => {
      await redis.set(\`seen:\${message.offset}\`, '1', 'EX', 86400, 'NX');
    },
  });
}
`,
      errors: [{ messageId: 'positionAsDedupeKey', line: 13 }],
    },
  ],
});
