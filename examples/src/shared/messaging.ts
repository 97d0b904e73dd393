import { v7 as uuidv7 } from 'uuid';
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'order-service', brokers: (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(',') });
export const producer = kafka.producer({ idempotent: true });

export interface EventEnvelope<T> {
  id: string;
  type: string;
  version: number;
  source: string;
  occurredAt: string;
  causationId: string;
  correlationId: string;
  data: T;
}

export function envelope<T>(type: string, data: T, correlationId: string): EventEnvelope<T> {
  const id = uuidv7();
  return { id, type, version: 1, source: 'order-service', occurredAt: new Date().toISOString(), causationId: id, correlationId, data };
}

/** The service's own wrapper around the Kafka producer: its callers are publishers. */
export async function publishEvent<T>(topic: string, key: string, event: EventEnvelope<T>): Promise<void> {
  await producer.send({ topic, messages: [{ key, value: JSON.stringify(event) }] });
}
