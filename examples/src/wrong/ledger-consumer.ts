// WRONG: the ledger consumer acks a message before writing it, so a crash in between loses the
// entry for good; and the refunds consumer catches a failed insert, logs it and acks, so
// RabbitMQ never redelivers it.
import type { Channel, ConsumeMessage } from 'amqplib';
import { pool } from '../shared/db.js';
import type { EventEnvelope } from '../shared/messaging.js';

type Entry = EventEnvelope<{ accountId: string; amountCents: number }>;

export async function startLedgerConsumer(channel: Channel): Promise<void> {
  await channel.consume('ledger.entries', async (msg: ConsumeMessage | null) => {
    if (msg === null) return;
    const event = JSON.parse(msg.content.toString()) as Entry;
    channel.ack(msg);
    await pool.query('INSERT INTO ledger (event_id, account_id, amount_cents) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING', [
      event.id,
      event.data.accountId,
      event.data.amountCents,
    ]);
  });

  await channel.consume('ledger.refunds', async (msg: ConsumeMessage | null) => {
    if (msg === null) return;
    const event = JSON.parse(msg.content.toString()) as Entry;
    try {
      await pool.query('INSERT INTO refunds (event_id, account_id, amount_cents) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING', [
        event.id,
        event.data.accountId,
        event.data.amountCents,
      ]);
    } catch (error) {
      console.error('refund failed', event.id, error);
    }
    channel.ack(msg);
  });
}
// expect: event-driven/no-early-ack, event-driven/no-swallowed-handler-error
