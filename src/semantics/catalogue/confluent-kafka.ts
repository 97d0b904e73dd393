import { kafkaKey } from './kafkajs.js';
import type { ClientCatalogue } from './types.js';

const pkg = ['@confluentinc/kafka-javascript'];

/**
 * Confluent's client (`@confluentinc/kafka-javascript`), the maintained successor of kafkajs. Its
 * KafkaJS-compatible API (`import { KafkaJS } from …`) declares `Producer` and `Consumer` as type
 * aliases, so those are the owners. The node-rdkafka style API (`Producer.produce`) is not covered.
 */
export const confluentKafka: ClientCatalogue = {
  client: '@confluentinc/kafka-javascript',
  methods: [
    { packages: pkg, owners: ['Producer'], methods: ['send'], role: 'publish', system: 'Kafka', payload: { argument: 0, path: ['messages', '*', 'value'] }, partitionKey: kafkaKey },
    {
      packages: pkg,
      owners: ['Producer'],
      methods: ['sendBatch'],
      role: 'publish',
      system: 'Kafka',
      payload: { argument: 0, path: ['topicMessages', '*', 'messages', '*', 'value'] },
      partitionKey: { ...kafkaKey, path: ['topicMessages', '*', 'messages', '*'] },
    },
    { packages: pkg, owners: ['EachBatchPayload'], methods: ['resolveOffset'], role: 'ack', system: 'Kafka' },
    { packages: pkg, owners: ['Consumer'], methods: ['commitOffsets'], role: 'ack', system: 'Kafka' },
  ],
  consumers: {
    registrations: [
      {
        packages: pkg,
        owners: ['Consumer'],
        methods: ['run'],
        handler: { kind: 'argument', index: 0, properties: ['eachMessage', 'eachBatch'] },
        system: 'Kafka',
        description: 'Confluent Kafka consumer',
      },
    ],
    positionFields: [
      {
        packages: pkg,
        owners: ['MessageSetEntry', 'RecordBatchEntry', 'Batch'],
        fields: ['offset', 'firstOffset', 'lastOffset'],
        system: 'Kafka',
        reason: 'offsets count per partition and restart when a topic is recreated or replayed elsewhere',
      },
      {
        packages: pkg,
        owners: ['EachMessagePayload', 'Batch'],
        fields: ['partition'],
        system: 'Kafka',
        reason: 'a partition number is shared by every message on that partition',
        sharedAcrossMessages: true,
      },
    ],
    messageTypes: [{ packages: pkg, types: ['KafkaMessage', 'EachMessagePayload', 'EachBatchPayload'], system: 'Kafka', description: 'Kafka message handler' }],
  },
};
