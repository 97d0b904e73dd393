// Effects a redelivery repeats, from Twilio and Resend; Resend's idempotencyKey makes the repeat harmless.
import idempotentConsumer from '../../rules/idempotent-consumer.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();
const setup = `
import twilio from 'twilio';
import { Resend } from 'resend';
import { Worker } from 'bullmq';
const sms = twilio('AC0', 'token');
const resend = new Resend('re_key');
`;

ruleTester.run('idempotent-consumer (twilio, resend)', idempotentConsumer, {
  valid: [
    {
      name: 'the password-reset email carries an idempotency key from the job',
      code: `${setup}
export const worker = new Worker<{ email: string; requestId: string }>('password-resets', async (job) => {
  await resend.emails.send({ from: 'a@example.com', to: job.data.email, subject: 'Reset', html: '<p>x</p>' }, { idempotencyKey: job.data.requestId });
});
`,
    },
  ],
  invalid: [
    {
      name: 'an appointment reminder SMS sent per delivery',
      code: `${setup}
export const worker = new Worker<{ phone: string }>('reminders', async (job) => {
  await sms.messages.create({ to: job.data.phone, from: '+100', body: 'See you tomorrow' });
});
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 9 }],
    },
    {
      name: 'a password-reset email sent through Resend without a key',
      code: `${setup}
export const worker = new Worker<{ email: string }>('password-resets', async (job) => {
  await resend.emails.send({ from: 'a@example.com', to: job.data.email, subject: 'Reset', html: '<p>x</p>' });
});
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 9 }],
    },
  ],
});
