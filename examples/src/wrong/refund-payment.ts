// WRONG: "send it in finally so it always goes out" — it also goes out when the refund row was
// never written, and a crash right after the write still loses it.
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
import { pool } from '../shared/db.js';

const sns = new SNSClient({});

export async function refundPayment(paymentId: string, amountCents: number): Promise<void> {
  try {
    await pool.query('INSERT INTO refunds (payment_id, amount_cents) VALUES ($1, $2)', [paymentId, amountCents]);
  } finally {
    await sns.send(new PublishCommand({ TopicArn: process.env.PAYMENTS_TOPIC, Message: JSON.stringify({ type: 'PaymentRefunded', paymentId }) }));
  }
}
// expect: event-driven/no-dual-write, event-driven/require-event-envelope
