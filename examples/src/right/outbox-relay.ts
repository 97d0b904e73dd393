// RIGHT: the relay claims committed outbox rows, publishes them, and deletes them. Publishing
// twice after a crash is possible, which is why consumers deduplicate on the event id.
import { pool } from '../shared/db.js';
import { producer } from '../shared/messaging.js';

interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  payload: string;
}

export async function relayOutboxBatch(): Promise<number> {
  const { rows } = await pool.query<OutboxRow>('SELECT id, topic, key, payload FROM outbox ORDER BY created_at LIMIT 100 FOR UPDATE SKIP LOCKED');
  for (const row of rows) {
    await producer.send({ topic: row.topic, messages: [{ key: row.key, value: row.payload }] });
    await pool.query('DELETE FROM outbox WHERE id = $1', [row.id]);
  }
  return rows.length;
}
