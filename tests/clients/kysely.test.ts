// Kysely: writes run at execute(); transaction().execute(cb) with its own handle; conflict clauses before execute.
import idempotentConsumer from '../../rules/idempotent-consumer.js';
import noDualWrite from '../../rules/no-dual-write.js';
import noWriteOutsideTransaction from '../../rules/no-write-outside-transaction.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();
const setup = `
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { Kafka } from 'kafkajs';
interface Database {
  subscriptions: { id: string; plan: string; seats: number };
  outbox: { id: string; topic: string; body: string };
  processed_events: { event_id: string };
}
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new Pool() }) });
const kafka = new Kafka({ brokers: ['kafka:9092'] });
const producer = kafka.producer();
`;

ruleTester.run('no-dual-write (kysely)', noDualWrite, {
  valid: [
    {
      name: 'the subscription and its outbox row in one transaction',
      code: `${setup}
export async function subscribe(id: string, plan: string) {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('subscriptions').values({ id, plan, seats: 1 }).execute();
    await trx.insertInto('outbox').values({ id, topic: 'billing', body: plan }).execute();
  });
}
`,
    },
    {
      name: 'a select before the publish is not a write',
      code: `${setup}
export async function announce(id: string) {
  const row = await db.selectFrom('subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
  await producer.send({ topic: 'billing', messages: [{ value: JSON.stringify(row) }] });
}
`,
    },
  ],
  invalid: [
    {
      name: 'an update executed, then the event sent',
      code: `${setup}
export async function changePlan(id: string, plan: string) {
  await db.updateTable('subscriptions').set({ plan }).where('id', '=', id).execute();
  await producer.send({ topic: 'billing', messages: [{ value: JSON.stringify({ type: 'PlanChanged', id, plan }) }] });
}
`,
      errors: [{ messageId: 'dualWrite', line: 16, data: { publish: '`producer.send`', broker: 'Kafka', write: '`db.updateTable(…).set(…).where(…).execute`', database: 'Kysely' } }],
    },
  ],
});

ruleTester.run('no-write-outside-transaction (kysely)', noWriteOutsideTransaction, {
  valid: [],
  invalid: [
    {
      name: 'the root db used inside the transaction callback',
      code: `${setup}
export async function addSeat(id: string) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('subscriptions').set({ plan: 'team' }).where('id', '=', id).execute();
    await db.deleteFrom('outbox').where('id', '=', id).execute();
  });
}
`,
      errors: [{ messageId: 'writeOutsideTransaction', line: 17 }],
    },
  ],
});

ruleTester.run('idempotent-consumer (kysely)', idempotentConsumer, {
  valid: [
    {
      name: 'an insert with onConflict doNothing before execute',
      code: `${setup}
const consumer = kafka.consumer({ groupId: 'seats' });
export async function start() {
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(String(message.value)) as { id: string };
      await db.insertInto('processed_events').values({ event_id: event.id }).onConflict((oc) => oc.column('event_id').doNothing()).execute();
    },
  });
}
`,
    },
  ],
  invalid: [
    {
      name: 'an insert without conflict handling per delivery',
      code: `${setup}
const consumer = kafka.consumer({ groupId: 'seats' });
export async function start() {
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(String(message.value)) as { plan: string };
      await db.insertInto('subscriptions').values({ id: crypto.randomUUID(), plan: event.plan, seats: 1 }).execute();
    },
  });
}
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 19 }],
    },
  ],
});
