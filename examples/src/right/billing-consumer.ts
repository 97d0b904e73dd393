// RIGHT: the consumer deduplicates on the event id carried in the envelope, which is the same
// on every delivery of the same event and different for every other event.
import type { Consumer } from 'kafkajs';
import type { EventEnvelope } from '../shared/messaging.js';
import { redis } from '../shared/redis.js';

export async function startBillingConsumer(consumer: Consumer): Promise<void> {
  await consumer.subscribe({ topics: ['orders'] });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      const event = JSON.parse(message.value?.toString() ?? '{}') as EventEnvelope<{ orderId: string }>;
      const firstTime = await redis.set(`billing:processed:${event.id}`, '1', 'EX', 86_400, 'NX');
      if (firstTime === null) return;
      console.log(`charging for ${event.data.orderId} (from ${topic}/${String(partition)}@${message.offset})`);
    },
  });
}
