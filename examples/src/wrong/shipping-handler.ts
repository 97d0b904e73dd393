// WRONG: the shipping handler starts a new correlation id for the event it publishes, so the
// order's flow can no longer be followed from OrderPaid to OrderShipped.
import { randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import { producer, type EventEnvelope } from '../shared/messaging.js';

export async function startShippingHandler(consumer: Consumer): Promise<void> {
  await consumer.run({
    eachMessage: async ({ message }) => {
      const paid = JSON.parse(message.value?.toString() ?? '{}') as EventEnvelope<{ orderId: string }>;
      const shipped: EventEnvelope<{ orderId: string }> = {
        id: randomUUID(),
        type: 'OrderShipped',
        version: 1,
        source: 'shipping',
        occurredAt: new Date().toISOString(),
        correlationId: randomUUID(),
        causationId: paid.id,
        data: { orderId: paid.data.orderId },
      };
      await producer.send({ topic: 'shipping', messages: [{ key: paid.data.orderId, value: JSON.stringify(shipped) }] });
    },
  });
}
// expect: event-driven/prefer-monotonic-event-id, event-driven/propagate-correlation
