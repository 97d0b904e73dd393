import { Kafka } from 'kafkajs';
import { Pool } from 'pg';

const pool = new Pool();
const producer = new Kafka({ brokers: ['localhost:9092'] }).producer();

export async function shipOrder(id: string): Promise<void> {
  await pool.query('INSERT INTO shipments (order_id) VALUES ($1)', [id]);
  /* Expédition 🚚 */ await producer.send({ topic: 'shipping', messages: [{ key: id, value: JSON.stringify({ type: 'ShipOrder', id }) }] });
}
