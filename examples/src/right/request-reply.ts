// RIGHT: checkout asks the service that owns the answer with a synchronous call, where a
// timeout is an error it can handle — or reads its own copy, kept up to date by the stock
// service's StockLevelChanged events.
import { pool } from '../shared/db.js';

export async function checkStock(sku: string): Promise<number> {
  const response = await fetch(`${process.env.STOCK_URL ?? 'http://stock'}/stock/${encodeURIComponent(sku)}`, { signal: AbortSignal.timeout(2_000) });
  if (!response.ok) throw new Error(`stock service answered ${String(response.status)}`);
  const body = (await response.json()) as { available: number };
  return body.available;
}

/** The read model: one row per SKU, updated by the consumer of StockLevelChanged. */
export async function availableFromReadModel(sku: string): Promise<number> {
  const { rows } = await pool.query<{ available: number }>('SELECT available FROM stock_levels WHERE sku = $1', [sku]);
  return rows[0]?.available ?? 0;
}
