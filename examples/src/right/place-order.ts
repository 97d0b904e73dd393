// RIGHT: the order and its event are written in one local transaction. The relay in
// outbox-relay.ts publishes the event once the row is committed.
import type { Order } from '../shared/db.js';
import { pool } from '../shared/db.js';
import { envelope } from '../shared/messaging.js';

export async function placeOrder(order: Order, correlationId: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('INSERT INTO orders (id, customer_id, total_cents) VALUES ($1, $2, $3)', [order.id, order.customerId, order.totalCents]);
    const event = envelope('OrderPlaced', order, correlationId);
    await client.query('INSERT INTO outbox (id, topic, key, payload) VALUES ($1, $2, $3, $4)', [event.id, 'orders', order.id, JSON.stringify(event)]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
