// The MongoDB driver: collection writes, withTransaction, accumulating update operators.
import idempotentConsumer from '../../rules/idempotent-consumer.js';
import noDualWrite from '../../rules/no-dual-write.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();
const setup = `
import { MongoClient } from 'mongodb';
import { connect, StringCodec } from '@nats-io/transport-node';
const client = new MongoClient('mongodb://db');
const members = client.db('loyalty').collection<{ memberId: string; points: number; history: string[] }>('members');
const codec = StringCodec();
`;

ruleTester.run('no-dual-write (mongodb)', noDualWrite, {
  valid: [
    {
      name: 'the change and its outbox document in one withTransaction',
      code: `${setup}
const outbox = client.db('loyalty').collection<{ topic: string; body: string }>('outbox');
export async function enrol(memberId: string) {
  const session = client.startSession();
  await session.withTransaction(async () => {
    await members.insertOne({ memberId, points: 0, history: [] }, { session });
    await outbox.insertOne({ topic: 'loyalty', body: memberId }, { session });
  });
}
`,
    },
  ],
  invalid: [
    {
      name: 'points updated, then published on NATS (v3 packages)',
      code: `${setup}
export async function award(memberId: string, points: number) {
  const nc = await connect({ servers: 'nats://nats' });
  await members.updateOne({ memberId }, { $inc: { points } });
  nc.publish('loyalty.points', codec.encode(JSON.stringify({ type: 'PointsAwarded', memberId, points })));
}
`,
      errors: [{ messageId: 'dualWrite', line: 11, data: { publish: '`nc.publish`', broker: 'NATS', write: '`members.updateOne`', database: 'MongoDB' } }],
    },
  ],
});

ruleTester.run('idempotent-consumer (mongodb)', idempotentConsumer, {
  valid: [
    {
      name: 'a $set of the latest balance: a repeat writes the same value',
      code: `${setup}
export async function start() {
  const nc = await connect({ servers: 'nats://nats' });
  nc.subscribe('loyalty.balance', {
    callback: async (_error, message) => {
      const event = JSON.parse(codec.decode(message.data)) as { memberId: string; points: number };
      await members.updateOne({ memberId: event.memberId }, { $set: { points: event.points } });
    },
  });
}
`,
    },
  ],
  invalid: [
    {
      name: 'a $inc per delivery adds the points again on a redelivery',
      code: `${setup}
export async function start() {
  const nc = await connect({ servers: 'nats://nats' });
  nc.subscribe('loyalty.points', {
    callback: async (_error, message) => {
      const event = JSON.parse(codec.decode(message.data)) as { memberId: string; points: number };
      await members.updateOne({ memberId: event.memberId }, { $inc: { points: event.points } });
    },
  });
}
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 13 }],
    },
  ],
});
