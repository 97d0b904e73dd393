import rule from '../../rules/no-swallowed-handler-error.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('no-swallowed-handler-error', rule, {
  valid: [
    {
      name: 'amqplib: the catch dead-letters the message (nack without requeue), directly and through a helper',
      code: `
import type { Channel, ConsumeMessage } from 'amqplib';
import { deadLetter } from './lib/delivery.js';
import { recordPayment } from './lib/inbox.js';
export async function start(channel: Channel) {
  await channel.consume('payments', async (msg: ConsumeMessage | null) => {
    if (msg === null) return;
    try {
      await recordPayment(msg.content.toString(), 100);
      channel.ack(msg);
    } catch (error) {
      console.error(error);
      channel.nack(msg, false, false);
    }
  });
  await channel.consume('refunds', async (msg: ConsumeMessage | null) => {
    if (msg === null) return;
    try {
      await recordPayment(msg.content.toString(), -100);
      channel.ack(msg);
    } catch {
      deadLetter(channel, msg);
    }
  });
}
`,
    },
    {
      name: 'SQS Lambda: failures reported as batch item failures',
      code: `
import type { SQSBatchItemFailure, SQSHandler } from 'aws-lambda';
import { recordPayment } from './lib/inbox.js';
export const handler: SQSHandler = async (event) => {
  const batchItemFailures: SQSBatchItemFailure[] = [];
  for (const record of event.Records) {
    try {
      await recordPayment(record.body, 100);
    } catch {
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
`,
    },
    {
      name: 'kafkajs: the catch rethrows after logging, directly and through a helper that throws',
      code: `
import type { Consumer } from 'kafkajs';
import { logAndRethrow } from './lib/delivery.js';
import { recordPayment } from './lib/inbox.js';
export async function start(consumer: Consumer) {
  await consumer.run({
    eachMessage: async ({ message }) => {
      try {
        await recordPayment(message.value?.toString() ?? '', 100);
      } catch (error) {
        console.error('failed', error);
        throw error;
      }
    },
  });
}
export async function other(consumer: Consumer) {
  await consumer.run({
    eachMessage: async ({ message }) => {
      try {
        await recordPayment(message.value?.toString() ?? '', 100);
      } catch (error) {
        logAndRethrow(error);
      }
    },
  });
}
`,
    },
    {
      name: 'a catch that parks the message in a failure table, or publishes it to a retry topic',
      code: `
import type { Consumer, Producer } from 'kafkajs';
import { parkFailedMessage } from './lib/delivery.js';
import { recordPayment } from './lib/inbox.js';
export async function start(consumer: Consumer, producer: Producer) {
  await consumer.run({
    eachMessage: async ({ message }) => {
      const body = message.value?.toString() ?? '';
      try {
        await recordPayment(body, 100);
      } catch (error) {
        await parkFailedMessage(body, error);
      }
    },
  });
  await consumer.run({
    eachMessage: async ({ message }) => {
      try {
        await recordPayment(message.value?.toString() ?? '', 100);
      } catch {
        await producer.send({ topic: 'payments.retry', messages: [{ key: message.key, value: message.value }] });
      }
    },
  });
}
`,
    },
    {
      name: 'a fallback around a best-effort call, with the real work after it; a try around reads only',
      code: `
import type { Consumer } from 'kafkajs';
import { Redis } from 'ioredis';
import { createTransport } from 'nodemailer';
import { recordPayment } from './lib/inbox.js';
const redis = new Redis();
const mailer = createTransport({});
export async function start(consumer: Consumer) {
  await consumer.run({
    eachMessage: async ({ message }) => {
      let cached: string | null = null;
      try {
        cached = await redis.get('rates');
      } catch {
        cached = null;
      }
      try {
        await mailer.sendMail({ to: 'ops@example.com', subject: 'payment' });
      } catch {
        console.warn('notification failed; continuing');
      }
      await recordPayment(message.value?.toString() ?? cached ?? '', 100);
    },
  });
}
`,
    },
    {
      name: 'Bull: the error is kept and rethrown after the loop, so the job still fails',
      code: `
import Queue from 'bull';
import { recordPayment } from './lib/inbox.js';
declare function toError(e: unknown): Error;
const payments = new Queue<{ ids: string[] }>('payments');
void payments.process(async (job) => {
  let failure: Error | undefined;
  for (const id of job.data.ids) {
    try {
      await recordPayment(id, 100);
    } catch (error) {
      console.error('payment failed', error);
      failure = toError(error);
    }
  }
  if (failure) throw failure;
});
`,
    },
    {
      name: 'explicit acks: a failed message left undeleted (SQS) or unacked (Pub/Sub) comes back',
      code: `
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Message } from '@google-cloud/pubsub';
import { deleteReceived } from './lib/delivery.js';
import { recordPayment } from './lib/inbox.js';
const sqs = new SQSClient({});
export async function poll(queueUrl: string) {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
  for (const message of Messages) {
    try {
      await recordPayment(message.Body ?? '', 100);
      await deleteReceived(queueUrl, message.ReceiptHandle ?? '');
    } catch (error) {
      console.error('will be retried after the visibility timeout', error);
    }
  }
}
export async function onPayment(message: Message) {
  try {
    await recordPayment(message.data.toString(), 100);
    message.ack();
  } catch (error) {
    console.error(error);
  }
}
`,
    },
    {
      name: 'a catch outside any handler (an HTTP route)',
      code: `
import { recordPayment } from './lib/inbox.js';
export async function route(body: string) {
  try {
    await recordPayment(body, 100);
  } catch (error) {
    console.error(error);
  }
}
`,
    },
    {
      name: 'settings name a failure recorder',
      settings: { 'event-driven': { failureRecorders: ['reportPoisonMessage'] } },
      code: `
import type { Consumer } from 'kafkajs';
import { recordPayment } from './lib/inbox.js';
declare function reportPoisonMessage(error: unknown): void;
export async function start(consumer: Consumer) {
  await consumer.run({
    eachMessage: async ({ message }) => {
      try {
        await recordPayment(message.value?.toString() ?? '', 100);
      } catch (error) {
        reportPoisonMessage(error);
      }
    },
  });
}
`,
    },
  ],
  invalid: [
    {
      name: 'kafkajs: catch, log, carry on: the offset is committed; suggestion rethrows',
      code: `
import type { Consumer } from 'kafkajs';
import { recordPayment } from './lib/inbox.js';
export async function start(consumer: Consumer) {
  await consumer.run({
    eachMessage: async ({ message }) => {
      try {
        await recordPayment(message.value?.toString() ?? '', 100);
      } catch (error) {
        console.error('payment failed', error);
      }
    },
  });
}
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 9,
          suggestions: [
            {
              messageId: 'rethrow',
              output: `
import type { Consumer } from 'kafkajs';
import { recordPayment } from './lib/inbox.js';
export async function start(consumer: Consumer) {
  await consumer.run({
    eachMessage: async ({ message }) => {
      try {
        await recordPayment(message.value?.toString() ?? '', 100);
      } catch (error) {
        console.error('payment failed', error);
        throw error;
      }
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
      name: 'amqplib: the catch acks, so the failed message is gone',
      code: `
import type { Channel, ConsumeMessage } from 'amqplib';
import { logFailure } from './lib/delivery.js';
import { recordPayment } from './lib/inbox.js';
export async function start(channel: Channel) {
  await channel.consume('payments', async (msg: ConsumeMessage | null) => {
    if (msg === null) return;
    try {
      await recordPayment(msg.content.toString(), 100);
    } catch (error) {
      logFailure(error);
    }
    channel.ack(msg);
  });
}
`,
      errors: [{ messageId: 'swallowedError', line: 10, suggestions: [{ messageId: 'rethrow', output: `
import type { Channel, ConsumeMessage } from 'amqplib';
import { logFailure } from './lib/delivery.js';
import { recordPayment } from './lib/inbox.js';
export async function start(channel: Channel) {
  await channel.consume('payments', async (msg: ConsumeMessage | null) => {
    if (msg === null) return;
    try {
      await recordPayment(msg.content.toString(), 100);
    } catch (error) {
      logFailure(error);
      throw error;
    }
    channel.ack(msg);
  });
}
` }] }],
    },
    {
      name: 'SQS Lambda: a per-record catch that only logs (no batch item failure)',
      code: `
import type { SQSHandler } from 'aws-lambda';
import { recordPayment } from './lib/inbox.js';
export const handler: SQSHandler = async (event) => {
  for (const record of event.Records) {
    try {
      await recordPayment(record.body, 100);
    } catch {
      console.error('failed', record.messageId);
      continue;
    }
  }
};
`,
      errors: [{ messageId: 'swallowedError', line: 8, suggestions: [] }],
    },
    {
      name: 'SQS polling loop: the catch returns',
      code: `
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { deleteReceived } from './lib/delivery.js';
import { recordPayment } from './lib/inbox.js';
const sqs = new SQSClient({});
export async function poll(queueUrl: string) {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
  for (const message of Messages) {
    try {
      await recordPayment(message.Body ?? '', 100);
    } catch (error) {
      console.error(error);
    }
    await deleteReceived(queueUrl, message.ReceiptHandle ?? '');
  }
}
`,
      errors: [{ messageId: 'swallowedError', line: 11, suggestions: [{ messageId: 'rethrow', output: `
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { deleteReceived } from './lib/delivery.js';
import { recordPayment } from './lib/inbox.js';
const sqs = new SQSClient({});
export async function poll(queueUrl: string) {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
  for (const message of Messages) {
    try {
      await recordPayment(message.Body ?? '', 100);
    } catch (error) {
      console.error(error);
      throw error;
    }
    await deleteReceived(queueUrl, message.ReceiptHandle ?? '');
  }
}
` }] }],
    },
    {
      name: 'Azure Service Bus processMessage with a swallowing catch',
      code: `
import { ServiceBusClient } from '@azure/service-bus';
import { recordPayment } from './lib/inbox.js';
const receiver = new ServiceBusClient('conn').createReceiver('payments');
receiver.subscribe({
  processMessage: async (message) => {
    try {
      await recordPayment(String(message.body), 100);
    } catch (error) {
      console.error(error);
    }
  },
  processError: async () => {},
});
`,
      errors: [{ messageId: 'swallowedError', line: 9, suggestions: [{ messageId: 'rethrow', output: `
import { ServiceBusClient } from '@azure/service-bus';
import { recordPayment } from './lib/inbox.js';
const receiver = new ServiceBusClient('conn').createReceiver('payments');
receiver.subscribe({
  processMessage: async (message) => {
    try {
      await recordPayment(String(message.body), 100);
    } catch (error) {
      console.error(error);
      throw error;
    }
  },
  processError: async () => {},
});
` }] }],
    },
    {
      name: 'amqplib: ack in finally acks failures too',
      code: `
import type { Channel, ConsumeMessage } from 'amqplib';
import { recordPayment } from './lib/inbox.js';
export async function start(channel: Channel) {
  await channel.consume('payments', async (msg: ConsumeMessage | null) => {
    if (msg === null) return;
    try {
      await recordPayment(msg.content.toString(), 100);
    } finally {
      channel.ack(msg);
    }
  });
}
`,
      errors: [{ messageId: 'ackInFinally', line: 10 }],
    },
  ],
});
