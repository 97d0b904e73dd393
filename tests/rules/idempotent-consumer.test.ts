import rule from '../../rules/idempotent-consumer.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('idempotent-consumer', rule, {
  valid: [
    {
      name: 'kafkajs: a consumed-events row with ON CONFLICT DO NOTHING decides an early return',
      code: `
import type { Consumer } from 'kafkajs';
import { Pool } from 'pg';
const pool = new Pool();
export async function start(consumer: Consumer) {
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(message.value!.toString()) as { id: string; orderId: string };
      const claimed = await pool.query('INSERT INTO processed_events (event_id) VALUES ($1) ON CONFLICT DO NOTHING', [event.id]);
      if (claimed.rowCount === 0) return;
      await pool.query('INSERT INTO payments (order_id) VALUES ($1)', [event.orderId]);
    },
  });
}
`,
    },
    {
      name: 'amqplib: Redis SET NX on the event id before sending the email',
      code: `
import type { Channel, ConsumeMessage } from 'amqplib';
import { Redis } from 'ioredis';
import { createTransport } from 'nodemailer';
const redis = new Redis();
const mailer = createTransport({});
export async function start(channel: Channel) {
  await channel.consume('emails', async (msg: ConsumeMessage | null) => {
    if (msg === null) return;
    const event = JSON.parse(msg.content.toString()) as { id: string; to: string };
    if ((await redis.set('email:' + event.id, '1', 'EX', 86400, 'NX')) === null) return;
    await mailer.sendMail({ to: event.to, subject: 'Your order' });
    channel.ack(msg);
  });
}
`,
    },
    {
      name: 'a lookup by id that returns early, and a guard helper in another file',
      code: `
import type { SQSHandler } from 'aws-lambda';
import type { Repository } from 'typeorm';
import { claimEvent, recordPayment } from './lib/inbox.js';
class Order { id!: string; }
declare const orders: Repository<Order>;
export const handler: SQSHandler = async (event) => {
  for (const record of event.Records) {
    const body = JSON.parse(record.body) as { id: string; orderId: string };
    const existing = await orders.findOneBy({ id: body.orderId });
    if (existing) continue;
    await orders.insert({ id: body.orderId });
  }
};
export const payments: SQSHandler = async (event) => {
  for (const record of event.Records) {
    const body = JSON.parse(record.body) as { id: string; orderId: string };
    if (!(await claimEvent(body.id, 'payments'))) continue;
    await recordPayment(body.orderId, 100);
  }
};
`,
    },
    {
      name: 'a version gate skips out-of-order and repeated events',
      code: `
import type { Consumer, EachMessagePayload } from 'kafkajs';
import { Pool } from 'pg';
const pool = new Pool();
declare function loadAccount(id: string): Promise<{ version: number }>;
export async function start(consumer: Consumer) {
  await consumer.run({ eachMessage: handle });
}
async function handle({ message }: EachMessagePayload) {
  const event = JSON.parse(message.value!.toString()) as { accountId: string; version: number; amount: number };
  const account = await loadAccount(event.accountId);
  if (event.version !== account.version + 1) return;
  await pool.query('UPDATE accounts SET balance = balance + $1, version = $2 WHERE id = $3', [event.amount, event.version, event.accountId]);
}
`,
    },
    {
      name: 'idempotent state transitions, upserts and keyed provider calls',
      code: `
import type { Consumer } from 'kafkajs';
import { Pool } from 'pg';
import { model, Schema } from 'mongoose';
import Stripe from 'stripe';
import { Queue } from 'bullmq';
const pool = new Pool();
const Orders = model('Order', new Schema({ id: String, status: String, tags: [String] }));
const stripe = new Stripe('sk_test');
const emails = new Queue('emails');
export async function start(consumer: Consumer) {
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(message.value!.toString()) as { id: string; orderId: string };
      await pool.query("UPDATE orders SET status = 'paid' WHERE id = $1 AND status = 'pending'", [event.orderId]);
      await pool.query('INSERT INTO order_views (id) VALUES ($1) ON CONFLICT (id) DO UPDATE SET seen = now()', [event.orderId]);
      await Orders.updateOne({ id: event.orderId }, { $set: { status: 'paid' }, $addToSet: { tags: 'paid' } });
      await stripe.refunds.create({ payment_intent: event.orderId }, { idempotencyKey: event.id });
      await emails.add('receipt', { orderId: event.orderId }, { jobId: event.id });
    },
  });
}
`,
    },
    {
      name: 'in-process handlers deliver once: node:events, @nestjs/event-emitter, @nestjs/cqrs, RxJS',
      code: `
import { EventEmitter } from 'node:events';
import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { Subject } from 'rxjs';
import { Pool } from 'pg';
const pool = new Pool();
const emitter = new EventEmitter();
emitter.on('order.placed', async (order: { id: string }) => {
  await pool.query('INSERT INTO audit (order_id) VALUES ($1)', [order.id]);
});
class OrderPlaced { constructor(readonly id: string) {} }
@Injectable()
export class AuditListener {
  @OnEvent('order.placed')
  async onPlaced(event: OrderPlaced) {
    await pool.query('INSERT INTO audit (order_id) VALUES ($1)', [event.id]);
  }
}
@EventsHandler(OrderPlaced)
export class OrderPlacedHandler implements IEventHandler<OrderPlaced> {
  async handle(event: OrderPlaced) {
    await pool.query('INSERT INTO audit (order_id) VALUES ($1)', [event.id]);
  }
}
const orders$ = new Subject<OrderPlaced>();
orders$.subscribe(async (event) => {
  await pool.query('INSERT INTO audit (order_id) VALUES ($1)', [event.id]);
});
`,
    },
    {
      name: 'a Lambda handler wrapped by Powertools makeIdempotent',
      code: `
import type { SQSEvent } from 'aws-lambda';
import { makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { Pool } from 'pg';
const pool = new Pool();
export const handler = makeIdempotent(async (event: SQSEvent) => {
  for (const record of event.Records) {
    await pool.query('INSERT INTO payments (body) VALUES ($1)', [record.body]);
  }
}, {});
`,
    },
    {
      name: 'a guard named in settings',
      code: `
import type { Consumer, EachMessagePayload } from 'kafkajs';
import { Pool } from 'pg';
const pool = new Pool();
declare function firstDelivery(id: string): Promise<boolean>;
export async function start(consumer: Consumer) {
  await consumer.run({ eachMessage: handle });
}
async function handle({ message }: EachMessagePayload) {
  const id = message.headers?.['event-id']?.toString() ?? '';
  if (!(await firstDelivery(id))) return;
  await pool.query('INSERT INTO payments (id) VALUES ($1)', [id]);
}
`,
      settings: { 'event-driven': { guards: ['firstDelivery'] } },
    },
    {
      name: 'an HTTP route that inserts is not a message handler',
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function createOrder(body: { id: string }) {
  await pool.query('INSERT INTO orders (id) VALUES ($1)', [body.id]);
}
`,
    },
    {
      name: 'guarded handlers of every other kind: NATS callback and loop, NATS Streaming listener, Pub/Sub, SQS polling, BullMQ, NestJS',
      code: `
import { PubSub } from '@google-cloud/pubsub';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { NatsConnection } from 'nats';
import type { Message } from 'node-nats-streaming';
import { Pool } from 'pg';
import { claimEvent } from './lib/inbox.js';
import { Listener } from './lib/nats-listener.js';
import { Subjects, type TicketCreatedEvent } from './lib/nats-publisher.js';
const pool = new Pool();
const redis = new Redis();
const sqs = new SQSClient({});
export async function natsHandlers(nc: NatsConnection) {
  nc.subscribe('payments', {
    callback: async (_err, msg) => {
      if (!(await claimEvent(msg.subject, 'payments'))) return;
      await pool.query('INSERT INTO payments (id) VALUES ($1)', [msg.subject]);
    },
  });
  for await (const msg of nc.subscribe('refunds')) {
    if ((await redis.set('refund:' + msg.subject, '1', 'NX')) === null) continue;
    await pool.query('INSERT INTO refunds (id) VALUES ($1)', [msg.subject]);
  }
}
export class TicketCreatedListener extends Listener<TicketCreatedEvent> {
  readonly subject = Subjects.TicketCreated;
  readonly queueGroupName = 'orders-service';
  async onMessage(data: TicketCreatedEvent['data'], msg: Message) {
    if (!(await claimEvent(data.id, 'tickets'))) return;
    await pool.query('INSERT INTO tickets (id) VALUES ($1)', [data.id]);
    msg.ack();
  }
}
new PubSub().subscription('orders').on('message', async (message) => {
  if (!(await claimEvent(message.id, 'orders'))) return;
  await pool.query('INSERT INTO orders (id) VALUES ($1)', [message.id]);
});
export async function poll() {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: 'q' }));
  for (const message of Messages) {
    if (!(await claimEvent(message.MessageId ?? '', 'poller'))) continue;
    await pool.query('INSERT INTO orders (id) VALUES ($1)', [message.Body]);
  }
}
export const worker = new Worker('emails', async (job) => {
  if (!(await claimEvent(job.id ?? '', 'emails'))) return;
  await pool.query('INSERT INTO sent_emails (job_id) VALUES ($1)', [job.id]);
});
@Controller()
export class StockConsumer {
  @EventPattern('order_placed')
  async onOrderPlaced(@Payload() event: { id: string; productId: string }) {
    if (!(await claimEvent(event.id, 'stock'))) return;
    await pool.query('UPDATE products SET stock = stock - 1 WHERE id = $1', [event.productId]);
  }
}
`,
    },
    {
      name: 'inserts keyed on the id the message carries are refused when repeated',
      code: `
import type { Consumer, EachMessagePayload } from 'kafkajs';
import { model, Schema } from 'mongoose';
import { Pool } from 'pg';
const pool = new Pool();
const Tickets = model('Ticket', new Schema({ _id: String, title: String }));
async function handle({ message }: EachMessagePayload) {
  const ticket = JSON.parse(message.value!.toString()) as { id: string; title: string };
  await Tickets.create({ ...ticket, _id: ticket.id });
  await pool.query('INSERT INTO ticket_views (id, title) VALUES ($1, $2)', [ticket.id, ticket.title]);
}
export async function start(consumer: Consumer) {
  await consumer.run({ eachMessage: handle });
}
`,
    },
  ],
  invalid: [
    {
      name: 'a bus bridged to a broker, named in settings, makes its handlers consumers',
      code: `
import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { Pool } from 'pg';
const pool = new Pool();
@Injectable()
export class AuditListener {
  @OnEvent('order.placed')
  async onPlaced(event: { orderId: string }) {
    await pool.query('INSERT INTO audit (order_id) VALUES ($1)', [event.orderId]);
  }
}
`,
      settings: { 'event-driven': { consumers: [{ from: 'package', package: '@nestjs/event-emitter', name: 'OnEvent' }] } },
      errors: [
        {
          messageId: 'nonIdempotentEffect',
          line: 10,
          column: 11,
          data: { effect: '`pool.query`', what: 'inserts a row', handler: '`AuditListener.onPlaced`', description: 'bridged bus handler', system: 'a bridged bus (settings)' },
        },
      ],
    },
    {
      name: 'a key generated in the handler is new on every delivery',
      code: `
import { randomUUID } from 'node:crypto';
import type { Consumer, EachMessagePayload } from 'kafkajs';
import { model, Schema } from 'mongoose';
const Payments = model('Payment', new Schema({ _id: String, amount: Number }));
async function handle({ message }: EachMessagePayload) {
  await Payments.create({ _id: randomUUID(), amount: Number(message.value) });
}
export async function start(consumer: Consumer) {
  await consumer.run({ eachMessage: handle });
}
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 7, column: 9, data: { effect: '`Payments.create`', what: 'inserts a row', handler: '`handle`', description: 'kafkajs consumer', system: 'Kafka' } }],
    },
    {
      name: 'a NATS for-await loop inserts with no dedupe',
      code: `
import type { NatsConnection } from 'nats';
import { Pool } from 'pg';
const pool = new Pool();
export async function refunds(nc: NatsConnection) {
  for await (const msg of nc.subscribe('refunds')) {
    await pool.query('INSERT INTO refunds (amount) VALUES ($1)', [msg.data.length]);
  }
}
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 7, column: 11, data: { effect: '`pool.query`', what: 'inserts a row', handler: '`refunds`', description: 'NATS subscription loop', system: 'NATS' } }],
    },
    {
      name: 'kafkajs eachMessage inserts a payment row with no dedupe',
      code: `
import type { Consumer } from 'kafkajs';
import { Pool } from 'pg';
const pool = new Pool();
export async function start(consumer: Consumer) {
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(message.value!.toString()) as { orderId: string };
      await pool.query('INSERT INTO payments (order_id) VALUES ($1)', [event.orderId]);
    },
  });
}
`,
      errors: [
        {
          messageId: 'nonIdempotentEffect',
          line: 9,
          column: 13,
          data: { effect: '`pool.query`', what: 'inserts a row', handler: '`eachMessage`', description: 'kafkajs consumer (eachMessage)', system: 'Kafka' },
        },
      ],
    },
    {
      name: 'amqplib consumer sends an email; the guard comes after it',
      code: `
import type { Channel, ConsumeMessage } from 'amqplib';
import { Redis } from 'ioredis';
import { createTransport } from 'nodemailer';
const redis = new Redis();
const mailer = createTransport({});
export async function start(channel: Channel) {
  await channel.consume('emails', async (msg: ConsumeMessage | null) => {
    if (msg === null) return;
    const event = JSON.parse(msg.content.toString()) as { id: string; to: string };
    await mailer.sendMail({ to: event.to, subject: 'Your order' });
    await redis.set('email:' + event.id, '1', 'EX', 86400, 'NX');
  });
}
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 11, column: 11, data: { effect: '`mailer.sendMail`', what: 'sends an email', handler: '`channel.consume callback`', description: 'amqplib consumer', system: 'RabbitMQ' } }],
    },
    {
      name: 'SQS Lambda handler increments a Redis counter',
      code: `
import type { SQSHandler } from 'aws-lambda';
import { Redis } from 'ioredis';
const redis = new Redis();
export const handler: SQSHandler = async (event) => {
  for (const record of event.Records) {
    await redis.incr('orders:' + record.body);
  }
};
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 7, column: 11, data: { effect: '`redis.incr`', what: 'increments a counter', handler: '`handler`', description: 'Lambda handler', system: 'AWS Lambda' } }],
    },
    {
      name: 'BullMQ worker charges a card without an idempotency key',
      code: `
import { Worker } from 'bullmq';
import Stripe from 'stripe';
const stripe = new Stripe('sk_test');
export const worker = new Worker('payments', async (job) => {
  await stripe.paymentIntents.create({ amount: 100, currency: 'eur' });
  return job.id;
});
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 6, column: 9, data: { effect: '`paymentIntents.create`', what: 'moves money without an idempotency key', handler: '`processor`', description: 'BullMQ worker processor', system: 'BullMQ' } }],
    },
    {
      name: 'NestJS @EventPattern handler decrements stock through TypeORM',
      code: `
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { Repository } from 'typeorm';
class Product { id!: string; stock!: number; }
@Controller()
export class StockConsumer {
  constructor(private readonly products: Repository<Product>) {}
  @EventPattern('order_placed')
  async onOrderPlaced(@Payload() event: { productId: string }) {
    await this.products.decrement({ id: event.productId }, 'stock', 1);
  }
}
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 11, column: 11, data: { effect: '`products.decrement`', what: 'changes a counter', handler: '`StockConsumer.onOrderPlaced`', description: 'NestJS message handler', system: 'NestJS microservice transport' } }],
    },
    {
      name: 'NATS Streaming: the subclass of an abstract Listener<T> creates a document',
      code: `
import type { Message } from 'node-nats-streaming';
import { model, Schema } from 'mongoose';
import { Listener } from './lib/nats-listener.js';
import { Subjects, type TicketCreatedEvent } from './lib/nats-publisher.js';
const Tickets = model('Ticket', new Schema({ id: String, title: String }));
export class TicketCreatedListener extends Listener<TicketCreatedEvent> {
  readonly subject = Subjects.TicketCreated;
  readonly queueGroupName = 'orders-service';
  async onMessage(data: TicketCreatedEvent['data'], msg: Message) {
    await Tickets.create({ title: data.title });
    msg.ack();
  }
}
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 11, column: 11, data: { effect: '`Tickets.create`', what: 'inserts a row', handler: '`TicketCreatedListener.onMessage`', description: 'NATS Streaming subscription listener', system: 'NATS Streaming' } }],
    },
    {
      name: 'Pub/Sub listener enqueues a job without a job id; NATS callback adds to a balance',
      code: `
import { PubSub } from '@google-cloud/pubsub';
import { Queue } from 'bullmq';
import type { NatsConnection } from 'nats';
import { Pool } from 'pg';
const pool = new Pool();
const emails = new Queue('emails');
export function start(nc: NatsConnection) {
  new PubSub().subscription('orders').on('message', async (message) => {
    await emails.add('receipt', { body: message.data.toString() });
    message.ack();
  });
  nc.subscribe('payments', {
    callback: async (_err, msg) => {
      await pool.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [1, msg.subject]);
    },
  });
}
`,
      errors: [
        { messageId: 'nonIdempotentEffect', line: 10, column: 11, data: { effect: '`emails.add`', what: 'enqueues a job without a `jobId`', handler: "`'message' listener`", description: 'Pub/Sub subscription listener', system: 'Pub/Sub' } },
        { messageId: 'nonIdempotentEffect', line: 15, column: 13, data: { effect: '`pool.query`', what: 'adds to a column', handler: '`callback`', description: 'NATS subscription callback (callback)', system: 'NATS' } },
      ],
    },
    {
      name: 'a named handler registered by reference, with the effect in a helper in another file',
      code: `
import type { Channel, ConsumeMessage } from 'amqplib';
import { recordPayment } from './lib/inbox.js';
async function handlePayment(msg: ConsumeMessage | null): Promise<void> {
  if (msg === null) return;
  await recordPayment(msg.content.toString(), 100);
}
export async function start(channel: Channel) {
  await channel.consume('payments', handlePayment);
}
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 6, column: 9, data: { effect: '`recordPayment` (via `pool.query`)', what: 'inserts a row', handler: '`handlePayment`', description: 'amqplib consumer', system: 'RabbitMQ' } }],
    },
    {
      name: 'an SQS polling loop; Prisma and Mongoose accumulating updates',
      code: `
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { model, Schema } from 'mongoose';
import { PrismaClient } from './prisma/client.js';
const sqs = new SQSClient({});
const prisma = new PrismaClient();
const Stats = model('Stats', new Schema({ day: String, orders: Number }));
export async function poll() {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: 'q' }));
  for (const message of Messages) {
    await prisma.order.update({ where: { id: message.Body ?? '' }, data: { total: { increment: 1 } } });
    await Stats.updateOne({ day: 'today' }, { $inc: { orders: 1 } });
  }
}
`,
      errors: [
        { messageId: 'nonIdempotentEffect', line: 11, column: 11, data: { effect: '`order.update`', what: 'adds to a field', handler: '`poll`', description: 'SQS polling loop', system: 'SQS' } },
        { messageId: 'nonIdempotentEffect', line: 12, column: 11, data: { effect: '`Stats.updateOne`', what: 'adds to a field', handler: '`poll`', description: 'SQS polling loop', system: 'SQS' } },
      ],
    },
  ],
});
