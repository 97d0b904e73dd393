import rule from '../../rules/no-floating-publish.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('no-floating-publish', rule, {
  valid: [
    {
      name: 'kafkajs: awaited, returned, and collected into Promise.all',
      code: `
import { Kafka } from 'kafkajs';
const producer = new Kafka({ clientId: 'billing', brokers: ['b:9092'] }).producer();
export async function invoiceIssued(id: string) {
  await producer.send({ topic: 'invoices', messages: [{ key: id, value: id }] });
}
export function invoiceVoided(id: string) {
  return producer.send({ topic: 'invoices', messages: [{ key: id, value: id }] });
}
export async function many(ids: string[]) {
  await Promise.all(ids.map((id) => producer.send({ topic: 'invoices', messages: [{ key: id, value: id }] })));
}
`,
    },
    {
      name: 'a rejection handler, a two-argument then, and a promise kept in a variable and awaited later',
      code: `
import { Kafka } from 'kafkajs';
declare const log: { error(e: unknown): void };
const producer = new Kafka({ clientId: 'billing', brokers: ['b:9092'] }).producer();
export function fireAndLog(id: string) {
  producer.send({ topic: 'invoices', messages: [{ value: id }] }).catch((e: unknown) => log.error(e));
  producer.send({ topic: 'invoices', messages: [{ value: id }] }).then(() => undefined, (e: unknown) => log.error(e));
}
export async function later(id: string) {
  const sent = producer.send({ topic: 'invoices', messages: [{ value: id }] });
  await doOtherWork();
  await sent;
}
declare function doOtherWork(): Promise<void>;
`,
    },
    {
      name: 'amqplib publish returns a boolean and NATS core publish is synchronous: nothing to wait for',
      code: `
import type { Channel } from 'amqplib';
import type { NatsConnection } from 'nats';
export function ship(channel: Channel, nc: NatsConnection, id: string) {
  channel.publish('shipping', 'shipment.dispatched', Buffer.from(id));
  nc.publish('shipment.dispatched', id);
}
`,
    },
    {
      name: 'a floating call that does not publish (a near miss named send)',
      code: `
declare const mailer: { send(to: string): Promise<void> };
export function notify(to: string) {
  mailer.send(to);
}
`,
    },
    {
      name: 'a wrapper that catches and logs the broker error: not waiting for it loses nothing more',
      code: `
import { Kafka } from 'kafkajs';
const producer = new Kafka({ clientId: 'audit', brokers: ['b:9092'] }).producer();
async function safePublish(id: string) {
  try {
    await producer.send({ topic: 'audit', messages: [{ key: id, value: id }] });
  } catch (error) {
    console.error('audit publish failed', error);
  }
}
export function audited(id: string) {
  void safePublish(id);
  setInterval(() => safePublish(id), 1000);
}
`,
    },
    {
      name: 'SQS: awaited inside a for…of loop',
      code: `
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
const sqs = new SQSClient({});
export async function enqueue(bodies: string[]) {
  for (const body of bodies) await sqs.send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: body }));
}
`,
    },
  ],
  invalid: [
    {
      name: 'kafkajs: an expression statement in a request handler, with an await suggestion',
      code: `
import { Kafka } from 'kafkajs';
const producer = new Kafka({ clientId: 'billing', brokers: ['b:9092'] }).producer();
export async function issueInvoice(id: string) {
  producer.send({ topic: 'invoices', messages: [{ key: id, value: id }] });
  return { ok: true };
}
`,
      errors: [
        {
          messageId: 'floatingPublish',
          suggestions: [
            {
              messageId: 'addAwait',
              output: `
import { Kafka } from 'kafkajs';
const producer = new Kafka({ clientId: 'billing', brokers: ['b:9092'] }).producer();
export async function issueInvoice(id: string) {
  await producer.send({ topic: 'invoices', messages: [{ key: id, value: id }] });
  return { ok: true };
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'SQS client: void counts as floating; the suggestion replaces void with await',
      code: `
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
const sqs = new SQSClient({});
export async function enqueue(body: string) {
  void sqs.send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: body }));
}
`,
      errors: [
        {
          messageId: 'voidedPublish',
          suggestions: [
            {
              messageId: 'addAwait',
              output: `
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
const sqs = new SQSClient({});
export async function enqueue(body: string) {
  await sqs.send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: body }));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a wrapper in another file, called without await from a non-async function (no suggestion)',
      code: `
import { emitOrderEvent } from './lib/kafka.js';
export function onCheckout(orderId: string) {
  emitOrderEvent('OrderPlaced', orderId);
}
`,
      errors: [{ messageId: 'floatingPublish', suggestions: [] }],
    },
    {
      name: 'then without a rejection handler, and a promise kept in a variable nobody reads',
      code: `
import { PubSub } from '@google-cloud/pubsub';
const topic = new PubSub().topic('payments');
export function captured(id: string) {
  topic.publishMessage({ data: Buffer.from(id) }).then(() => console.log('sent'));
  const pending = topic.publishMessage({ data: Buffer.from(id) });
}
`,
      errors: [
        { messageId: 'floatingPublish', line: 5 },
        { messageId: 'floatingPublish', line: 6 },
      ],
    },
    {
      name: 'amqp-connection-manager over amqplib: ChannelWrapper.publish returns a promise',
      code: `
import amqp from 'amqp-connection-manager';
const channel = amqp.connect(['amqp://localhost']).createChannel({ json: true });
export function refunded(paymentId: string) {
  channel.publish('payments', 'payment.refunded', { paymentId });
}
`,
      errors: [{ messageId: 'floatingPublish', suggestions: [] }],
    },
    {
      name: 'an async forEach callback: forEach waits for nothing',
      code: `
import type { JetStreamClient } from 'nats';
export async function replay(js: JetStreamClient, ids: string[]) {
  ids.forEach(async (id) => {
    await js.publish('orders.replayed', id);
  });
}
`,
      errors: [{ messageId: 'publishInIgnoredCallback', line: 4 }],
    },
    {
      name: 'a timer callback that returns the publish, through a wrapper that rethrows',
      code: `
import { Kafka } from 'kafkajs';
const producer = new Kafka({ clientId: 'events', brokers: ['b:9092'] }).producer();
const pending: { key: string; value: string }[] = [];
async function flush() {
  try {
    await producer.send({ topic: 'events', messages: pending.splice(0) });
  } catch (error) {
    console.error(error);
    throw error;
  }
}
export function start() {
  setInterval(() => flush(), 1000);
}
`,
      errors: [{ messageId: 'publishInIgnoredCallback', line: 14 }],
    },
    {
      name: 'a Bull job enqueued without await inside an SQS Lambda handler',
      code: `
import type { SQSHandler } from 'aws-lambda';
import Queue from 'bull';
const emails = new Queue('emails');
export const handler: SQSHandler = async (event) => {
  for (const record of event.Records) {
    emails.add({ body: record.body });
  }
};
`,
      errors: [
        {
          messageId: 'floatingPublish',
          line: 7,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `
import type { SQSHandler } from 'aws-lambda';
import Queue from 'bull';
const emails = new Queue('emails');
export const handler: SQSHandler = async (event) => {
  for (const record of event.Records) {
    await emails.add({ body: record.body });
  }
};
`,
            },
          ],
        },
      ],
    },
  ],
});
