// WRONG: the event goes out while the transaction is still open. If COMMIT fails, consumers
// have already refunded an order that is not cancelled.
import { pool } from '../shared/db.js';
import { envelope, publishEvent } from '../shared/messaging.js';

export async function cancelOrder(orderId: string, correlationId: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("UPDATE orders SET status = 'cancelled' WHERE id = $1", [orderId]);
    await publishEvent('orders', orderId, envelope('OrderCancelled', { orderId }, correlationId));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
// expect: event-driven/no-dual-write
