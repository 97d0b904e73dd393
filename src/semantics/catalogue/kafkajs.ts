import type { ClientCatalogue, PartitionKeyLocation } from './types.js';

/** A message without a key goes to any partition: events of one aggregate lose their order. */
export const kafkaKey: PartitionKeyLocation = { argument: 0, path: ['messages', '*'], property: 'key', missingLosesOrder: true };

/**
 * kafkajs declares `send`/`sendBatch` on an unexported `type Sender = {…}` that both
 * `Producer` and `Transaction` intersect, so the owner the checker reports is `Sender`.
 * `Transaction.commit` commits a Kafka transaction, not a database one: deliberately absent.
 */
export const kafkajs: ClientCatalogue = {
  client: 'kafkajs',
  methods: [
    { packages: ['kafkajs'], owners: ['Sender'], methods: ['send'], role: 'publish', system: 'Kafka', payload: { argument: 0, path: ['messages', '*', 'value'] }, partitionKey: kafkaKey },
    {
      packages: ['kafkajs'],
      owners: ['Sender'],
      methods: ['sendBatch'],
      role: 'publish',
      system: 'Kafka',
      payload: { argument: 0, path: ['topicMessages', '*', 'messages', '*', 'value'] },
      partitionKey: { ...kafkaKey, path: ['topicMessages', '*', 'messages', '*'] },
    },
    // Marking an offset processed (or committing it) tells Kafka the group is done with the message.
    { packages: ['kafkajs'], owners: ['EachBatchPayload'], methods: ['resolveOffset', 'commitOffsetsIfNecessary'], role: 'ack', system: 'Kafka' },
    { packages: ['kafkajs'], owners: ['Consumer'], methods: ['commitOffsets'], role: 'ack', system: 'Kafka' },
  ],
  consumers: {
    registrations: [
      {
        packages: ['kafkajs'],
        owners: ['Consumer'],
        methods: ['run'],
        handler: { kind: 'argument', index: 0, properties: ['eachMessage', 'eachBatch'] },
        system: 'Kafka',
        description: 'kafkajs consumer',
      },
    ],
    // Offsets are per partition, partitions per topic: neither identifies an event.
    positionFields: [
      {
        packages: ['kafkajs', '@nestjs/microservices'],
        owners: ['MessageSetEntry', 'RecordBatchEntry', 'EachMessagePayload', 'Batch', 'KafkaContext'],
        fields: ['offset', 'firstOffset', 'lastOffset'],
        system: 'Kafka',
        reason: 'offsets count per partition and restart when a topic is recreated or replayed elsewhere',
      },
      {
        packages: ['kafkajs', '@nestjs/microservices'],
        owners: ['EachMessagePayload', 'Batch', 'KafkaContext'],
        fields: ['partition', 'getPartition'],
        system: 'Kafka',
        reason: 'a partition number is shared by every message on that partition',
        sharedAcrossMessages: true,
      },
    ],
    messageTypes: [
      { packages: ['kafkajs'], types: ['KafkaMessage', 'EachMessagePayload', 'EachBatchPayload'], system: 'Kafka', description: 'Kafka message handler' },
    ],
  },
};
