// RIGHT: the ledger consumer acks only after the entry is written (the insert is idempotent on
// the event id, so a redelivery after a crash is harmless), and a failed refund goes to the
// queue's dead-letter exchange instead of disappearing.
import type { Channel, ConsumeMessage } from 'amqplib';
import { pool } from '../shared/db.js';
import type { EventEnvelope } from '../shared/messaging.js';

type Entry = EventEnvelope<{ accountId: string; amountCents: number }>;

export async function startLedgerConsumer(channel: Channel): Promise<void> {
  await channel.consume('ledger.entries', async (msg: ConsumeMessage | null) => {
    if (msg === null) return;
    const event = JSON.parse(msg.content.toString()) as Entry;
    await pool.query('INSERT INTO ledger (event_id, account_id, amount_cents) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING', [
      event.id,
      event.data.accountId,
      event.data.amountCents,
    ]);
    channel.ack(msg);
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
      channel.ack(msg);
    } catch (error) {
      console.error('refund failed', event.id, error);
      channel.nack(msg, false, false);
    }
  });
}
