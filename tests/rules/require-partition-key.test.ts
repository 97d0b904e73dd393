import rule from '../../rules/require-partition-key.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('require-partition-key', rule, {
  valid: [
    {
      name: 'kafkajs: keyed by the aggregate id, in place and through a map callback',
      code: `
import { Kafka } from 'kafkajs';
interface InvoiceIssued { id: string; type: 'InvoiceIssued'; data: { invoiceId: string; total: number } }
const producer = new Kafka({ clientId: 'billing', brokers: ['b:9092'] }).producer();
export async function issued(event: InvoiceIssued) {
  await producer.send({ topic: 'invoices', messages: [{ key: event.data.invoiceId, value: JSON.stringify(event) }] });
}
export async function issuedMany(events: InvoiceIssued[]) {
  await producer.send({ topic: 'invoices', messages: events.map((e) => ({ key: e.data.invoiceId, value: JSON.stringify(e) })) });
}
`,
    },
    {
      name: 'kafkajs: no key on a message whose body has no aggregate id (a metric sample)',
      code: `
import { Kafka } from 'kafkajs';
const producer = new Kafka({ clientId: 'metrics', brokers: ['b:9092'] }).producer();
export async function sample(name: string, value: number) {
  await producer.send({ topic: 'metrics', messages: [{ value: JSON.stringify({ name, value, at: Date.now() }) }] });
}
`,
    },
    {
      name: 'amqplib has no partition key; SQS standard queue without a group id; Pub/Sub without an ordering key',
      code: `
import type { Channel } from 'amqplib';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { PubSub } from '@google-cloud/pubsub';
const sqs = new SQSClient({});
const topic = new PubSub().topic('orders');
export async function placed(channel: Channel, orderId: string) {
  channel.publish('orders', 'order.placed', Buffer.from(JSON.stringify({ orderId })));
  await sqs.send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: JSON.stringify({ orderId }) }));
  await topic.publishMessage({ json: { orderId } });
  await topic.publishMessage({ json: { orderId }, orderingKey: orderId });
}
`,
    },
    {
      name: 'a trace span has only per-message ids: no aggregate order to keep',
      code: `
import { Kafka } from 'kafkajs';
const producer = new Kafka({ clientId: 'tracing', brokers: ['b:9092'] }).producer();
export async function span(traceId: string) {
  const payload = { type: 'span', trace_id: traceId, span_id: Math.random().toString(16), parent_span_id: null, durationMs: 3 };
  await producer.send({ topic: 'spans', messages: [{ value: JSON.stringify(payload) }] });
}
`,
    },
    {
      name: 'SQS FIFO and Kinesis keyed by the aggregate; a spread message is not judged',
      code: `
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { KinesisClient, PutRecordCommand } from '@aws-sdk/client-kinesis';
import { Kafka } from 'kafkajs';
const sqs = new SQSClient({});
const kinesis = new KinesisClient({});
const producer = new Kafka({ clientId: 'c', brokers: ['b:9092'] }).producer();
declare const base: { key: string };
export async function moved(accountId: string) {
  await sqs.send(new SendMessageCommand({ QueueUrl: 'q.fifo', MessageBody: accountId, MessageGroupId: accountId, MessageDeduplicationId: accountId }));
  await kinesis.send(new PutRecordCommand({ StreamName: 's', PartitionKey: accountId, Data: Buffer.from(accountId) }));
  await producer.send({ topic: 't', messages: [{ ...base, value: JSON.stringify({ accountId }) }] });
}
`,
    },
  ],
  invalid: [
    {
      name: 'kafkajs: no key for an event of an order, with a suggestion to key it',
      code: `
import { Kafka } from 'kafkajs';
interface OrderShipped { id: string; orderId: string; carrier: string }
const producer = new Kafka({ clientId: 'shipping', brokers: ['b:9092'] }).producer();
export async function shipped(event: OrderShipped) {
  await producer.send({ topic: 'orders', messages: [{ value: JSON.stringify(event) }] });
}
`,
      errors: [
        {
          messageId: 'missingKey',
          suggestions: [
            {
              messageId: 'useAggregateKey',
              output: `
import { Kafka } from 'kafkajs';
interface OrderShipped { id: string; orderId: string; carrier: string }
const producer = new Kafka({ clientId: 'shipping', brokers: ['b:9092'] }).producer();
export async function shipped(event: OrderShipped) {
  await producer.send({ topic: 'orders', messages: [{ key: event.orderId, value: JSON.stringify(event) }] });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'kafkajs: a constant key, a key from a const, and a random key',
      code: `
import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
const producer = new Kafka({ clientId: 'c', brokers: ['b:9092'] }).producer();
const ORDERS_KEY = 'orders';
export async function placed(orderId: string) {
  await producer.send({ topic: 'orders', messages: [{ key: 'orders', value: orderId }] });
  await producer.send({ topic: 'orders', messages: [{ key: ORDERS_KEY, value: orderId }] });
  await producer.send({ topic: 'orders', messages: [{ key: randomUUID(), value: orderId }] });
}
`,
      errors: [
        { messageId: 'constantKey', line: 7 },
        { messageId: 'constantKey', line: 8 },
        { messageId: 'randomKey', line: 9 },
      ],
    },
    {
      name: 'a message built in a local and a batch through map, with the aggregate id nested in data',
      code: `
import { Kafka } from 'kafkajs';
interface Envelope<T> { id: string; type: string; data: T }
const producer = new Kafka({ clientId: 'c', brokers: ['b:9092'] }).producer();
export async function publishAll(events: Envelope<{ customerId: string }>[]) {
  await producer.send({ topic: 'customers', messages: events.map((event) => ({ value: JSON.stringify(event) })) });
}
export async function publishOne(event: Envelope<{ customerId: string }>) {
  const message = { key: null, value: JSON.stringify(event) };
  await producer.send({ topic: 'customers', messages: [message] });
}
`,
      errors: [
        {
          messageId: 'missingKey',
          line: 6,
          suggestions: [
            {
              messageId: 'useAggregateKey',
              output: `
import { Kafka } from 'kafkajs';
interface Envelope<T> { id: string; type: string; data: T }
const producer = new Kafka({ clientId: 'c', brokers: ['b:9092'] }).producer();
export async function publishAll(events: Envelope<{ customerId: string }>[]) {
  await producer.send({ topic: 'customers', messages: events.map((event) => ({ key: event.data.customerId, value: JSON.stringify(event) })) });
}
export async function publishOne(event: Envelope<{ customerId: string }>) {
  const message = { key: null, value: JSON.stringify(event) };
  await producer.send({ topic: 'customers', messages: [message] });
}
`,
            },
          ],
        },
        { messageId: 'missingKey', line: 9, suggestions: [] },
      ],
    },
    {
      name: 'SQS FIFO with one constant group, Kinesis with a constant partition key, Pub/Sub with a constant ordering key',
      code: `
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { KinesisClient, PutRecordCommand } from '@aws-sdk/client-kinesis';
import { PubSub } from '@google-cloud/pubsub';
const sqs = new SQSClient({});
const kinesis = new KinesisClient({});
const topic = new PubSub().topic('orders');
export async function placed(orderId: string) {
  await sqs.send(new SendMessageCommand({ QueueUrl: 'orders.fifo', MessageBody: orderId, MessageGroupId: 'orders' }));
  await kinesis.send(new PutRecordCommand({ StreamName: 'orders', PartitionKey: 'all', Data: Buffer.from(orderId) }));
  await topic.publishMessage({ json: { orderId }, orderingKey: 'orders' });
}
`,
      errors: [
        { messageId: 'constantKey', line: 9 },
        { messageId: 'constantKey', line: 10 },
        { messageId: 'constantKey', line: 11 },
      ],
    },
    {
      name: 'an SQS Lambda handler forwarding records to Kafka with the record id as the key (random per message)',
      code: `
import type { SQSHandler } from 'aws-lambda';
import { v4 as uuid } from 'uuid';
import { producer } from './lib/kafka.js';
export const handler: SQSHandler = async (event) => {
  await producer.send({ topic: 'payments', messages: event.Records.map((record) => ({ key: uuid(), value: record.body })) });
};
`,
      errors: [{ messageId: 'randomKey', line: 6 }],
    },
    {
      name: 'the event type as the key: an enum with a few fixed values',
      code: `
import { Kafka } from 'kafkajs';
enum OrderEvent { Created = 'order_created', Cancelled = 'order_cancelled' }
const producer = new Kafka({ clientId: 'orders', brokers: ['b:9092'] }).producer();
export async function emit(event: OrderEvent, orderId: string) {
  await producer.send({ topic: 'orders', messages: [{ key: event, value: JSON.stringify({ orderId }) }] });
}
`,
      errors: [{ messageId: 'fewFixedKeys', line: 6 }],
    },
    {
      name: 'confluent kafka (KafkaJS API): no key on an account event',
      code: `
import { KafkaJS } from '@confluentinc/kafka-javascript';
const producer = new KafkaJS.Kafka({}).producer({ 'bootstrap.servers': 'b:9092' });
export async function opened(accountId: string) {
  await producer.send({ topic: 'accounts', messages: [{ value: JSON.stringify({ type: 'AccountOpened', accountId }) }] });
}
`,
      errors: [{ messageId: 'missingKey', suggestions: [] }],
    },
  ],
});
