// Azure Service Bus: sender, subscribe handlers, polling receivers, broker positions.
import idempotentConsumer from '../../rules/idempotent-consumer.js';
import noDualWrite from '../../rules/no-dual-write.js';
import noOffsetDedupe from '../../rules/no-offset-dedupe.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();
const setup = `
import { ServiceBusClient, type ServiceBusReceivedMessage } from '@azure/service-bus';
import { MongoClient } from 'mongodb';
const claims = new MongoClient('mongodb://db').db('insurance').collection<{ claimId: string; total: number; status: string }>('claims');
const bus = new ServiceBusClient('Endpoint=sb://claims.servicebus.windows.net/');
`;

ruleTester.run('no-dual-write (azure service-bus)', noDualWrite, {
  valid: [
    {
      name: 'the message is sent with no database write on the path',
      code: `${setup}
const sender = bus.createSender('claims');
export async function announce(claimId: string) {
  await sender.sendMessages({ body: { type: 'ClaimAnnounced', claimId }, messageId: claimId });
}
`,
    },
  ],
  invalid: [
    {
      name: 'a claim row created, then the event sent from a sender held in a class field',
      code: `${setup}
export class ClaimService {
  private readonly sender = bus.createSender('claims');
  async file(id: string, policyId: string) {
    await claims.insertOne({ claimId: id, total: 0, status: policyId });
    await this.sender.sendMessages({ body: { type: 'ClaimFiled', id }, messageId: id });
  }
}
`,
      errors: [{ messageId: 'dualWrite', line: 11, data: { publish: '`sender.sendMessages`', broker: 'Azure Service Bus', write: '`claims.insertOne`', database: 'MongoDB' } }],
    },
  ],
});

ruleTester.run('idempotent-consumer (azure service-bus)', idempotentConsumer, {
  valid: [
    {
      name: 'processMessage upserts by the claim id: a repeat writes the same document',
      code: `${setup}
const receiver = bus.createReceiver('claims');
receiver.subscribe({
  processMessage: async (message: ServiceBusReceivedMessage) => {
    const claim = message.body as { id: string; total: number };
    await claims.updateOne({ claimId: claim.id }, { $set: { total: claim.total, status: 'open' } }, { upsert: true });
  },
  processError: async () => {},
});
`,
    },
  ],
  invalid: [
    {
      name: 'processMessage inserts a document without a key from the message',
      code: `${setup}
const receiver = bus.createReceiver('claims');
receiver.subscribe({
  processMessage: async (message: ServiceBusReceivedMessage) => {
    const claim = message.body as { total: number };
    await claims.insertOne({ claimId: crypto.randomUUID(), total: claim.total, status: 'open' });
  },
  processError: async () => {},
});
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 11 }],
    },
    {
      name: 'a polling loop over receiveMessages increments a counter per message',
      code: `${setup}
import { Redis } from 'ioredis';
const redis = new Redis();
export async function drain() {
  const receiver = bus.createReceiver('claims');
  const messages = await receiver.receiveMessages(20);
  for (const message of messages) {
    await redis.incr(\`claims:\${String(message.subject)}\`);
    await receiver.completeMessage(message);
  }
}
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 13 }],
    },
  ],
});

ruleTester.run('no-offset-dedupe (azure service-bus)', noOffsetDedupe, {
  valid: [
    {
      name: 'the dedupe key is the messageId the sender set',
      code: `${setup}
import { Redis } from 'ioredis';
const redis = new Redis();
const receiver = bus.createReceiver('claims');
receiver.subscribe({
  processMessage: async (message: ServiceBusReceivedMessage) => {
    await redis.set(\`seen:\${String(message.messageId)}\`, '1', 'NX');
  },
  processError: async () => {},
});
`,
    },
  ],
  invalid: [
    {
      name: 'the dedupe key is the broker sequence number',
      code: `${setup}
import { Redis } from 'ioredis';
const redis = new Redis();
const receiver = bus.createReceiver('claims');
receiver.subscribe({
  processMessage: async (message: ServiceBusReceivedMessage) => {
    await redis.set(\`seen:\${String(message.sequenceNumber)}\`, '1', 'NX');
  },
  processError: async () => {},
});
`,
      errors: [{ messageId: 'positionAsDedupeKey', line: 12 }],
    },
  ],
});
