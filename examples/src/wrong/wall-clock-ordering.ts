// WRONG: the order-status projection trusts the producers' clocks. OrderShipped stamped by a
// host whose clock runs 300 ms behind sorts before the OrderPaid that caused it, and the
// "latest wins" check drops it — the order shows as paid forever.
import { pool } from '../shared/db.js';
import type { EventEnvelope } from '../shared/messaging.js';

type OrderEvent = EventEnvelope<{ orderId: string; status: string }>;

interface OrderStatusRow {
  orderId: string;
  status: string;
  updatedAt: string;
}

export async function loadHistory(orderId: string): Promise<OrderEvent[]> {
  const { rows } = await pool.query<OrderEvent>('SELECT * FROM order_events WHERE order_id = $1 ORDER BY occurred_at', [orderId]);
  return rows;
}

export function currentStatus(events: OrderEvent[]): string | undefined {
  return [...events].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt)).at(-1)?.data.status;
}

export function apply(row: OrderStatusRow, event: OrderEvent): OrderStatusRow {
  if (event.occurredAt <= row.updatedAt) return row;
  return { ...row, status: event.data.status, updatedAt: event.occurredAt };
}
// expect: event-driven/no-wall-clock-ordering
