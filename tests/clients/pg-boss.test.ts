// pg-boss: jobs sent beside a write, jobs sent through the caller's transaction, workers.
import idempotentConsumer from '../../rules/idempotent-consumer.js';
import noDualWrite from '../../rules/no-dual-write.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();
const setup = `
import PgBoss from 'pg-boss';
import { Pool, type PoolClient } from 'pg';
const pool = new Pool();
const boss = new PgBoss('postgres://db/reports');
`;

ruleTester.run('no-dual-write (pg-boss)', noDualWrite, {
  valid: [
    {
      name: 'the job is inserted through the caller connection, inside its transaction',
      code: `${setup}
export async function requestReport(client: PoolClient, id: string) {
  await client.query('BEGIN');
  await client.query('INSERT INTO reports (id) VALUES ($1)', [id]);
  await boss.send('render-report', { id }, { db: { executeSql: (text: string, values: unknown[]) => client.query(text, values) } });
  await client.query('COMMIT');
}
`,
    },
  ],
  invalid: [
    {
      name: 'a report row written, then a job sent on the queue own connection',
      code: `${setup}
export async function requestReport(id: string) {
  await pool.query('INSERT INTO reports (id) VALUES ($1)', [id]);
  await boss.send('render-report', { id });
}
`,
      errors: [{ messageId: 'dualWrite', line: 9, data: { publish: '`boss.send`', broker: 'pg-boss', write: '`pool.query`', database: 'PostgreSQL' } }],
    },
  ],
});

ruleTester.run('idempotent-consumer (pg-boss)', idempotentConsumer, {
  valid: [
    {
      name: 'the worker sends the follow-up job with a singletonKey',
      code: `${setup}
export async function start() {
  await boss.work<{ id: string }>('render-report', async ([job]) => {
    if (job === undefined) return;
    await boss.send('email-report', { id: job.data.id }, { singletonKey: job.data.id });
  });
}
`,
    },
  ],
  invalid: [
    {
      name: 'the worker fans out a job without a singletonKey',
      code: `${setup}
export async function start() {
  await boss.work<{ id: string }>('render-report', { batchSize: 1 }, async ([job]) => {
    if (job === undefined) return;
    await boss.send('email-report', { id: job.data.id });
  });
}
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 10 }],
    },
  ],
});
