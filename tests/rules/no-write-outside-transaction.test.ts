// no-write-outside-transaction: inside a transaction callback, a write through the root client
// commits on its own. Split out of no-dual-write: it is a broken transaction, not a dual write.
import rule from '../../rules/no-write-outside-transaction.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('no-write-outside-transaction', rule, {
  valid: [
    {
      name: 'writes through the handle, with the handle passed as an option, and through a local derived from it',
      code: `
import type { DataSource } from 'typeorm';
import type { Knex } from 'knex';
import { PrismaClient } from './prisma/client.js';
const prisma = new PrismaClient();
class Order { id!: string; }
export async function place(id: string, dataSource: DataSource, knex: Knex) {
  await prisma.$transaction(async (tx) => {
    await tx.order.create({ data: { id, total: 1, status: 'placed' } });
  });
  await dataSource.transaction(async (manager) => {
    const orders = manager.getRepository(Order);
    await orders.save({ id });
  });
  await knex.transaction(async (trx) => {
    await knex('orders').insert({ id }).transacting(trx);
  });
}
`,
    },
    {
      name: 'Mongo and Sequelize transactions are joined through an option or continuation-local storage: not judged by the handle',
      code: `
import { model, Schema, type Connection } from 'mongoose';
const Order = model('Order', new Schema({ id: String }));
export async function place(connection: Connection, id: string) {
  await connection.transaction(async () => {
    await Order.create([{ id }]);
  });
}
`,
    },
    {
      name: 'a write through another client than the one that opened the transaction is another system',
      code: `
import { Pool } from 'pg';
import { PrismaClient } from './prisma/client.js';
const prisma = new PrismaClient();
const pool = new Pool();
export async function place(id: string) {
  await prisma.$transaction(async (tx) => {
    await tx.order.create({ data: { id, total: 1, status: 'placed' } });
    await pool.query('INSERT INTO audit (id) VALUES ($1)', [id]);
  });
}
`,
    },
  ],
  invalid: [
    {
      name: 'the outbox row written through the root Prisma client is not in the transaction',
      code: `
import { PrismaClient } from './prisma/client.js';
const prisma = new PrismaClient();
export async function placeOrder(id: string) {
  await prisma.$transaction(async (tx) => {
    await tx.order.create({ data: { id, total: 1, status: 'placed' } });
    await prisma.outboxEvent.create({ data: { id, type: 'OrderPlaced', payload: '{}' } });
  });
}
`,
      errors: [
        {
          messageId: 'writeOutsideTransaction',
          line: 7,
          column: 11,
          data: { write: '`outboxEvent.create`', root: 'prisma', handle: 'tx', transaction: 'prisma.$transaction' },
          suggestions: [
            {
              messageId: 'useTransactionHandle',
              data: { handle: 'tx' },
              output: `
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
          ],
        },
      ],
    },
    {
      name: 'a write through the root client in a callback nested in the transaction callback (no publish anywhere)',
      code: `
import { PrismaClient } from './prisma/client.js';
const prisma = new PrismaClient();
export async function placeOrders(ids: string[]) {
  await prisma.$transaction(async (tx) => {
    await Promise.all(ids.map((id) => prisma.order.create({ data: { id, total: 1, status: 'placed' } })));
  });
}
`,
      errors: [
        {
          messageId: 'writeOutsideTransaction',
          line: 6,
          column: 39,
          data: { write: '`order.create`', root: 'prisma', handle: 'tx', transaction: 'prisma.$transaction' },
          suggestions: [
            {
              messageId: 'useTransactionHandle',
              data: { handle: 'tx' },
              output: `
import { PrismaClient } from './prisma/client.js';
const prisma = new PrismaClient();
export async function placeOrders(ids: string[]) {
  await prisma.$transaction(async (tx) => {
    await Promise.all(ids.map((id) => tx.order.create({ data: { id, total: 1, status: 'placed' } })));
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'an injected TypeORM repository inside dataSource.transaction is outside the transaction',
      code: `
import type { DataSource, Repository } from 'typeorm';
class Order { id!: string; }
class OutboxMessage { id!: string; }
export class OrderService {
  constructor(private readonly dataSource: DataSource, private readonly outbox: Repository<OutboxMessage>) {}
  async place(id: string) {
    await this.dataSource.transaction(async (manager) => {
      await manager.save(Order, { id });
      await this.outbox.save({ id });
    });
  }
}
`,
      errors: [{ messageId: 'writeOutsideTransaction', line: 10, column: 13, data: { write: '`outbox.save`', root: 'this', handle: 'manager', transaction: 'this.dataSource.transaction' } }],
    },
    {
      name: 'inside a project wrapper around a Prisma transaction, the root client is still outside',
      code: `
import { PrismaClient } from './prisma/client.js';
import { createUnitOfWork } from './lib/transactions.js';
const prisma = new PrismaClient();
export async function cancel(id: string) {
  await createUnitOfWork(prisma).run(async (tx) => {
    await tx.order.update({ where: { id }, data: { status: 'cancelled' } });
    await prisma.outboxEvent.create({ data: { id, type: 'OrderCancelled', payload: '{}' } });
  });
}
`,
      errors: [
        {
          messageId: 'writeOutsideTransaction',
          line: 8,
          column: 11,
          data: { write: '`outboxEvent.create`', root: 'prisma', handle: 'tx', transaction: 'createUnitOfWork(prisma).run' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a Knex insert through the root instance inside knex.transaction',
      code: `
import type { Knex } from 'knex';
export async function transfer(knex: Knex, from: string, to: string) {
  await knex.transaction(async (trx) => {
    await trx('accounts').where({ id: from }).decrement('balance', 10);
    await knex('accounts').where({ id: to }).increment('balance', 10);
  });
}
`,
      errors: [
        {
          messageId: 'writeOutsideTransaction',
          line: 6,
          column: 11,
          data: { write: '`knex(…).where(…).increment`', root: 'knex', handle: 'trx', transaction: 'knex.transaction' },
          suggestions: [
            {
              messageId: 'useTransactionHandle',
              data: { handle: 'trx' },
              output: `
import type { Knex } from 'knex';
export async function transfer(knex: Knex, from: string, to: string) {
  await knex.transaction(async (trx) => {
    await trx('accounts').where({ id: from }).decrement('balance', 10);
    await trx('accounts').where({ id: to }).increment('balance', 10);
  });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
