// A function that fetches its own messages runs once per poll up to the receive: only what
// follows it is per message, for both consumer rules.
import idempotentConsumer from '../../rules/idempotent-consumer.js';
import propagateCorrelation from '../../rules/propagate-correlation.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

const poller = `
import { SQSClient, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
interface Envelope { id: string; type: string; correlationId: string; causationId: string | null; data: unknown }
const sqs = new SQSClient({});
const sns = new SNSClient({});
const pool = new Pool();
export async function pollOnce() {
  await pool.query('INSERT INTO poll_runs (started_at) VALUES (now())');
  const started: Envelope = { id: randomUUID(), type: 'PollerStarted', correlationId: randomUUID(), causationId: null, data: {} };
  await sns.send(new PublishCommand({ TopicArn: 'arn:aws:sns:eu-west-1:1:ops', Message: JSON.stringify(started) }));
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: 'https://sqs/1/refunds' }));
  for (const message of Messages) {
    await pool.query('INSERT INTO refunds (body) VALUES ($1)', [message.Body]);
  }
}
`;

ruleTester.run('propagate-correlation (polling)', propagateCorrelation, {
  valid: [{ name: 'a publish before the receive starts its own flow', code: poller }],
  invalid: [],
});

ruleTester.run('idempotent-consumer (polling)', idempotentConsumer, {
  valid: [],
  invalid: [
    {
      name: 'the poll bookkeeping before the receive is not reported; the insert per message is',
      code: poller,
      errors: [{ messageId: 'nonIdempotentEffect', line: 16, column: 11, data: { effect: '`pool.query`', what: 'inserts a row', handler: '`pollOnce`', description: 'SQS polling loop', system: 'SQS' } }],
    },
  ],
});
