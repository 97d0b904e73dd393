// no-dual-write on the shapes real repositories use: event libraries imported rather than written
// (seen only as `.d.ts`, or as TypeScript sources through node_modules), NestJS `send`, and
// transaction wrappers the project writes itself.
import rule from '../../rules/no-dual-write.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('no-dual-write (library and wrapper shapes)', rule, {
  valid: [
    {
      name: 'a declaration-only class with a publish method but no broker client is not a publish',
      code: `
import { AuditTrail } from '@fixture/events-dts';
import { Pool } from 'pg';
const pool = new Pool();
export async function close(audit: AuditTrail, id: string) {
  await pool.query('UPDATE invoices SET status = $1 WHERE id = $2', ['closed', id]);
  audit.publish('invoice closed');
}
`,
    },
    {
      name: 'a declaration-only bus: a method that is not publish-like is not a publish',
      code: `
import { DomainEventBus } from '@fixture/events-dts';
import { Pool } from 'pg';
const pool = new Pool();
export async function shutdown(bus: DomainEventBus, id: string) {
  await pool.query('DELETE FROM sessions WHERE id = $1', [id]);
  await bus.close();
}
`,
    },
    {
      name: 'the outbox row written through the handle of a project Prisma wrapper',
      code: `
import { PrismaClient } from './prisma/client.js';
import { createUnitOfWork } from './lib/transactions.js';
const prisma = new PrismaClient();
export async function placeOrder(id: string) {
  const unitOfWork = createUnitOfWork(prisma);
  await unitOfWork.run(async (tx) => {
    await tx.order.create({ data: { id, total: 3, status: 'placed' } });
    await tx.outboxEvent.create({ data: { id, type: 'OrderPlaced', payload: '{}' } });
  });
}
`,
    },
    {
      name: 'a file that imports a test framework is skipped: its fixtures write and publish on purpose',
      code: `
import { it } from 'vitest';
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
const pool = new Pool();
const producer = new Kafka({ brokers: [] }).producer();
it('relays the order', async () => {
  await pool.query('INSERT INTO orders (id) VALUES ($1)', ['o1']);
  await producer.send({ topic: 'orders', messages: [{ value: 'o1' }] });
});
`,
    },
    {
      name: 'route handlers registered one after another are separate paths; a job scheduled before a write is ordinary sequencing',
      code: `
import Queue from 'bull';
import { Pool } from 'pg';
const pool = new Pool();
const emails = new Queue<{ to: string }>('emails');
declare const router: { post(path: string, handler: (body: { id: string; email: string }) => Promise<void>): void };
router.post('/users', async (body) => {
  await pool.query('INSERT INTO users (id) VALUES ($1)', [body.id]);
});
router.post('/invites', async (body) => {
  await emails.add({ to: body.email }, { jobId: \`invite:\${body.id}\` });
  await pool.query('UPDATE users SET invited_at = now() WHERE id = $1', [body.id]);
});
`,
    },
    {
      name: 'functions that only register handlers neither write nor publish when called',
      code: `
import Queue from 'bull';
import { Pool } from 'pg';
const pool = new Pool();
const emails = new Queue<{ to: string }>('emails');
interface Router { post(path: string, handler: (body: { id: string }) => Promise<void>): void }
function userRoutes(router: Router) {
  router.post('/users', async (body) => {
    await pool.query('INSERT INTO users (id) VALUES ($1)', [body.id]);
  });
}
function inviteRoutes(router: Router) {
  router.post('/invites', async (body) => {
    await emails.add({ to: body.id }, { jobId: body.id });
  });
}
export function mount(router: Router) {
  userRoutes(router);
  inviteRoutes(router);
}
`,
    },
    {
      name: 'checkJobQueues: false leaves job queues out',
      options: [{ checkJobQueues: false }],
      code: `
import Queue from 'bull';
import { Pool } from 'pg';
const pool = new Pool();
const avatars = new Queue<{ userId: string }>('avatars');
export async function signUp(id: string) {
  await pool.query('INSERT INTO users (id) VALUES ($1)', [id]);
  await avatars.add({ userId: id });
}
`,
    },
    {
      name: 'NestJS send with no write on the path',
      code: `
import { ClientProxy } from '@nestjs/microservices';
export function lookUp(client: ClientProxy, id: string) {
  return client.send('inventory.lookup', { id });
}
`,
    },
  ],
  invalid: [
    {
      name: 'a subclass of a declaration-only NATS Streaming Publisher, after a Mongoose save',
      code: `
import { Publisher, Subjects } from '@fixture/events-dts';
import type { Stan } from 'node-nats-streaming';
import { model, Schema } from 'mongoose';
const Invoice = model('Invoice', new Schema({ total: Number }));
class InvoiceIssuedPublisher extends Publisher<{ subject: Subjects.InvoiceIssued; data: { id: string } }> {
  subject = Subjects.InvoiceIssued as const;
}
export async function issue(stan: Stan, total: number) {
  const invoice = new Invoice({ total });
  await invoice.save();
  await new InvoiceIssuedPublisher(stan).publish({ id: String(invoice._id) });
}
`,
      errors: [
        {
          messageId: 'dualWrite',
          line: 12,
          column: 9,
          data: { publish: '`new InvoiceIssuedPublisher(…).publish` (via `Publisher.publish (declared types)`)', broker: 'NATS Streaming', write: '`invoice.save`', database: 'MongoDB' },
        },
      ],
    },
    {
      name: 'a declaration-only Kafka bus held through a constructor parameter property, after a pg insert',
      code: `
import { DomainEventBus } from '@fixture/events-dts';
import { Pool } from 'pg';
const pool = new Pool();
export class Enrolment {
  constructor(private readonly bus: DomainEventBus) {}
  async enrol(studentId: string) {
    await pool.query('INSERT INTO enrolments (student_id) VALUES ($1)', [studentId]);
    await this.bus.emitEvent('StudentEnrolled', { studentId });
  }
}
`,
      errors: [
        {
          messageId: 'dualWrite',
          line: 9,
          column: 11,
          data: { publish: '`bus.emitEvent` (via `DomainEventBus.emitEvent (declared types)`)', broker: 'Kafka', write: '`pool.query`', database: 'PostgreSQL' },
        },
      ],
    },
    {
      name: 'a declaration-only SNS notifier held through an accessor, after a Prisma update',
      code: `
import { Notifier } from '@fixture/events-dts';
import { PrismaClient } from './prisma/client.js';
const prisma = new PrismaClient();
export async function ship(notifier: Notifier, id: string) {
  await prisma.order.update({ where: { id }, data: { status: 'shipped' } });
  await notifier.sendNotification('arn:aws:sns:eu-west-1:1:orders', id);
}
`,
      errors: [
        {
          messageId: 'dualWrite',
          line: 7,
          column: 9,
          data: { publish: '`notifier.sendNotification` (via `Notifier.sendNotification (declared types)`)', broker: 'SNS', write: '`order.update`', database: 'Prisma' },
        },
      ],
    },
    {
      name: 'a workspace package consumed as TypeScript source is followed like project code',
      code: `
import { ShipmentPublisher } from '@fixture/workspace-events';
import type { Channel } from 'amqplib';
import { Pool } from 'pg';
const pool = new Pool();
export async function dispatch(channel: Channel, shipmentId: string) {
  await pool.query('UPDATE shipments SET dispatched_at = now() WHERE id = $1', [shipmentId]);
  new ShipmentPublisher(channel).announce(shipmentId);
}
`,
      errors: [
        {
          messageId: 'dualWrite',
          line: 8,
          column: 3,
          data: { publish: '`new ShipmentPublisher(…).announce` (via `channel.publish`)', broker: 'RabbitMQ', write: '`pool.query`', database: 'PostgreSQL' },
        },
      ],
    },
    {
      name: 'NestJS ClientProxy.send puts the event on the broker like emit',
      code: `
import { ClientProxy } from '@nestjs/microservices';
import { model, Schema } from 'mongoose';
const Ticket = model('Ticket', new Schema({ title: String }));
export async function create(client: ClientProxy, title: string) {
  const ticket = await Ticket.create({ title });
  return client.send('ticket.created', { id: String(ticket._id), title });
}
`,
      errors: [
        {
          messageId: 'dualWrite',
          line: 7,
          column: 10,
          data: { publish: '`client.send`', broker: 'NestJS microservice transport', write: '`Ticket.create`', database: 'MongoDB' },
        },
      ],
    },
    {
      name: 'a project wrapper around session.withTransaction, in another module',
      code: `
import type { Connection } from 'mongoose';
import { model, Schema } from 'mongoose';
import { Kafka } from 'kafkajs';
import { withMongoTransaction } from './lib/transactions.js';
const Booking = model('Booking', new Schema({ room: String }));
const producer = new Kafka({ brokers: [] }).producer();
export async function book(connection: Connection, room: string) {
  await withMongoTransaction(connection, async (session) => {
    await Booking.create([{ room }], { session });
    await producer.send({ topic: 'bookings', messages: [{ value: room }] });
  });
}
`,
      errors: [{ messageId: 'publishInTransaction', line: 11, column: 11, data: { publish: '`producer.send`', broker: 'Kafka', database: 'MongoDB', scope: ' of `withMongoTransaction`' } }],
    },
    {
      name: 'a wrapper returned by a factory, running the callback in a Prisma transaction',
      code: `
import { PubSub } from '@google-cloud/pubsub';
import { PrismaClient } from './prisma/client.js';
import { createUnitOfWork } from './lib/transactions.js';
const prisma = new PrismaClient();
const topic = new PubSub().topic('orders');
export async function cancel(id: string) {
  const unitOfWork = createUnitOfWork(prisma);
  await unitOfWork.run(async (tx) => {
    await tx.order.update({ where: { id }, data: { status: 'cancelled' } });
    await topic.publishMessage({ json: { id } });
  });
}
`,
      errors: [{ messageId: 'publishInTransaction', line: 11, column: 11, data: { publish: '`topic.publishMessage`', broker: 'Pub/Sub', database: 'Prisma', scope: ' of `unitOfWork.run`' } }],
    },
    {
      name: 'a class method that runs the callback between BEGIN and COMMIT, and a wrapper of a wrapper',
      code: `
import type { Connection } from 'mongoose';
import { Pool } from 'pg';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
import { PgTransactions, transactional } from './lib/transactions.js';
const sns = new SNSClient({});
const transactions = new PgTransactions(new Pool());
export async function refund(id: string) {
  await transactions.inTransaction(async (client) => {
    await client.query('UPDATE payments SET refunded = true WHERE id = $1', [id]);
    await sns.send(new PublishCommand({ TopicArn: 'arn:aws:sns:eu-west-1:1:payments', Message: id }));
  });
}
export async function archive(connection: Connection, id: string) {
  await transactional(connection, async () => {
    await sns.send(new PublishCommand({ TopicArn: 'arn:aws:sns:eu-west-1:1:archive', Message: id }));
  });
}
`,
      errors: [
        { messageId: 'publishInTransaction', line: 11, column: 11, data: { publish: '`sns.send`', broker: 'SNS', database: 'PostgreSQL', scope: ' of `transactions.inTransaction`' } },
        { messageId: 'publishInTransaction', line: 16, column: 11, data: { publish: '`sns.send`', broker: 'SNS', database: 'MongoDB', scope: ' of `transactional`' } },
      ],
    },
    {
      name: 'a function that writes then publishes is reported inside, once, not again at each of its callers',
      code: `
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
const pool = new Pool();
const producer = new Kafka({ brokers: [] }).producer();
async function recordDelivery(id: string) {
  await pool.query('INSERT INTO deliveries (id) VALUES ($1)', [id]);
  await producer.send({ topic: 'deliveries', messages: [{ value: id }] });
}
export async function deliverA(id: string) {
  await recordDelivery(id);
}
export async function deliverB(id: string) {
  if (id === '') return;
  await recordDelivery(id);
  await recordDelivery(\`\${id}-copy\`);
}
export async function deliverC(id: string) {
  await pool.query('UPDATE subscriptions SET last_delivery = now() WHERE id = $1', [id]);
  await recordDelivery(id);
}
`,
      errors: [
        { messageId: 'dualWrite', line: 8, column: 9, data: { publish: '`producer.send`', broker: 'Kafka', write: '`pool.query`', database: 'PostgreSQL' } },
        {
          messageId: 'dualWrite',
          line: 20,
          column: 9,
          data: { publish: '`recordDelivery` (via `producer.send`)', broker: 'Kafka', write: '`pool.query`', database: 'PostgreSQL' },
        },
      ],
    },
    {
      name: 'two calls that each write and publish inside are reported inside, not again as a pair at the second call',
      code: `
import Queue from 'bull';
import { Pool } from 'pg';
const pool = new Pool();
const events = new Queue<{ id: string; state: string }>('events');
export class Export {
  async run(id: string) {
    await this.setState(id, 'started');
    await this.setState(id, 'finished');
  }
  private async setState(id: string, state: string) {
    await pool.query('UPDATE exports SET state = $1 WHERE id = $2', [state, id]);
    await events.add({ id, state }, { jobId: \`\${id}:\${state}\` });
  }
}
`,
      errors: [{ messageId: 'dualWrite', line: 13, column: 11, data: { publish: '`events.add`', broker: 'Bull', write: '`pool.query`', database: 'PostgreSQL' } }],
    },
    {
      name: 'a Bull job scheduled after a write, and one scheduled inside an open transaction',
      code: `
import Queue from 'bull';
import { Pool } from 'pg';
import type { Sequelize } from 'sequelize';
const pool = new Pool();
const avatars = new Queue<{ userId: string }>('avatars');
export async function signUp(id: string, sequelize: Sequelize) {
  await pool.query('INSERT INTO users (id) VALUES ($1)', [id]);
  await avatars.add({ userId: id });
  await sequelize.transaction(async () => {
    await avatars.add({ userId: id }, { delay: 1000 });
  });
}
`,
      errors: [
        { messageId: 'dualWrite', line: 9, column: 9, data: { publish: '`avatars.add`', broker: 'Bull', write: '`pool.query`', database: 'PostgreSQL' } },
        { messageId: 'publishInTransaction', line: 11, column: 11, data: { publish: '`avatars.add`', broker: 'Bull', database: 'Sequelize', scope: ' of `sequelize.transaction`' } },
      ],
    },
    {
      name: 'checkTestFiles lints files that import a test framework',
      settings: { 'event-driven': { checkTestFiles: true } },
      code: `
import { it } from 'vitest';
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
const pool = new Pool();
const producer = new Kafka({ brokers: [] }).producer();
it('relays the order', async () => {
  await pool.query('INSERT INTO orders (id) VALUES ($1)', ['o1']);
  await producer.send({ topic: 'orders', messages: [{ value: 'o1' }] });
});
`,
      errors: [{ messageId: 'dualWrite', line: 9, column: 9, data: { publish: '`producer.send`', broker: 'Kafka', write: '`pool.query`', database: 'PostgreSQL' } }],
    },
    {
      name: 'a @Transactional() method and runInTransaction from typeorm-transactional are transactions',
      code: `
import { Transactional, runInTransaction } from 'typeorm-transactional';
import type { Repository } from 'typeorm';
import type { ClientProxy } from '@nestjs/microservices';
class Seat { id!: string; held!: boolean; }
export class SeatService {
  constructor(private readonly seats: Repository<Seat>, private readonly client: ClientProxy) {}
  @Transactional()
  async hold(id: string) {
    await this.seats.update({ id }, { held: true });
    this.client.emit('seat.held', { id });
  }
  async release(id: string) {
    await runInTransaction(async () => {
      await this.seats.update({ id }, { held: false });
      this.client.emit('seat.released', { id });
    });
  }
}
`,
      errors: [
        { messageId: 'publishInTransaction', line: 11, column: 5, data: { publish: '`client.emit`', broker: 'NestJS microservice transport', database: 'TypeORM', scope: ' of `@Transactional()`' } },
        { messageId: 'publishInTransaction', line: 16, column: 7, data: { publish: '`client.emit`', broker: 'NestJS microservice transport', database: 'TypeORM', scope: ' of `runInTransaction`' } },
      ],
    },
    {
      name: 'a wrapper that only retries is not a transaction: a plain dual write inside its callback',
      code: `
import { Pool } from 'pg';
import { Kafka } from 'kafkajs';
import { withRetry } from './lib/transactions.js';
const pool = new Pool();
const producer = new Kafka({ brokers: [] }).producer();
export async function confirm(id: string) {
  await withRetry(async () => {
    await pool.query('UPDATE orders SET confirmed = true WHERE id = $1', [id]);
    await producer.send({ topic: 'orders', messages: [{ value: id }] });
  });
}
`,
      errors: [{ messageId: 'dualWrite', line: 10, column: 11, data: { publish: '`producer.send`', broker: 'Kafka', write: '`pool.query`', database: 'PostgreSQL' } }],
    },
  ],
});
