// RIGHT: a full envelope with a time-ordered id, stable identifiers, and specific change events.
import { randomUUID } from 'node:crypto';
import { envelope, producer } from '../shared/messaging.js';

export type CustomerEvent =
  | { id: string; type: 'CustomerEmailChanged'; occurredAt: string; data: { customerId: string; email: string } }
  | { id: string; type: 'CustomerMoved'; occurredAt: string; data: { customerId: string; street: string; city: string } };

export async function announceRegistration(customerId: string, email: string, correlationId: string): Promise<void> {
  const event = envelope('CustomerRegistered', { customerId, customerEmail: email }, correlationId);
  await producer.send({ topic: 'customers', messages: [{ key: customerId, value: JSON.stringify(event) }] });
}

export function newCommandId(): string {
  return randomUUID();
}
