// nats.js v3 (`@nats-io/transport-node`, `@nats-io/jetstream`): JetStream publishes, consumers, stream sequences.
import idempotentConsumer from '../../rules/idempotent-consumer.js';
import noDualWrite from '../../rules/no-dual-write.js';
import noOffsetDedupe from '../../rules/no-offset-dedupe.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();
const setup = `
import { connect } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import { createClient } from 'redis';
import { Pool } from 'pg';
const pool = new Pool();
const redis = createClient();
`;

ruleTester.run('no-dual-write (nats v3 jetstream)', noDualWrite, {
  valid: [],
  invalid: [
    {
      name: 'a telemetry row written, then published to a JetStream stream',
      code: `${setup}
export async function record(deviceId: string, reading: number) {
  const js = jetstream(await connect({ servers: 'nats://nats' }));
  await pool.query('INSERT INTO readings (device_id, value) VALUES ($1, $2)', [deviceId, reading]);
  await js.publish('telemetry.readings', JSON.stringify({ type: 'ReadingRecorded', deviceId, reading }));
}
`,
      errors: [{ messageId: 'dualWrite', line: 12, data: { publish: '`js.publish`', broker: 'NATS JetStream', write: '`pool.query`', database: 'PostgreSQL' } }],
    },
  ],
});

ruleTester.run('idempotent-consumer (nats v3 jetstream)', idempotentConsumer, {
  valid: [
    {
      name: 'the callback records the message id with SET NX first',
      code: `${setup}
export async function start() {
  const js = jetstream(await connect({ servers: 'nats://nats' }));
  const consumer = await js.consumers.get('TELEMETRY', 'alerts');
  await consumer.consume({
    callback: async (message) => {
      const event = message.json<{ id: string; deviceId: string }>();
      if ((await redis.set(\`seen:\${event.id}\`, '1', { NX: true })) === null) return;
      await redis.lPush(\`alerts:\${event.deviceId}\`, event.id);
      message.ack();
    },
  });
}
`,
    },
  ],
  invalid: [
    {
      name: 'a consume callback pushes onto a list per delivery',
      code: `${setup}
export async function start() {
  const js = jetstream(await connect({ servers: 'nats://nats' }));
  const consumer = await js.consumers.get('TELEMETRY', 'alerts');
  await consumer.consume({
    callback: async (message) => {
      const event = message.json<{ id: string; deviceId: string }>();
      await redis.lPush(\`alerts:\${event.deviceId}\`, event.id);
      message.ack();
    },
  });
}
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 15 }],
    },
    {
      name: 'a for-await loop over consume() inserts a row per message',
      code: `${setup}
export async function drain() {
  const js = jetstream(await connect({ servers: 'nats://nats' }));
  const consumer = await js.consumers.get('TELEMETRY', 'archive');
  for await (const message of await consumer.consume()) {
    await pool.query('INSERT INTO archive (body) VALUES ($1)', [message.string()]);
    message.ack();
  }
}
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 13 }],
    },
  ],
});

ruleTester.run('no-offset-dedupe (nats v3 jetstream)', noOffsetDedupe, {
  valid: [],
  invalid: [
    {
      name: 'the dedupe key is the stream sequence',
      code: `${setup}
export async function start() {
  const js = jetstream(await connect({ servers: 'nats://nats' }));
  const consumer = await js.consumers.get('TELEMETRY', 'alerts');
  await consumer.consume({
    callback: async (message) => {
      await redis.set(\`seen:\${message.seq}\`, '1', { NX: true });
      message.ack();
    },
  });
}
`,
      errors: [{ messageId: 'positionAsDedupeKey', line: 14 }],
    },
  ],
});
