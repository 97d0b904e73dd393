// RIGHT: the consumer records the event id first, in the same database, and skips a message it
// has already handled. The payment insert and the email then happen once per event.
import type { Channel, ConsumeMessage } from 'amqplib';
import { createTransport } from 'nodemailer';
import { pool } from '../shared/db.js';
import type { EventEnvelope } from '../shared/messaging.js';

const mailer = createTransport({ host: process.env.SMTP_HOST });

export async function startPaymentConsumer(channel: Channel): Promise<void> {
  await channel.consume('payments.captured', async (msg: ConsumeMessage | null) => {
    if (msg === null) return;
    const event = JSON.parse(msg.content.toString()) as EventEnvelope<{ orderId: string; amountCents: number; email: string }>;
    const claimed = await pool.query("INSERT INTO processed_events (event_id, consumer) VALUES ($1, 'payments') ON CONFLICT DO NOTHING", [event.id]);
    if (claimed.rowCount === 0) {
      channel.ack(msg);
      return;
    }
    await pool.query('INSERT INTO payments (order_id, amount_cents) VALUES ($1, $2)', [event.data.orderId, event.data.amountCents]);
    await mailer.sendMail({ to: event.data.email, subject: 'Payment received' });
    channel.ack(msg);
  });
}
