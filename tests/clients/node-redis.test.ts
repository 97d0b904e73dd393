// node-redis (`redis`): publishes, dedupe guards with SET NX, counters a redelivery repeats.
import idempotentConsumer from '../../rules/idempotent-consumer.js';
import noDualWrite from '../../rules/no-dual-write.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();
const setup = `
import { createClient } from 'redis';
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
const pool = new Pool();
const redis = createClient({ url: 'redis://cache' });
const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'leaderboard' });
`;

ruleTester.run('no-dual-write (redis)', noDualWrite, {
  valid: [
    {
      name: 'a cache key set after the write is not a publish',
      code: `${setup}
export async function renamePlayer(id: string, name: string) {
  await pool.query('UPDATE players SET name = $1 WHERE id = $2', [name, id]);
  await redis.set(\`player:\${id}\`, name);
}
`,
    },
  ],
  invalid: [
    {
      name: 'a score written, then published on a Redis channel',
      code: `${setup}
export async function recordScore(id: string, score: number) {
  await pool.query('UPDATE players SET score = $1 WHERE id = $2', [score, id]);
  await redis.publish('scores', JSON.stringify({ type: 'ScoreRecorded', id, score }));
}
`,
      errors: [{ messageId: 'dualWrite', line: 11, data: { publish: '`redis.publish`', broker: 'Redis', write: '`pool.query`', database: 'PostgreSQL' } }],
    },
    {
      name: 'a score written, then appended to a Redis stream',
      code: `${setup}
export async function recordScore(id: string, score: number) {
  await pool.query('UPDATE players SET score = $1 WHERE id = $2', [score, id]);
  await redis.xAdd('scores', '*', { type: 'ScoreRecorded', id, score: String(score) });
}
`,
      errors: [{ messageId: 'dualWrite', line: 11 }],
    },
  ],
});

ruleTester.run('idempotent-consumer (redis)', idempotentConsumer, {
  valid: [
    {
      name: 'SET NX on the event id guards the counter',
      code: `${setup}
export async function start() {
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(String(message.value)) as { id: string; player: string };
      const fresh = await redis.set(\`seen:\${event.id}\`, '1', { NX: true, EX: 86400 });
      if (fresh === null) return;
      await redis.incr(\`wins:\${event.player}\`);
    },
  });
}
`,
    },
  ],
  invalid: [
    {
      name: 'a counter incremented per delivery, with no dedupe',
      code: `${setup}
export async function start() {
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(String(message.value)) as { player: string };
      await redis.incr(\`wins:\${event.player}\`);
    },
  });
}
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 13 }],
    },
  ],
});
