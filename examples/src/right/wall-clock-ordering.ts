// RIGHT: the order aggregate numbers its events (`sequence`), and the projection orders and
// deduplicates by that number. `occurredAt` is kept for display and for measuring delays.
import { pool } from '../shared/db.js';
import type { EventEnvelope } from '../shared/messaging.js';

type OrderEvent = EventEnvelope<{ orderId: string; status: string }> & { sequence: number };

interface OrderStatusRow {
  orderId: string;
  status: string;
  sequence: number;
}

export async function loadHistory(orderId: string): Promise<OrderEvent[]> {
  const { rows } = await pool.query<OrderEvent>('SELECT * FROM order_events WHERE order_id = $1 ORDER BY sequence', [orderId]);
  return rows;
}

export function currentStatus(events: OrderEvent[]): string | undefined {
  return [...events].sort((a, b) => a.sequence - b.sequence).at(-1)?.data.status;
}

export function apply(row: OrderStatusRow, event: OrderEvent): OrderStatusRow {
  if (event.sequence <= row.sequence) return row;
  return { ...row, status: event.data.status, sequence: event.sequence };
}

export function delayMs(event: OrderEvent): number {
  return Date.now() - Date.parse(event.occurredAt);
}
