import { Pool } from 'pg';

export const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export interface Order {
  id: string;
  customerId: string;
  totalCents: number;
}

export class OrderRepository {
  async insert(order: Order): Promise<void> {
    await pool.query('INSERT INTO orders (id, customer_id, total_cents) VALUES ($1, $2, $3)', [order.id, order.customerId, order.totalCents]);
  }

  async markCancelled(orderId: string): Promise<void> {
    await pool.query("UPDATE orders SET status = 'cancelled' WHERE id = $1", [orderId]);
  }

  async findById(orderId: string): Promise<Order | undefined> {
    const { rows } = await pool.query<Order>('SELECT id, customer_id AS "customerId", total_cents AS "totalCents" FROM orders WHERE id = $1', [orderId]);
    return rows[0];
  }
}
