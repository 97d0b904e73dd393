import rule from '../../rules/no-dual-write.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('no-dual-write', rule, {
  valid: [
    {
      name: 'outbox: state and event in one pg transaction, published later by a relay',
      code: `
import { Pool } from 'pg';
import { appendToOutbox } from './lib/index.js';
const pool = new Pool();
export async function placeOrder(id: string) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('INSERT INTO orders (id) VALUES ($1)', [id]);
    await appendToOutbox(client, 'OrderPlaced', { id });
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
`,
    },
    {
      name: 'outbox through the Prisma transaction handle',
      code: `
import { PrismaClient } from './prisma/client.js';
const prisma = new PrismaClient();
export async function placeOrder(id: string) {
  await prisma.$transaction(async (tx) => {
    await tx.order.create({ data: { id, total: 1, status: 'placed' } });
    await tx.outboxEvent.create({ data: { id, type: 'OrderPlaced', payload: '{}' } });
  });
}
`,
    },
    {
      name: 'an outbox relay reads rows, publishes them, and deletes them',
      code: `
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
const pool = new Pool();
const producer = new Kafka({ brokers: [] }).producer();
export async function relayOnce() {
  const { rows } = await pool.query('SELECT id, type, payload FROM outbox ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED');
  for (const row of rows) {
    await producer.send({ topic: 'orders', messages: [{ key: row.id, value: row.payload }] });
    await pool.query('DELETE FROM outbox WHERE id = $1', [row.id]);
  }
}
`,
    },
    {
      name: 'a Prisma relay marks rows through the outbox delegate',
      code: `
import { Kafka } from 'kafkajs';
import { PrismaClient } from './prisma/client.js';
const prisma = new PrismaClient();
const producer = new Kafka({ brokers: [] }).producer();
export async function relay() {
  const events = await prisma.outboxEvent.findMany({ take: 50 });
  for (const event of events) {
    await producer.send({ topic: event.type, messages: [{ value: event.payload }] });
    await prisma.outboxEvent.delete({ where: { id: event.id } });
  }
}
`,
    },
    {
      name: 'a read followed by a publish',
      code: `
import { Kafka } from 'kafkajs';
import { OrderRepository } from './lib/index.js';
const producer = new Kafka({ brokers: [] }).producer();
export async function republish(repo: OrderRepository, id: string) {
  const order = await repo.findById(id);
  await producer.send({ topic: 'orders', messages: [{ value: JSON.stringify(order) }] });
}
`,
    },
    {
      name: 'in-process buses after a write: node:events, a local bus class, @nestjs/event-emitter, @nestjs/cqrs',
      code: `
import { EventEmitter } from 'node:events';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { EventBus } from '@nestjs/cqrs';
import { Pool } from 'pg';
import { localBus } from './lib/local-bus.js';
const pool = new Pool();
const emitter = new EventEmitter();
export async function placeOrder(id: string, emitter2: EventEmitter2, eventBus: EventBus) {
  await pool.query('INSERT INTO orders (id) VALUES ($1)', [id]);
  emitter.emit('OrderPlaced', { id });
  localBus.publish('OrderPlaced', { id });
  emitter2.emit('order.placed', { id });
  eventBus.publish({ id });
}
`,
    },
    {
      name: 'a write and a publish in two functions that are not on one path',
      code: `
import { Kafka } from 'kafkajs';
import { OrderRepository } from './lib/index.js';
const producer = new Kafka({ brokers: [] }).producer();
export async function save(repo: OrderRepository, id: string) {
  await repo.insert(id, 10);
}
export async function announce(id: string) {
  await producer.send({ topic: 'orders', messages: [{ value: id }] });
}
`,
    },
    {
      name: 'a write and a publish on different branches',
      code: `
import { Kafka } from 'kafkajs';
import { OrderRepository } from './lib/index.js';
const producer = new Kafka({ brokers: [] }).producer();
export async function handle(repo: OrderRepository, id: string, local: boolean) {
  if (local) {
    await repo.insert(id, 10);
  } else {
    await producer.send({ topic: 'orders', messages: [{ value: id }] });
  }
}
`,
    },
    {
      name: 'waiting for a publisher confirm is not a write',
      code: `
import type { ConfirmChannel } from 'amqplib';
export async function publishConfirmed(channel: ConfirmChannel) {
  channel.publish('orders', 'order.placed', Buffer.from('{}'));
  await channel.waitForConfirms();
}
`,
    },
    {
      name: 'an any-typed client is not guessed at without settings',
      code: `
import { Pool } from 'pg';
declare const bus: any;
const pool = new Pool();
export async function placeOrder(id: string) {
  await pool.query('INSERT INTO orders (id) VALUES ($1)', [id]);
  await bus.send({ topic: 'orders', messages: [{ value: id }] });
}
`,
    },
    {
      name: 'a Redis cache write is not a database write',
      code: `
import { Redis } from 'ioredis';
import { Kafka } from 'kafkajs';
const redis = new Redis();
const producer = new Kafka({ brokers: [] }).producer();
export async function cacheAndAnnounce(id: string) {
  await redis.set('order:' + id, '1');
  await producer.send({ topic: 'orders', messages: [{ value: id }] });
}
`,
    },
    {
      name: 'a Kafka transaction is not a database transaction',
      code: `
import { Kafka } from 'kafkajs';
const producer = new Kafka({ brokers: [] }).producer({ transactionalId: 'orders' });
export async function forward(id: string) {
  const transaction = await producer.transaction();
  await transaction.send({ topic: 'orders', messages: [{ value: id }] });
  await transaction.commit();
}
`,
    },
    {
      name: 'DynamoDB transaction that writes the state and the outbox item together',
      code: `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export async function placeOrder(id: string) {
  await ddb.send(new TransactWriteCommand({
    TransactItems: [
      { Put: { TableName: 'orders', Item: { id } } },
      { Put: { TableName: 'orders-outbox', Item: { id, type: 'OrderPlaced' } } },
    ],
  }));
}
`,
    },
    {
      name: 'an outbox row is committed with the state; publishing right after is only a fast path',
      code: `
import { Kafka } from 'kafkajs';
import { PrismaClient } from './prisma/client.js';
const prisma = new PrismaClient();
const producer = new Kafka({ brokers: [] }).producer();
export async function placeOrder(id: string) {
  await prisma.$transaction(async (tx) => {
    await tx.order.create({ data: { id, total: 1, status: 'placed' } });
    await tx.outboxEvent.create({ data: { id, type: 'OrderPlaced', payload: '{}' } });
  });
  await producer.send({ topic: 'orders', messages: [{ value: id }] });
}
`,
    },
    {
      name: 'a publish before a write is allowed when checkPublishBeforeWrite is off',
      code: `
import { Kafka } from 'kafkajs';
import { OrderRepository } from './lib/index.js';
const producer = new Kafka({ brokers: [] }).producer();
export async function handle(repo: OrderRepository, id: string) {
  await producer.send({ topic: 'orders', messages: [{ value: id }] });
  await repo.insert(id, 1);
}
`,
      options: [{ checkPublishBeforeWrite: false }],
    },
    {
      name: 'brokers publishing with no write on the path: SNS, SQS, EventBridge, Kinesis, Pub/Sub, NATS, BullMQ',
      code: `
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { KinesisClient, PutRecordCommand } from '@aws-sdk/client-kinesis';
import { PubSub } from '@google-cloud/pubsub';
import { Queue } from 'bullmq';
import type { NatsConnection } from 'nats';
export async function fanOut(nc: NatsConnection, id: string) {
  await new SNSClient({}).send(new PublishCommand({ TopicArn: 't', Message: id }));
  await new SQSClient({}).send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: id }));
  await new EventBridgeClient({}).send(new PutEventsCommand({ Entries: [] }));
  await new KinesisClient({}).send(new PutRecordCommand({ StreamName: 's', PartitionKey: id, Data: new Uint8Array() }));
  await new PubSub().topic('orders').publishMessage({ json: { id } });
  await new Queue('emails').add('receipt', { id });
  nc.publish('orders.placed');
}
`,
    },
    {
      name: 'NATS Streaming publisher subclass and NestJS emit after reads only',
      code: `
import type { Stan } from 'node-nats-streaming';
import type { ClientProxy } from '@nestjs/microservices';
import type { Repository } from 'typeorm';
import { TicketCreatedPublisher } from './lib/index.js';
class Ticket { id!: string; title!: string; price!: number; }
export async function announce(stan: Stan, client: ClientProxy, tickets: Repository<Ticket>, id: string) {
  const ticket = await tickets.findOneByOrFail({ id });
  await new TicketCreatedPublisher(stan).publish(ticket);
  client.emit('ticket_created', ticket);
}
`,
    },
    {
      name: 'outbox rows written in the same transaction with TypeORM, Knex, Drizzle, Sequelize, Mongoose and mysql2',
      code: `
import type { DataSource } from 'typeorm';
import { knex } from 'knex';
import { drizzle } from 'drizzle-orm/node-postgres';
import { pgTable, text } from 'drizzle-orm/pg-core';
import { Model, Sequelize } from 'sequelize';
import { model, Schema, type Connection } from 'mongoose';
import type { Connection as MySqlConnection } from 'mysql2/promise';
class Order { id!: string; }
class OutboxMessage { id!: string; }
class OrderRow extends Model {}
class OutboxRow extends Model {}
const orders = pgTable('orders', { id: text('id').primaryKey() });
const outbox = pgTable('outbox', { id: text('id').primaryKey() });
const OrderModel = model('Order', new Schema({ id: String }));
const OutboxModel = model('Outbox', new Schema({ id: String }));
const k = knex({ client: 'pg' });
const db = drizzle('');
const sequelize = new Sequelize('sqlite::memory:');
export async function viaTypeorm(dataSource: DataSource, id: string) {
  await dataSource.transaction(async (manager) => {
    await manager.save(Order, { id });
    await manager.save(OutboxMessage, { id });
  });
}
export async function viaKnex(id: string) {
  await k.transaction(async (trx) => {
    await trx('orders').insert({ id });
    await trx('outbox').insert({ id });
  });
}
export async function viaDrizzle(id: string) {
  await db.transaction(async (tx) => {
    await tx.insert(orders).values({ id });
    await tx.insert(outbox).values({ id });
  });
}
export async function viaSequelize(id: string) {
  await sequelize.transaction(async (t) => {
    await OrderRow.create({ id }, { transaction: t });
    await OutboxRow.create({ id }, { transaction: t });
  });
}
export async function viaMongoose(connection: Connection, id: string) {
  await connection.transaction(async (session) => {
    await OrderModel.create([{ id }], { session });
    await OutboxModel.create([{ id }], { session });
  });
}
export async function viaMysql(connection: MySqlConnection, id: string) {
  await connection.beginTransaction();
  await connection.execute('INSERT INTO orders (id) VALUES (?)', [id]);
  await connection.execute('INSERT INTO outbox (id) VALUES (?)', [id]);
  await connection.commit();
}
`,
    },
    {
      name: 'a port whose only adapter is an in-process emitter',
      code: `
import { PgOrderStore, type Notifier } from './lib/ports.js';
export async function place(store: PgOrderStore, notifier: Notifier, id: string) {
  await store.save(id);
  notifier.notify({ type: 'OrderPlaced', aggregateId: id });
}
`,
    },
    {
      name: 'an outbox relay that claims rows in a transaction, publishes them and marks them sent',
      code: `
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
const pool = new Pool();
const producer = new Kafka({ brokers: [] }).producer();
export async function relay() {
  const client = await pool.connect();
  await client.query('BEGIN');
  const { rows } = await client.query('SELECT id, payload FROM outbox WHERE sent_at IS NULL LIMIT 50 FOR UPDATE SKIP LOCKED');
  for (const row of rows) {
    await producer.send({ topic: 'orders', messages: [{ value: row.payload }] });
  }
  await client.query('UPDATE outbox SET sent_at = now() WHERE id = ANY($1)', [rows.map((r) => r.id)]);
  await client.query('COMMIT');
}
`,
    },
  ],
  invalid: [
    {
      name: 'SQL text held in a constant imported from another module',
      code: `
import { Kafka } from 'kafkajs';
import { INSERT_PAYMENT, pool } from './lib/repository.js';
const producer = new Kafka({ brokers: [] }).producer();
export async function pay(orderId: string) {
  await pool.query(INSERT_PAYMENT, [orderId, 100]);
  await producer.send({ topic: 'payments', messages: [{ value: orderId }] });
}
`,
      errors: [{ messageId: 'dualWrite', line: 7, column: 9, data: { publish: '`producer.send`', broker: 'Kafka', write: '`pool.query`', database: 'PostgreSQL' } }],
    },
    {
      name: 'calls through an interface and an abstract class reach their project adapters',
      code: `
import type { EventPublisher, OrderStore } from './lib/ports.js';
export class PlaceOrder {
  constructor(private readonly store: OrderStore, private readonly events: EventPublisher) {}
  async execute(id: string) {
    await this.store.save(id);
    await this.events.publish({ type: 'OrderPlaced', aggregateId: id });
  }
}
`,
      errors: [
        {
          messageId: 'dualWrite',
          line: 7,
          column: 11,
          data: {
            publish: '`events.publish` (via `KafkaEventPublisher.publish` → `producer.send`)',
            broker: 'Kafka',
            write: '`store.save` (via `PgOrderStore.save` → `pool.query`)',
            database: 'PostgreSQL',
          },
        },
      ],
    },
    {
      name: 'kafkajs send (declared on the unexported Sender type) after a pg INSERT',
      code: `
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
const pool = new Pool();
const producer = new Kafka({ brokers: [] }).producer();
export async function placeOrder(id: string) {
  await pool.query('INSERT INTO orders (id) VALUES ($1)', [id]);
  await producer.send({ topic: 'orders', messages: [{ value: id }] });
}
`,
      errors: [{ messageId: 'dualWrite', line: 8, column: 9, data: { publish: '`producer.send`', broker: 'Kafka', write: '`pool.query`', database: 'PostgreSQL' } }],
    },
    {
      name: 'amqplib channel held in a class field, after a TypeORM repository save',
      code: `
import type { Channel } from 'amqplib';
import { DataSource, type Repository } from 'typeorm';
class Order { id!: string; }
export class OrderService {
  private readonly orders: Repository<Order>;
  constructor(dataSource: DataSource, private readonly channel: Channel) {
    this.orders = dataSource.getRepository(Order);
  }
  async place(id: string) {
    await this.orders.save({ id });
    this.channel.publish('orders', 'order.placed', Buffer.from(id));
  }
}
`,
      errors: [{ messageId: 'dualWrite', line: 12, column: 5, data: { publish: '`channel.publish`', broker: 'RabbitMQ', write: '`orders.save`', database: 'TypeORM' } }],
    },
    {
      name: 'SNS through aliased imports: the command class decides, after a Mongoose create',
      code: `
import { SNSClient as Sns, PublishCommand as Publish } from '@aws-sdk/client-sns';
import { model, Schema } from 'mongoose';
const OrderModel = model('Order', new Schema({ id: String }));
const sns = new Sns({});
export async function placeOrder(id: string) {
  await OrderModel.create({ id });
  await sns.send(new Publish({ TopicArn: 'arn:orders', Message: id }));
}
`,
      errors: [{ messageId: 'dualWrite', line: 8, column: 9, data: { publish: '`sns.send`', broker: 'SNS', write: '`OrderModel.create`', database: 'MongoDB' } }],
    },
    {
      name: 'SQS command held in a variable, after a Knex insert',
      code: `
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { knex } from 'knex';
const db = knex({ client: 'pg' });
const sqs = new SQSClient({});
export async function placeOrder(id: string) {
  await db('orders').insert({ id });
  const command = new SendMessageCommand({ QueueUrl: 'q', MessageBody: id });
  await sqs.send(command);
}
`,
      errors: [{ messageId: 'dualWrite', line: 9, column: 9, data: { publish: '`sqs.send`', broker: 'SQS', write: '`db(…).insert`', database: 'Knex' } }],
    },
    {
      name: 'EventBridge after a Drizzle insert',
      code: `
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { drizzle } from 'drizzle-orm/node-postgres';
import { pgTable, text } from 'drizzle-orm/pg-core';
const orders = pgTable('orders', { id: text('id').primaryKey() });
const db = drizzle(process.env.DATABASE_URL ?? '');
const events = new EventBridgeClient({});
export async function placeOrder(id: string) {
  await db.insert(orders).values({ id });
  await events.send(new PutEventsCommand({ Entries: [{ DetailType: 'OrderPlaced', Detail: id, Source: 'orders' }] }));
}
`,
      errors: [{ messageId: 'dualWrite', line: 10, column: 9, data: { publish: '`events.send`', broker: 'EventBridge', write: '`db.insert`', database: 'Drizzle' } }],
    },
    {
      name: 'Kinesis after a Sequelize model create',
      code: `
import { KinesisClient, PutRecordCommand } from '@aws-sdk/client-kinesis';
import { Model } from 'sequelize';
class OrderRow extends Model {}
const kinesis = new KinesisClient({});
export async function placeOrder(id: string) {
  await OrderRow.create({ id });
  await kinesis.send(new PutRecordCommand({ StreamName: 'orders', PartitionKey: id, Data: Buffer.from(id) }));
}
`,
      errors: [{ messageId: 'dualWrite', line: 8, column: 9, data: { publish: '`kinesis.send`', broker: 'Kinesis', write: '`OrderRow.create`', database: 'Sequelize' } }],
    },
    {
      name: 'Google Pub/Sub after a Prisma create',
      code: `
import { PubSub } from '@google-cloud/pubsub';
import { PrismaClient } from './prisma/client.js';
const prisma = new PrismaClient();
const topic = new PubSub().topic('orders');
export async function placeOrder(id: string) {
  await prisma.order.create({ data: { id, total: 1, status: 'placed' } });
  await topic.publishMessage({ json: { id } });
}
`,
      errors: [{ messageId: 'dualWrite', line: 8, column: 9, data: { publish: '`topic.publishMessage`', broker: 'Pub/Sub', write: '`order.create`', database: 'Prisma' } }],
    },
    {
      name: 'NATS after a DynamoDB document put',
      code: `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { NatsConnection } from 'nats';
const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export async function placeOrder(nc: NatsConnection, id: string) {
  await ddb.send(new PutCommand({ TableName: 'orders', Item: { id } }));
  nc.publish('orders.placed', new TextEncoder().encode(id));
}
`,
      errors: [{ messageId: 'dualWrite', line: 8, column: 3, data: { publish: '`nc.publish`', broker: 'NATS', write: '`ddb.send`', database: 'DynamoDB' } }],
    },
    {
      name: 'NATS Streaming through the abstract generic Publisher<T> base class in another file',
      code: `
import type { Stan } from 'node-nats-streaming';
import { OrderRepository, TicketCreatedPublisher } from './lib/index.js';
export async function createTicket(stan: Stan, repo: OrderRepository, id: string) {
  await repo.insert(id, 20);
  await new TicketCreatedPublisher(stan).publish({ id, title: 'concert', price: 20 });
}
`,
      errors: [
        {
          messageId: 'dualWrite',
          line: 6,
          column: 9,
          data: { publish: '`new TicketCreatedPublisher(…).publish` (via `client.publish`)', broker: 'NATS Streaming', write: '`repo.insert` (via `db.query`)', database: 'PostgreSQL' },
        },
      ],
    },
    {
      name: 'NestJS ClientProxy.emit after a TypeORM save, in an injectable service',
      code: `
import { Inject, Injectable } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import type { Repository } from 'typeorm';
class Order { id!: string; }
@Injectable()
export class OrdersService {
  constructor(@Inject('ORDERS') private readonly client: ClientProxy, private readonly repo: Repository<Order>) {}
  async place(id: string) {
    await this.repo.save({ id });
    this.client.emit('order_placed', { id });
  }
}
`,
      errors: [{ messageId: 'dualWrite', line: 11, column: 5, data: { publish: '`client.emit`', broker: 'NestJS microservice transport', write: '`repo.save`', database: 'TypeORM' } }],
    },
    {
      name: 'Redis PUBLISH after a mysql2 INSERT',
      code: `
import { Redis } from 'ioredis';
import mysql from 'mysql2/promise';
const redis = new Redis();
export async function placeOrder(id: string) {
  const connection = await mysql.createConnection({});
  await connection.execute('INSERT INTO orders (id) VALUES (?)', [id]);
  await redis.publish('orders', id);
}
`,
      errors: [{ messageId: 'dualWrite', line: 8, column: 9, data: { publish: '`redis.publish`', broker: 'Redis', write: '`connection.execute`', database: 'MySQL' } }],
    },
    {
      name: 'BullMQ job enqueued after a pg UPDATE held in a const',
      code: `
import { Queue } from 'bullmq';
import { Pool } from 'pg';
const pool = new Pool();
const emails = new Queue('emails');
const MARK_PAID = 'UPDATE orders SET status = $2 WHERE id = $1';
export async function markPaid(id: string) {
  await pool.query(MARK_PAID, [id, 'paid']);
  await emails.add('receipt', { id });
}
`,
      errors: [{ messageId: 'dualWrite', line: 9, column: 9, data: { publish: '`emails.add`', broker: 'BullMQ', write: '`pool.query`', database: 'PostgreSQL' } }],
    },
    {
      name: 'wrappers in other files, through a barrel and a renamed re-export',
      code: `
import { orderPlaced, OrderRepository } from './lib/index.js';
export async function placeOrder(repo: OrderRepository, id: string) {
  await repo.insert(id, 10);
  await orderPlaced(id);
}
`,
      errors: [
        {
          messageId: 'dualWrite',
          line: 5,
          column: 9,
          data: { publish: '`orderPlaced` (via `emitOrderEvent` → `producer.send`)', broker: 'Kafka', write: '`repo.insert` (via `db.query`)', database: 'PostgreSQL' },
        },
      ],
    },
    {
      name: 'wrappers an import renames: an anonymous default export, object-literal methods and properties',
      code: `
import announceOrder from './lib/default-publisher.js';
import { orderEvents as events } from './lib/default-publisher.js';
import { OrderRepository } from './lib/index.js';
export async function placeOrder(repo: OrderRepository, id: string) {
  await repo.insert(id, 10);
  await announceOrder('OrderPlaced', id);
}
export async function cancelOrder(repo: OrderRepository, id: string) {
  await repo.insert(id, 0);
  await events.placed(id);
  await events.cancelled(id);
}
`,
      errors: [
        { messageId: 'dualWrite', line: 7, column: 9, data: { publish: '`announceOrder` (via `producer.send`)', broker: 'Kafka', write: '`repo.insert` (via `db.query`)', database: 'PostgreSQL' } },
        { messageId: 'dualWrite', line: 11, column: 9, data: { publish: '`events.placed` (via `producer.send`)', broker: 'Kafka', write: '`repo.insert` (via `db.query`)', database: 'PostgreSQL' } },
        { messageId: 'dualWrite', line: 12, column: 9, data: { publish: '`events.cancelled` (via `producer.send`)', broker: 'Kafka', write: '`repo.insert` (via `db.query`)', database: 'PostgreSQL' } },
      ],
    },
    {
      name: 'a publish inside an immediately invoked function after a write',
      code: `
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
const pool = new Pool();
const producer = new Kafka({ brokers: [] }).producer();
export async function placeOrder(id: string) {
  await pool.query('INSERT INTO orders (id) VALUES ($1)', [id]);
  await (async () => {
    await producer.send({ topic: 'orders', messages: [{ value: id }] });
  })();
}
`,
      errors: [{ messageId: 'dualWrite', line: 8, column: 9, data: { publish: '`(async () => …)` (via `producer.send`)', broker: 'Kafka', write: '`pool.query`', database: 'PostgreSQL' } }],
    },
    {
      name: 'publish inside an open pg transaction',
      code: `
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
const pool = new Pool();
const producer = new Kafka({ brokers: [] }).producer();
export async function placeOrder(id: string) {
  const client = await pool.connect();
  await client.query('BEGIN');
  await client.query('INSERT INTO orders (id) VALUES ($1)', [id]);
  await producer.send({ topic: 'orders', messages: [{ value: id }] });
  await client.query('COMMIT');
}
`,
      errors: [{ messageId: 'publishInTransaction', line: 10, column: 9 }],
    },
    {
      name: 'publish inside a Prisma transaction callback',
      code: `
import { Kafka } from 'kafkajs';
import { PrismaClient } from './prisma/client.js';
const prisma = new PrismaClient();
const producer = new Kafka({ brokers: [] }).producer();
export async function placeOrder(id: string) {
  await prisma.$transaction(async (tx) => {
    await tx.order.create({ data: { id, total: 1, status: 'placed' } });
    await producer.send({ topic: 'orders', messages: [{ value: id }] });
  });
}
`,
      errors: [{ messageId: 'publishInTransaction', line: 9, column: 11, data: { publish: '`producer.send`', broker: 'Kafka', database: 'Prisma', scope: ' of `prisma.$transaction`' } }],
    },
    {
      name: 'publish after a pg COMMIT',
      code: `
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
const pool = new Pool();
const producer = new Kafka({ brokers: [] }).producer();
export async function placeOrder(id: string) {
  const client = await pool.connect();
  await client.query('BEGIN');
  await client.query('INSERT INTO orders (id) VALUES ($1)', [id]);
  await client.query('COMMIT');
  await producer.send({ topic: 'orders', messages: [{ value: id }] });
}
`,
      errors: [{ messageId: 'publishAfterCommit', line: 11, column: 9 }],
    },
    {
      name: 'publish after a TypeORM transaction callback committed',
      code: `
import type { Channel } from 'amqplib';
import type { DataSource } from 'typeorm';
class Order { id!: string; }
export async function placeOrder(dataSource: DataSource, channel: Channel, id: string) {
  await dataSource.transaction(async (manager) => {
    await manager.save(Order, { id });
  });
  channel.sendToQueue('orders', Buffer.from(id));
}
`,
      errors: [{ messageId: 'publishAfterCommit', line: 9, column: 3, data: { publish: '`channel.sendToQueue`', broker: 'RabbitMQ', database: 'TypeORM' } }],
    },
    {
      name: 'publish in finally, which also runs when the write failed',
      code: `
import { emitOrderEvent, OrderRepository } from './lib/index.js';
export async function placeOrder(repo: OrderRepository, id: string) {
  try {
    await repo.insert(id, 10);
  } finally {
    await emitOrderEvent('OrderPlaced', id);
  }
}
`,
      errors: [{ messageId: 'publishInFinally', line: 7, column: 11 }],
    },
    {
      name: 'publish before the write it announces',
      code: `
import { Kafka } from 'kafkajs';
import { OrderRepository } from './lib/index.js';
const producer = new Kafka({ brokers: [] }).producer();
export async function placeOrder(repo: OrderRepository, id: string) {
  await producer.send({ topic: 'orders', messages: [{ value: id }] });
  await repo.insert(id, 10);
}
`,
      errors: [{ messageId: 'publishBeforeWrite', line: 6, column: 9 }],
    },
    {
      name: 'writes made in an inline callback count on the outer path',
      code: `
import { Kafka } from 'kafkajs';
import { OrderRepository } from './lib/index.js';
const producer = new Kafka({ brokers: [] }).producer();
export async function placeAll(repo: OrderRepository, ids: string[]) {
  await Promise.all(ids.map((id) => repo.insert(id, 1)));
  await producer.send({ topic: 'orders', messages: ids.map((id) => ({ value: id })) });
}
`,
      errors: [{ messageId: 'dualWrite', line: 7, column: 9 }],
    },
    {
      name: 'a publish inside a callback runs after the write before it',
      code: `
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
const pool = new Pool();
const producer = new Kafka({ brokers: [] }).producer();
export async function placeAll(ids: string[]) {
  await pool.query('INSERT INTO orders (id) SELECT unnest($1::text[])', [ids]);
  await Promise.all(ids.map((id) => producer.send({ topic: 'orders', messages: [{ value: id }] })));
}
`,
      errors: [{ messageId: 'dualWrite', line: 8, column: 37 }],
    },
    {
      name: 'a wrapper named in settings stands for a client typed any',
      code: `
import { Pool } from 'pg';
declare const bus: any;
const pool = new Pool();
function publishToBus(event: unknown): void {
  bus.publish(event);
}
export async function placeOrder(id: string) {
  await pool.query('INSERT INTO orders (id) VALUES ($1)', [id]);
  publishToBus({ type: 'OrderPlaced', id });
}
`,
      settings: { 'event-driven': { publishers: [{ from: 'file', name: 'publishToBus' }] } },
      errors: [{ messageId: 'dualWrite', line: 10, column: 3, data: { publish: '`publishToBus`', broker: 'a broker (settings)', write: '`pool.query`', database: 'PostgreSQL' } }],
    },
  ],
});
