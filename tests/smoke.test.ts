import rule from '../rules/no-dual-write.js';
import { createTypedRuleTester } from './rule-tester.js';

createTypedRuleTester().run('no-dual-write', rule, {
  valid: [],
  invalid: [
    {
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
      errors: [{ messageId: 'dualWrite' }],
    },
  ],
});
