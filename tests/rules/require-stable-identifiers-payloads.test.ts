// require-stable-identifiers on bare payloads: a message body with no envelope is the payload.
import rule from '../../rules/require-stable-identifiers.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('require-stable-identifiers (bare payloads)', rule, {
  valid: [
    {
      name: 'a bare payload that carries the id beside the display fields',
      code: `
import { Kafka } from 'kafkajs';
const producer = new Kafka({ brokers: [] }).producer();
export async function renamed(customerId: string, customerName: string) {
  await producer.send({ topic: 'customers', messages: [{ value: JSON.stringify({ customerId, customerName }) }] });
}
`,
    },
  ],
  invalid: [
    {
      name: 'a bare payload to SQS that names the customer by email only',
      code: `
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
const sqs = new SQSClient({});
export async function subscribed(customerEmail: string, plan: string) {
  await sqs.send(new SendMessageCommand({ QueueUrl: 'https://sqs/1/newsletters', MessageBody: JSON.stringify({ customerEmail, plan }) }));
}
`,
      errors: [{ messageId: 'displayOnly', line: 5, column: 110, data: { entity: 'the customer', field: 'customerEmail', noun: 'customer', missingId: 'customerId' } }],
    },
  ],
});
