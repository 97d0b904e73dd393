import { Kafka } from 'kafkajs';
import { Pool } from 'pg';

const pool = new Pool();
const producer = new Kafka({ brokers: ['localhost:9092'] }).producer();

export async function placeOrder(id: string): Promise<void> {
  await pool.query('INSERT INTO orders (id) VALUES ($1)', [id]);
  await producer.send({ topic: 'orders', messages: [{ key: id, value: 'OrderPlaced' }] });
}
