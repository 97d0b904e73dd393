import type { ClientCatalogue } from './types.js';

const pkg = ['sqs-consumer'];

/**
 * `sqs-consumer`: polls an SQS queue and calls `handleMessage` (or `handleMessageBatch`) per
 * receive. A handler that throws, or outlives the visibility timeout, sees the message again.
 */
export const sqsConsumer: ClientCatalogue = {
  client: 'sqs-consumer',
  consumers: {
    registrations: [
      {
        packages: pkg,
        owners: ['Consumer'],
        methods: ['create'],
        handler: { kind: 'argument', index: 0, properties: ['handleMessage', 'handleMessageBatch'] },
        system: 'SQS',
        description: 'sqs-consumer handler',
      },
    ],
    constructors: [
      { packages: pkg, classes: ['Consumer'], handlerIndex: 0, handlerProperties: ['handleMessage', 'handleMessageBatch'], system: 'SQS', description: 'sqs-consumer handler' },
    ],
  },
};
