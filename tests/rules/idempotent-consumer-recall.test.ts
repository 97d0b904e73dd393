// idempotent-consumer on the classes of misses seen on code the rules' authors never wrote:
// guards keyed on broker positions, not-found checks mistaken for dedupe, effects hidden in SMS,
// outbound HTTP and read-modify-write, and handler shapes registered by reference.
import rule from '../../rules/idempotent-consumer.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('idempotent-consumer (recall classes)', rule, {
  valid: [
    {
      name: 'a lookup that returns when it finds the row is a dedupe',
      code: `
import type { ConsumeMessage } from 'amqplib';
import { PrismaClient } from './prisma/client.js';
const prisma = new PrismaClient();
export async function onShipmentDelivered(msg: ConsumeMessage) {
  const event = JSON.parse(msg.content.toString()) as { id: string; orderId: string };
  const existing = await prisma.order.findUnique({ where: { id: event.orderId } });
  if (existing !== null) return;
  await prisma.order.create({ data: { id: event.orderId, total: 0, status: 'delivered' } });
}
declare const channel: import('amqplib').Channel;
void channel.consume('deliveries', onShipmentDelivered);
`,
    },
    {
      name: 'a state machine that has taken the step returns: the refund is not repeated',
      code: `
import type { SQSHandler } from 'aws-lambda';
import Stripe from 'stripe';
import { PrismaClient } from './prisma/client.js';
const prisma = new PrismaClient();
const stripe = new Stripe('sk_test');
export const handler: SQSHandler = async (event) => {
  for (const record of event.Records) {
    const { orderId } = JSON.parse(record.body) as { orderId: string };
    const order = await prisma.order.update({ where: { id: orderId }, data: { status: 'refunding' } });
    if (order.status === 'refunded') continue;
    await stripe.refunds.create({ payment_intent: order.id }, { idempotencyKey: \`refund:\${order.id}\` });
  }
};
`,
    },
    {
      name: 'GET requests, POSTs with an Idempotency-Key header, SNS topic publishes and absolute in-memory changes',
      code: `
import type { NatsConnection } from 'nats';
import axios from 'axios';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
import type { Repository } from 'typeorm';
import { getJson } from './lib/webhooks.js';
class Wallet { id!: string; status!: string; balance!: number; }
const sns = new SNSClient({});
export function start(nc: NatsConnection, wallets: Repository<Wallet>) {
  nc.subscribe('wallets.frozen', {
    callback: async (_err, msg) => {
      const { walletId, eventId } = msg.json<{ walletId: string; eventId: string }>();
      await getJson(\`https://risk.example/wallets/\${walletId}\`);
      await fetch('https://audit.example/events', { method: 'POST', headers: { 'Idempotency-Key': eventId }, body: walletId });
      await axios.post('https://crm.example/notes', { walletId }, { headers: { 'idempotency-key': eventId } });
      await sns.send(new PublishCommand({ TopicArn: 'arn:aws:sns:eu-west-1:1:wallets', Message: walletId }));
      const wallet = await wallets.findOneByOrFail({ id: walletId });
      wallet.status = 'frozen';
      await wallets.save(wallet);
    },
  });
}
`,
    },
  ],
  invalid: [
    {
      name: 'SET NX keyed on the RabbitMQ delivery tag dedupes nothing',
      code: `
import type { Channel } from 'amqplib';
import { Redis } from 'ioredis';
import { Pool } from 'pg';
const redis = new Redis();
const pool = new Pool();
export function start(channel: Channel) {
  void channel.consume('ledger', async (msg) => {
    if (msg === null) return;
    const claimed = await redis.set(\`ledger:\${msg.fields.deliveryTag}\`, '1', 'EX', 3600, 'NX');
    if (claimed === null) return;
    await pool.query('INSERT INTO ledger_entries (account, cents) VALUES ($1, $2)', ['acc', 100]);
  });
}
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 12, column: 11, data: { effect: '`pool.query`', what: 'inserts a row', handler: '`channel.consume callback`', description: 'amqplib consumer', system: 'RabbitMQ' } }],
    },
    {
      name: 'a lookup keyed on the JetStream stream sequence, in a consume callback',
      code: `
import type { Consumer } from 'nats';
import { Redis } from 'ioredis';
const redis = new Redis();
export async function start(consumer: Consumer) {
  await consumer.consume({
    callback: async (m) => {
      if (await redis.exists(\`stock:\${m.seq}\`)) return;
      await redis.incrby(\`stock:\${m.subject}\`, 1);
    },
  });
}
`,
      errors: [
        { messageId: 'nonIdempotentEffect', line: 9, column: 13, data: { effect: '`redis.incrby`', what: 'increments a counter', handler: '`callback`', description: 'JetStream consumer callback (callback)', system: 'NATS JetStream' } },
      ],
    },
    {
      name: 'a return when the entity is not found is no dedupe; an SMS through SNS is repeated',
      code: `
import type { SQSHandler } from 'aws-lambda';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
import { PrismaClient } from './prisma/client.js';
const prisma = new PrismaClient();
const sns = new SNSClient({});
export const handler: SQSHandler = async (event) => {
  for (const record of event.Records) {
    const { orderId, phone } = JSON.parse(record.body) as { orderId: string; phone: string };
    const order = await prisma.order.findUnique({ where: { id: orderId } });
    if (!order) return;
    await sns.send(new PublishCommand({ PhoneNumber: phone, Message: \`Order \${order.id} is on its way\` }));
  }
};
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 12, column: 11, data: { effect: '`sns.send`', what: 'sends an SMS', handler: '`handler`', description: 'Lambda handler', system: 'AWS Lambda' } }],
    },
    {
      name: 'an outbound POST through a project helper in another file, in a Kafka handler registered by reference',
      code: `
import type { Consumer, EachMessagePayload } from 'kafkajs';
import { postJson } from './lib/webhooks.js';
async function notifyPartner({ message }: EachMessagePayload) {
  await postJson('https://partner.example/hooks/orders', { key: message.key?.toString() });
}
export async function start(consumer: Consumer) {
  await consumer.run({ eachMessage: notifyPartner });
}
`,
      errors: [
        { messageId: 'nonIdempotentEffect', line: 5, column: 9, data: { effect: '`postJson` (via `fetch`)', what: 'sends an HTTP POST', handler: '`notifyPartner`', description: 'kafkajs consumer', system: 'Kafka' } },
      ],
    },
    {
      name: 'axios.post without an idempotency key, and a balance added to in memory then saved',
      code: `
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import axios from 'axios';
import type { Repository } from 'typeorm';
class Wallet { id!: string; balance!: number; }
@Controller()
export class WalletListener {
  constructor(private readonly wallets: Repository<Wallet>) {}
  @EventPattern('wallet.credited')
  async onCredited(@Payload() event: { walletId: string; cents: number }) {
    await axios.post('https://loyalty.example/points', { walletId: event.walletId });
    const wallet = await this.wallets.findOneByOrFail({ id: event.walletId });
    wallet.balance += event.cents;
    await this.wallets.save(wallet);
  }
}
`,
      errors: [
        { messageId: 'nonIdempotentEffect', line: 12, column: 11, data: { effect: '`axios.post`', what: 'sends an HTTP POST', handler: '`WalletListener.onCredited`', description: 'NestJS message handler', system: 'NestJS microservice transport' } },
        { messageId: 'nonIdempotentEffect', line: 15, column: 11, data: { effect: '`wallets.save`', what: 'saves `wallet` after adding to it in memory', handler: '`WalletListener.onCredited`', description: 'NestJS message handler', system: 'NestJS microservice transport' } },
      ],
    },
    {
      name: 'a BullMQ processor passed to new Worker by reference',
      code: `
import { Worker, type Job } from 'bullmq';
import { Pool } from 'pg';
const pool = new Pool();
async function issueInvoice(job: Job<{ orderId: string }>) {
  await pool.query('INSERT INTO invoices (order_id) VALUES ($1)', [job.data.orderId]);
}
export const worker = new Worker('invoices', issueInvoice);
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 6, column: 9, data: { effect: '`pool.query`', what: 'inserts a row', handler: '`issueInvoice`', description: 'BullMQ worker processor', system: 'BullMQ' } }],
    },
  ],
});
