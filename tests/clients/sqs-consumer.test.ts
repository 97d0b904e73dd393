// sqs-consumer: handlers given to Consumer.create or the constructor, inline or by reference.
import idempotentConsumer from '../../rules/idempotent-consumer.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();
const setup = `
import { Consumer } from 'sqs-consumer';
import type { Message } from '@aws-sdk/client-sqs';
import nodemailer from 'nodemailer';
const mailer = nodemailer.createTransport({ host: 'smtp.example.com' });
`;

ruleTester.run('idempotent-consumer (sqs-consumer)', idempotentConsumer, {
  valid: [
    {
      name: 'a function passed to something that is not sqs-consumer is not a handler',
      code: `${setup}
const registry = { create(options: { handleMessage: (m: Message) => Promise<void> }) { return options; } };
registry.create({
  handleMessage: async (message: Message) => {
    await mailer.sendMail({ to: 'ops@example.com', text: String(message.Body) });
  },
});
`,
    },
  ],
  invalid: [
    {
      name: 'handleMessage given to Consumer.create sends an email with no dedupe',
      code: `${setup}
export const invoices = Consumer.create({
  queueUrl: 'https://sqs.eu-west-1.amazonaws.com/1/invoices',
  handleMessage: async (message: Message) => {
    const invoice = JSON.parse(message.Body ?? '{}') as { email: string };
    await mailer.sendMail({ to: invoice.email, subject: 'Your invoice' });
    return message;
  },
});
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 11 }],
    },
    {
      name: 'handleMessageBatch given to the constructor by reference',
      code: `${setup}
async function remind(messages: Message[]) {
  for (const message of messages) await mailer.sendMail({ to: String(message.Body), subject: 'Reminder' });
  return messages;
}
export const reminders = new Consumer({ queueUrl: 'https://sqs.eu-west-1.amazonaws.com/1/reminders', handleMessageBatch: remind });
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 8 }],
    },
  ],
});
