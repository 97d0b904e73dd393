import rule from '../../rules/no-early-ack.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('no-early-ack', rule, {
  valid: [
    {
      name: 'amqplib: ack after the write and the email; nack in the catch',
      code: `
import type { Channel, ConsumeMessage } from 'amqplib';
import { Pool } from 'pg';
const pool = new Pool();
export async function start(channel: Channel) {
  await channel.consume('invoices', async (msg: ConsumeMessage | null) => {
    if (msg === null) return;
    try {
      await pool.query('INSERT INTO invoices (id) VALUES ($1) ON CONFLICT DO NOTHING', [msg.content.toString()]);
      channel.ack(msg);
    } catch {
      channel.nack(msg, false, false);
    }
  });
}
`,
    },
    {
      name: 'an ack that ends its path (a malformed message dropped on purpose) before the work of the other path',
      code: `
import type { Channel, ConsumeMessage } from 'amqplib';
import { Pool } from 'pg';
const pool = new Pool();
export async function start(channel: Channel) {
  await channel.consume('invoices', async (msg: ConsumeMessage | null) => {
    if (msg === null) return;
    if (msg.content.length === 0) {
      channel.ack(msg);
      return;
    }
    await pool.query('INSERT INTO invoices (id) VALUES ($1)', [msg.content.toString()]);
    channel.ack(msg);
  });
}
`,
    },
    {
      name: 'kafkajs eachBatch: resolveOffset after each message is processed',
      code: `
import type { Consumer } from 'kafkajs';
import { Pool } from 'pg';
const pool = new Pool();
export async function start(consumer: Consumer) {
  await consumer.run({
    eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
      for (const message of batch.messages) {
        await pool.query('INSERT INTO ledger (entry) VALUES ($1)', [message.value?.toString()]);
        resolveOffset(message.offset);
        await heartbeat();
      }
    },
  });
}
`,
    },
    {
      name: 'SQS polling: delete after handling, through a helper in another file',
      code: `
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { deleteReceived } from './lib/delivery.js';
import { recordPayment } from './lib/inbox.js';
const sqs = new SQSClient({});
export async function poll(queueUrl: string) {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
  for (const message of Messages) {
    await recordPayment(message.Body ?? '', 100);
    await deleteReceived(queueUrl, message.ReceiptHandle ?? '');
  }
}
`,
    },
    {
      name: 'an SQS Lambda handler has no explicit ack, and logging after an ack is not work',
      code: `
import type { SQSHandler } from 'aws-lambda';
import type { JsMsg } from 'nats';
import { recordPayment } from './lib/inbox.js';
export const handler: SQSHandler = async (event) => {
  for (const record of event.Records) await recordPayment(record.body, 100);
};
export async function onMessage(msg: JsMsg) {
  await recordPayment(msg.string(), 100);
  msg.ack();
  console.log('done', msg.seq);
}
`,
    },
    {
      name: 'noAck on a consumer that only logs and counts in memory',
      code: `
import type { Channel } from 'amqplib';
let seen = 0;
export async function watch(channel: Channel) {
  await channel.consume('metrics', (msg) => { seen++; console.log(msg?.content.toString(), seen); }, { noAck: true });
}
`,
    },
  ],
  invalid: [
    {
      name: 'amqplib: ack first, then the write and the email',
      code: `
import type { Channel, ConsumeMessage } from 'amqplib';
import { createTransport } from 'nodemailer';
import { Pool } from 'pg';
const pool = new Pool();
const mailer = createTransport({});
export async function start(channel: Channel) {
  await channel.consume('invoices', async (msg: ConsumeMessage | null) => {
    if (msg === null) return;
    channel.ack(msg);
    await pool.query('INSERT INTO invoices (id) VALUES ($1)', [msg.content.toString()]);
    await mailer.sendMail({ to: 'billing@example.com', subject: 'Invoice' });
  });
}
`,
      errors: [{ messageId: 'ackBeforeEffect', line: 10 }],
    },
    {
      name: 'kafkajs: commitOffsets before publishing the result',
      code: `
import type { Consumer, Producer } from 'kafkajs';
export async function start(consumer: Consumer, producer: Producer) {
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      await consumer.commitOffsets([{ topic, partition, offset: (Number(message.offset) + 1).toString() }]);
      await producer.send({ topic: 'invoices.issued', messages: [{ key: message.key, value: message.value }] });
    },
  });
}
`,
      errors: [{ messageId: 'ackBeforeEffect', line: 6 }],
    },
    {
      name: 'SQS polling: the message is deleted before it is handled',
      code: `
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { recordPayment } from './lib/inbox.js';
const sqs = new SQSClient({});
export async function poll(queueUrl: string) {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
  for (const message of Messages) {
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
    await recordPayment(message.Body ?? '', 100);
  }
}
`,
      errors: [{ messageId: 'ackBeforeEffect', line: 8 }],
    },
    {
      name: 'an ack helper in another file, and a handler referenced by name',
      code: `
import type { Channel, ConsumeMessage } from 'amqplib';
import { settle } from './lib/delivery.js';
import { OrderRepository } from './lib/repository.js';
const orders = new OrderRepository();
let channel: Channel;
async function onOrder(msg: ConsumeMessage | null) {
  if (msg === null) return;
  settle(channel, msg);
  await orders.insert(msg.content.toString(), 1);
}
export async function start(ch: Channel) {
  channel = ch;
  await ch.consume('orders', onOrder);
}
`,
      errors: [{ messageId: 'ackBeforeEffect', line: 9 }],
    },
    {
      name: 'JetStream: ack while the work still runs (not awaited)',
      code: `
import type { JsMsg } from 'nats';
import type { ConsumerMessages } from 'nats';
import { recordPayment } from './lib/inbox.js';
export async function run(messages: ConsumerMessages) {
  for await (const msg of messages) {
    recordPayment(msg.string(), 100);
    msg.ack();
  }
}
export type { JsMsg };
`,
      errors: [{ messageId: 'ackWhileWorkRuns', line: 8 }],
    },
    {
      name: 'Pub/Sub: message.ack() before the write',
      code: `
import { PubSub, type Message } from '@google-cloud/pubsub';
import { recordPayment } from './lib/inbox.js';
const subscription = new PubSub().subscription('payments');
subscription.on('message', async (message: Message) => {
  message.ack();
  await recordPayment(message.data.toString(), 100);
});
`,
      errors: [{ messageId: 'ackBeforeEffect', line: 6 }],
    },
    {
      name: 'SQS Lambda: a record deleted by hand before it is handled',
      code: `
import type { SQSHandler } from 'aws-lambda';
import { deleteReceived } from './lib/delivery.js';
import { recordPayment } from './lib/inbox.js';
export const handler: SQSHandler = async (event) => {
  for (const record of event.Records) {
    await deleteReceived('q', record.receiptHandle);
    await recordPayment(record.body, 100);
  }
};
`,
      errors: [{ messageId: 'ackBeforeEffect', line: 7 }],
    },
    {
      name: 'amqplib noAck: true on a consumer that writes',
      code: `
import type { Channel } from 'amqplib';
import { recordPayment } from './lib/inbox.js';
export async function start(channel: Channel) {
  await channel.consume('payments', async (msg) => {
    if (msg) await recordPayment(msg.content.toString(), 100);
  }, { noAck: true });
}
`,
      errors: [{ messageId: 'autoAckWithEffects', line: 7 }],
    },
  ],
});
