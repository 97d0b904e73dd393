import rule from '../../rules/no-offset-dedupe.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('no-offset-dedupe', rule, {
  valid: [
    {
      name: 'deduplicating on the event id from the envelope',
      code: `
import { Redis } from 'ioredis';
import type { Consumer } from 'kafkajs';
const redis = new Redis();
export async function start(consumer: Consumer) {
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(message.value?.toString() ?? '{}') as { id: string };
      if ((await redis.set('processed:' + event.id, '1', 'EX', 86400, 'NX')) === null) return;
    },
  });
}
`,
    },
    {
      name: 'committing, logging and storing offsets as values is what offsets are for',
      code: `
import { Redis } from 'ioredis';
import type { Consumer } from 'kafkajs';
const redis = new Redis();
export async function start(consumer: Consumer) {
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      console.log(\`handling \${topic}/\${partition}@\${message.offset}\`);
      await redis.set(\`offset:\${topic}:\${partition}\`, message.offset);
      await consumer.commitOffsets([{ topic, partition, offset: (Number(message.offset) + 1).toString() }]);
    },
  });
}
`,
    },
    {
      name: 'per-partition state keyed by partition is not a dedupe key',
      code: `
import type { EachMessagePayload } from 'kafkajs';
const lagByPartition = new Map<number, number>();
export async function handle({ partition, message }: EachMessagePayload) {
  lagByPartition.set(partition, Date.now() - Number(message.timestamp));
}
`,
    },
    {
      name: 'a query builder paginating with offset(n) over a processed-events table',
      code: `
import knex from 'knex';
const db = knex({ client: 'pg' });
const seen = new Set<string>();
export async function loadProcessed(page: number) {
  const rows: { id: string }[] = await db('processed_events').select('id').offset(page * 20).limit(20);
  for (const row of rows) seen.add(row.id);
}
`,
    },
    {
      name: 'deleting an SQS message by its receipt handle',
      code: `
import { DeleteMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
const sqs = new SQSClient({});
export async function done(message: Message) {
  await sqs.send(new DeleteMessageCommand({ QueueUrl: 'q', ReceiptHandle: message.ReceiptHandle }));
}
`,
    },
    {
      name: 'a field named offset on the project’s own type, or on an any-typed message',
      code: `
interface Page { offset: number }
const seenPages = new Set<number>();
declare const raw: any;
export function track(page: Page) {
  seenPages.add(page.offset);
  seenPages.add(raw.offset);
}
`,
    },
  ],
  invalid: [
    {
      name: 'kafkajs offset in a Redis dedupe key',
      code: `
import { Redis } from 'ioredis';
import type { Consumer } from 'kafkajs';
const redis = new Redis();
export async function start(consumer: Consumer) {
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (await redis.exists(\`processed:\${message.offset}\`)) return;
      await redis.set(\`processed:\${message.offset}\`, '1', 'EX', 3600, 'NX');
    },
  });
}
`,
      errors: [
        { messageId: 'positionAsDedupeKey', line: 8, column: 43, data: { expression: 'message.offset', system: 'Kafka', reason: 'offsets count per partition and restart when a topic is recreated or replayed elsewhere' } },
        { messageId: 'positionAsDedupeKey', line: 9, column: 36 },
      ],
    },
    {
      name: 'amqplib delivery tag in an in-memory set of seen messages',
      code: `
import type { Channel, ConsumeMessage } from 'amqplib';
const seen = new Set<number>();
export async function start(channel: Channel) {
  await channel.consume('orders', (msg: ConsumeMessage | null) => {
    if (msg === null || seen.has(msg.fields.deliveryTag)) return;
    seen.add(msg.fields.deliveryTag);
    channel.ack(msg);
  });
}
`,
      errors: [
        { messageId: 'positionAsDedupeKey', line: 6, column: 34, data: { expression: 'msg.fields.deliveryTag', system: 'RabbitMQ', reason: 'a delivery tag counts deliveries on one channel and starts again at 1 on every channel' } },
        { messageId: 'positionAsDedupeKey', line: 7, column: 14 },
      ],
    },
    {
      name: 'SQS receipt handle taken as the dedupe key of a Lambda record',
      code: `
import type { SQSHandler } from 'aws-lambda';
export const handler: SQSHandler = async (event) => {
  for (const record of event.Records) {
    const dedupeKey = record.receiptHandle;
    console.log(dedupeKey);
  }
};
`,
      errors: [{ messageId: 'positionAsDedupeKey', line: 5, column: 23, data: { expression: 'record.receiptHandle', system: 'SQS', reason: 'a receipt handle is new on every receive of the same message' } }],
    },
    {
      name: 'NestJS KafkaContext partition and offset saved into a processed-messages repository',
      code: `
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import type { Repository } from 'typeorm';
class ProcessedMessage { id!: string; }
@Controller()
export class OrdersConsumer {
  constructor(private readonly processed: Repository<ProcessedMessage>) {}
  @EventPattern<string>('orders')
  async handle(@Payload() data: unknown, @Ctx() context: KafkaContext) {
    const key = \`\${context.getPartition()}-\${context.getMessage().offset}\`;
    await this.processed.insert({ id: key });
  }
}
`,
      errors: [
        { messageId: 'positionAsDedupeKey', line: 11, column: 20, data: { expression: 'context.getPartition()', system: 'Kafka', reason: 'a partition number is shared by every message on that partition' } },
        { messageId: 'positionAsDedupeKey', line: 11, column: 46 },
      ],
    },
    {
      name: 'offset inserted into a processed-messages table with pg, and as an eventId property',
      code: `
import type { EachMessagePayload } from 'kafkajs';
import { Pool } from 'pg';
const pool = new Pool();
export async function handle({ message }: EachMessagePayload) {
  await pool.query('INSERT INTO processed_messages (message_offset) VALUES ($1) ON CONFLICT DO NOTHING', [message.offset]);
  return { eventId: message.offset };
}
`,
      errors: [
        { messageId: 'positionAsDedupeKey', line: 6, column: 107 },
        { messageId: 'positionAsDedupeKey', line: 7, column: 21 },
      ],
    },
  ],
});
