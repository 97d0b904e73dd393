// RIGHT: the published event carries the incoming correlation id unchanged and names the event
// that caused it.
import { v7 as uuidv7 } from 'uuid';
import type { Consumer } from 'kafkajs';
import { producer, type EventEnvelope } from '../shared/messaging.js';

export async function startShippingHandler(consumer: Consumer): Promise<void> {
  await consumer.run({
    eachMessage: async ({ message }) => {
      const paid = JSON.parse(message.value?.toString() ?? '{}') as EventEnvelope<{ orderId: string }>;
      const shipped: EventEnvelope<{ orderId: string }> = {
        id: uuidv7(),
        type: 'OrderShipped',
        version: 1,
        source: 'shipping',
        occurredAt: new Date().toISOString(),
        correlationId: paid.correlationId,
        causationId: paid.id,
        data: { orderId: paid.data.orderId },
      };
      await producer.send({ topic: 'shipping', messages: [{ key: paid.data.orderId, value: JSON.stringify(shipped) }] });
    },
  });
}
