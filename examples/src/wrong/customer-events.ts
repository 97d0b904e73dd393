// WRONG: a thin event with look-alike envelope fields, a random id, a payload that names the
// customer only by email, and a generic CustomerUpdated bag of optional fields.
import { randomUUID } from 'node:crypto';
import { producer } from '../shared/messaging.js';

export interface CustomerEvent {
  id: string;
  type: 'CustomerUpdated';
  occurredAt: string;
  data: { customerId: string; name?: string; email?: string; phone?: string; street?: string; city?: string; marketingOptIn?: boolean };
}

export async function announceRegistration(email: string): Promise<void> {
  const event = { eventId: randomUUID(), type: 'CustomerRegistered', timestamp: Date.now(), payload: { customerEmail: email } };
  await producer.send({ topic: 'customers', messages: [{ value: JSON.stringify(event) }] });
}
// expect: event-driven/no-generic-updated-event, event-driven/prefer-monotonic-event-id, event-driven/require-event-envelope, event-driven/require-stable-identifiers
