// idempotent-consumer on handler shapes from real repositories: listeners of a shared event
// library seen only as `.d.ts`, Bull processors behind a tracing wrapper, and processors
// dispatched through an abstract method.
import rule from '../../rules/idempotent-consumer.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('idempotent-consumer (library and dispatch shapes)', rule, {
  valid: [
    {
      name: "a Pub/Sub 'error' listener registered by reference is not a message handler",
      code: `
import { PubSub } from '@google-cloud/pubsub';
import { Pool } from 'pg';
const pool = new Pool();
async function recordFailure(error: Error) {
  await pool.query('INSERT INTO subscription_errors (message) VALUES ($1)', [error.message]);
}
new PubSub().subscription('orders').on('error', recordFailure);
`,
    },
    {
      name: 'a declaration-only listener whose job has a deterministic jobId',
      code: `
import { Listener, Subjects } from '@fixture/events-dts';
import type { Message } from 'node-nats-streaming';
import Queue from 'bull';
const reminders = new Queue<{ invoiceId: string }>('reminders');
type InvoiceIssued = { subject: Subjects.InvoiceIssued; data: { id: string } };
export class InvoiceIssuedListener extends Listener<InvoiceIssued> {
  subject = Subjects.InvoiceIssued as const;
  queueGroupName = 'reminders';
  async onMessage(data: InvoiceIssued['data'], msg: Message) {
    await reminders.add({ invoiceId: data.id }, { jobId: \`reminder:\${data.id}\`, delay: 86_400_000 });
    msg.ack();
  }
}
`,
    },
    {
      name: 'a method that takes a broker message but overrides nothing is a helper, not a handler',
      code: `
import type { Message } from 'node-nats-streaming';
import { Pool } from 'pg';
const pool = new Pool();
export class AuditLog {
  async record(msg: Message) {
    await pool.query('INSERT INTO audit (subject) VALUES ($1)', [msg.getSubject()]);
  }
}
`,
    },
    {
      name: 'a dispatched processor whose only write is absolute',
      code: `
import { BaseProcessor, type DomainEvent } from './lib/processors.js';
import { Pool } from 'pg';
const pool = new Pool();
export class ArchiveProcessor extends BaseProcessor {
  async perform(event: DomainEvent) {
    await pool.query("UPDATE documents SET archived = true WHERE id = $1", [event.modelId]);
  }
}
`,
    },
  ],
  invalid: [
    {
      name: "a Pub/Sub 'message' listener registered by reference inserts a row without a dedupe check",
      code: `
import { PubSub, type Message } from '@google-cloud/pubsub';
import { Pool } from 'pg';
const pool = new Pool();
async function onOrder(message: Message) {
  await pool.query('INSERT INTO orders (payload) VALUES ($1)', [message.data.toString()]);
  message.ack();
}
new PubSub().subscription('orders').on('message', onOrder);
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 6 }],
    },
    {
      name: 'a listener of a declaration-only NATS Streaming library enqueues a Bull job without a jobId',
      code: `
import { Listener, Subjects } from '@fixture/events-dts';
import type { Message } from 'node-nats-streaming';
import Queue from 'bull';
const reminders = new Queue<{ invoiceId: string }>('reminders');
type InvoiceIssued = { subject: Subjects.InvoiceIssued; data: { id: string } };
export class InvoiceIssuedListener extends Listener<InvoiceIssued> {
  subject = Subjects.InvoiceIssued as const;
  queueGroupName = 'reminders';
  async onMessage(data: InvoiceIssued['data'], msg: Message) {
    await reminders.add({ invoiceId: data.id }, { delay: 86_400_000 });
    msg.ack();
  }
}
`,
      errors: [
        {
          messageId: 'nonIdempotentEffect',
          line: 11,
          column: 11,
          data: { effect: '`reminders.add`', what: 'enqueues a job without a `jobId`', handler: '`InvoiceIssuedListener.onMessage`', description: 'NATS Streaming message handler', system: 'NATS Streaming' },
        },
      ],
    },
    {
      name: 'a subclass of a declaration-only Kafka handler inserts a row',
      code: `
import { KafkaHandler } from '@fixture/events-dts';
import type { KafkaMessage } from 'kafkajs';
import { PrismaClient } from './prisma/client.js';
const prisma = new PrismaClient();
export class OrderPlacedHandler extends KafkaHandler {
  async handle(message: KafkaMessage) {
    await prisma.order.create({ data: { id: String(message.key), total: 1, status: 'placed' } });
  }
}
`,
      errors: [
        { messageId: 'nonIdempotentEffect', line: 8, column: 11, data: { effect: '`order.create`', what: 'inserts a row', handler: '`OrderPlacedHandler.handle`', description: 'Kafka message handler', system: 'Kafka' } },
      ],
    },
    {
      name: 'a Bull processor behind a tracing wrapper, with the handler as the last argument',
      code: `
import Queue from 'bull';
import { Pool } from 'pg';
import { traced } from './lib/processors.js';
const pool = new Pool();
const payouts = new Queue<{ accountId: string; cents: number }>('payouts');
export function start() {
  void payouts.process('payout', 2, traced('payout')(async (job: Queue.Job<{ accountId: string; cents: number }>) => {
    await pool.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [job.data.cents, job.data.accountId]);
  }));
}
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 9, column: 11, data: { effect: '`pool.query`', what: 'adds to a column', handler: '`payouts.process callback`', description: 'Bull job processor', system: 'Bull' } }],
    },
    {
      name: 'a processor the queue dispatches to through an abstract method sends an email',
      code: `
import nodemailer from 'nodemailer';
import { BaseProcessor, type DomainEvent } from './lib/processors.js';
const mailer = nodemailer.createTransport({ host: 'localhost' });
export class DigestProcessor extends BaseProcessor {
  async perform(event: DomainEvent) {
    await mailer.sendMail({ to: event.modelId, subject: 'Your digest' });
  }
}
`,
      errors: [
        {
          messageId: 'nonIdempotentEffect',
          line: 7,
          column: 11,
          data: { effect: '`mailer.sendMail`', what: 'sends an email', handler: '`DigestProcessor.perform`', description: 'Bull job processor, dispatched to `perform`', system: 'Bull' },
        },
      ],
    },
  ],
});
