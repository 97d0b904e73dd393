// require-event-envelope on every message body a broker client carries: bare payloads, bodies
// serialised by JSON.stringify or a codec, Pub/Sub `json`, EventBridge `Detail`, SNS batch
// entries and commands on a queue; envelope fields carried beside the body count.
import rule from '../../rules/require-event-envelope.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();
const all = '`id`, `type`, `version`, `source`, `occurredAt`, `causationId`, `correlationId`, `data`';

ruleTester.run('require-event-envelope (message bodies)', rule, {
  valid: [
    {
      name: 'a full envelope in the body, and one whose metadata rides in Kafka headers and amqplib properties',
      code: `
import { Kafka } from 'kafkajs';
import type { Channel } from 'amqplib';
import { randomUUID } from 'node:crypto';
const producer = new Kafka({ brokers: [] }).producer();
export async function announce(channel: Channel, accountId: string, correlationId: string, causationId: string) {
  const envelope = { id: randomUUID(), type: 'AccountOpened', version: 1, source: 'accounts', occurredAt: new Date().toISOString(), causationId, correlationId, data: { accountId } };
  await producer.send({ topic: 'accounts', messages: [{ value: JSON.stringify(envelope) }] });
  await producer.send({
    topic: 'accounts',
    messages: [{
      value: JSON.stringify({ data: { accountId }, version: 1 }),
      headers: { 'event-id': randomUUID(), 'event-type': 'AccountOpened', source: 'accounts', 'occurred-at': new Date().toISOString(), 'causation-id': causationId, 'correlation-id': correlationId },
    }],
  });
  channel.publish('accounts', 'account.opened', Buffer.from(JSON.stringify({ data: { accountId }, version: 1, occurredAt: Date.now(), causationId })), {
    messageId: randomUUID(),
    type: 'AccountOpened',
    appId: 'accounts',
    correlationId,
  });
}
`,
    },
  ],
  invalid: [
    {
      name: 'a bare payload with no envelope at all, sent to Kafka',
      code: `
import { Kafka } from 'kafkajs';
const producer = new Kafka({ brokers: [] }).producer();
export async function credit(accountId: string, balance: number) {
  await producer.send({ topic: 'balances', messages: [{ key: accountId, value: JSON.stringify({ accountId, balance }) }] });
}
`,
      errors: [{ messageId: 'missingEnvelopeFields', line: 5, column: 95, data: { name: '', missing: all } }],
    },
    {
      name: 'a typed value serialised by a codec, and Pub/Sub json',
      code: `
import type { NatsConnection } from 'nats';
import { JSONCodec } from 'nats';
import { PubSub } from '@google-cloud/pubsub';
interface SeatHeld { seatId: string; heldUntil: string }
const codec = JSONCodec<SeatHeld>();
const topic = new PubSub().topic('seats');
export async function hold(nc: NatsConnection, held: SeatHeld) {
  nc.publish('seats.held', codec.encode(held));
  await topic.publishMessage({ json: { seatId: held.seatId, type: 'SeatHeld', data: held } });
}
`,
      errors: [
        { messageId: 'missingEnvelopeFields', line: 9, column: 41, data: { name: ' (SeatHeld)', missing: all } },
        { messageId: 'missingEnvelopeFields', line: 10, column: 38, data: { name: ' (SeatHeld)', missing: '`id`, `version`, `source`, `occurredAt`, `causationId`, `correlationId`' } },
      ],
    },
    {
      name: 'EventBridge Detail (Source and DetailType count) and SNS batch entries',
      code: `
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { SNSClient, PublishBatchCommand } from '@aws-sdk/client-sns';
const events = new EventBridgeClient({});
const sns = new SNSClient({});
export async function ship(parcelId: string) {
  await events.send(new PutEventsCommand({ Entries: [{ Source: 'shipping', DetailType: 'ParcelShipped', Detail: JSON.stringify({ parcelId }) }] }));
  await sns.send(new PublishBatchCommand({ TopicArn: 'arn:aws:sns:eu-west-1:1:parcels', PublishBatchRequestEntries: [{ Id: '1', Message: JSON.stringify({ parcelId, type: 'ParcelShipped', data: {} }) }] }));
}
`,
      errors: [
        { messageId: 'missingEnvelopeFields', line: 7, column: 128, data: { name: '', missing: '`id`, `version`, `occurredAt`, `causationId`, `correlationId`, `data`' } },
        { messageId: 'missingEnvelopeFields', line: 8, column: 153, data: { name: ' (ParcelShipped)', missing: '`id`, `version`, `source`, `occurredAt`, `causationId`, `correlationId`' } },
      ],
    },
    {
      name: 'a command on a queue needs the envelope too',
      code: `
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
const sqs = new SQSClient({});
interface ChargeCardCommand { type: 'ChargeCard'; data: { cardId: string; cents: number } }
export async function charge(command: ChargeCardCommand) {
  await sqs.send(new SendMessageCommand({ QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/1/billing-commands', MessageBody: JSON.stringify(command) }));
}
`,
      errors: [{ messageId: 'missingEnvelopeFields', line: 6, column: 139, data: { name: ' (ChargeCardCommand)', missing: '`id`, `version`, `source`, `occurredAt`, `causationId`, `correlationId`' } }],
    },
  ],
});
