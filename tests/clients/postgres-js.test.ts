// postgres.js: the client is a tagged template; `sql.begin` runs a transaction through its `tx`.
import idempotentConsumer from '../../rules/idempotent-consumer.js';
import noDualWrite from '../../rules/no-dual-write.js';
import noWriteOutsideTransaction from '../../rules/no-write-outside-transaction.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();
const setup = `
import postgres from 'postgres';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
const sql = postgres('postgres://db/bookings');
const sns = new SNSClient({});
`;

ruleTester.run('no-dual-write (postgres)', noDualWrite, {
  valid: [
    {
      name: 'the booking and its outbox row in one sql.begin transaction',
      code: `${setup}
export async function book(id: string, room: string) {
  await sql.begin(async (tx) => {
    await tx\`INSERT INTO bookings (id, room) VALUES (\${id}, \${room})\`;
    await tx\`INSERT INTO outbox (topic, body) VALUES ('bookings', \${id})\`;
  });
}
`,
    },
    {
      name: 'a tagged template that is not SQL is not a write',
      code: `${setup}
const css = (strings: TemplateStringsArray) => strings.join('');
export async function render(id: string) {
  const style = css\`update { color: red }\`;
  await sns.send(new PublishCommand({ TopicArn: 'arn:aws:sns:eu-west-1:1:bookings', Message: style + id }));
}
`,
    },
  ],
  invalid: [
    {
      name: 'a booking inserted with a tagged template, then published to SNS',
      code: `${setup}
export async function book(id: string, room: string) {
  await sql\`INSERT INTO bookings (id, room) VALUES (\${id}, \${room})\`;
  await sns.send(new PublishCommand({ TopicArn: 'arn:aws:sns:eu-west-1:1:bookings', Message: JSON.stringify({ type: 'RoomBooked', id }) }));
}
`,
      errors: [{ messageId: 'dualWrite', line: 9 }],
    },
    {
      name: 'published inside sql.begin, before the commit',
      code: `${setup}
export async function cancel(id: string) {
  await sql.begin(async (tx) => {
    await tx\`UPDATE bookings SET status = 'cancelled' WHERE id = \${id}\`;
    await sns.send(new PublishCommand({ TopicArn: 'arn:aws:sns:eu-west-1:1:bookings', Message: id }));
  });
}
`,
      errors: [{ messageId: 'publishInTransaction', line: 10 }],
    },
    {
      name: 'the write goes through a project helper that runs the tagged template',
      code: `${setup}
async function markPaid(id: string) {
  await sql\`UPDATE bookings SET paid = true WHERE id = \${id}\`;
}
export async function pay(id: string) {
  await markPaid(id);
  await sns.send(new PublishCommand({ TopicArn: 'arn:aws:sns:eu-west-1:1:bookings', Message: id }));
}
`,
      errors: [{ messageId: 'dualWrite', line: 12 }],
    },
  ],
});

ruleTester.run('no-write-outside-transaction (postgres)', noWriteOutsideTransaction, {
  valid: [],
  invalid: [
    {
      name: 'the outer sql used inside sql.begin writes outside the transaction',
      code: `${setup}
export async function move(id: string, room: string) {
  await sql.begin(async (tx) => {
    await tx\`UPDATE bookings SET room = \${room} WHERE id = \${id}\`;
    await sql\`INSERT INTO booking_history (booking_id) VALUES (\${id})\`;
  });
}
`,
      errors: [
        {
          messageId: 'writeOutsideTransaction',
          line: 10,
          data: { write: '`sql (INSERT)`', root: 'sql', handle: 'tx', transaction: 'sql.begin' },
          suggestions: [
            {
              messageId: 'useTransactionHandle',
              data: { handle: 'tx' },
              output: `${setup}
export async function move(id: string, room: string) {
  await sql.begin(async (tx) => {
    await tx\`UPDATE bookings SET room = \${room} WHERE id = \${id}\`;
    await tx\`INSERT INTO booking_history (booking_id) VALUES (\${id})\`;
  });
}
`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('idempotent-consumer (postgres)', idempotentConsumer, {
  valid: [
    {
      name: 'an insert keyed on the event id, ON CONFLICT DO NOTHING',
      code: `${setup}
import type { SQSHandler } from 'aws-lambda';
export const handler: SQSHandler = async (event) => {
  for (const record of event.Records) {
    await sql\`INSERT INTO booking_events (event_id) VALUES (\${record.messageId}) ON CONFLICT DO NOTHING\`;
  }
};
`,
    },
  ],
  invalid: [
    {
      name: 'a Lambda SQS handler inserts a row per delivery',
      code: `${setup}
import type { SQSHandler } from 'aws-lambda';
export const handler: SQSHandler = async (event) => {
  for (const record of event.Records) {
    await sql\`INSERT INTO booking_events (body) VALUES (\${record.body})\`;
  }
};
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 10 }],
    },
  ],
});
