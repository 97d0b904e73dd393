// WRONG: the consumer "deduplicates" on the Kafka offset. Offset 42 exists on every partition,
// so events from other partitions are dropped as duplicates, and a producer retry that lands the
// same event at a new offset is charged twice.
import type { Consumer } from 'kafkajs';
import { redis } from '../shared/redis.js';

export async function startBillingConsumer(consumer: Consumer): Promise<void> {
  await consumer.subscribe({ topics: ['orders'] });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const firstTime = await redis.set(`billing:processed:${message.offset}`, '1', 'EX', 86_400, 'NX');
      if (firstTime === null) return;
      console.log('charging for', message.value?.toString());
    },
  });
}
// expect: event-driven/no-offset-dedupe
