// WRONG: the payments consumer records a payment and emails a receipt with no dedupe. After a
// rebalance or a crash before the ack, RabbitMQ redelivers the message: a second payment row
// and a second email.
import type { Channel, ConsumeMessage } from 'amqplib';
import { createTransport } from 'nodemailer';
import { pool } from '../shared/db.js';
import type { EventEnvelope } from '../shared/messaging.js';

const mailer = createTransport({ host: process.env.SMTP_HOST });

export async function startPaymentConsumer(channel: Channel): Promise<void> {
  await channel.consume('payments.captured', async (msg: ConsumeMessage | null) => {
    if (msg === null) return;
    const event = JSON.parse(msg.content.toString()) as EventEnvelope<{ orderId: string; amountCents: number; email: string }>;
    await pool.query('INSERT INTO payments (order_id, amount_cents) VALUES ($1, $2)', [event.data.orderId, event.data.amountCents]);
    await mailer.sendMail({ to: event.data.email, subject: 'Payment received' });
    channel.ack(msg);
  });
}
// expect: event-driven/idempotent-consumer
