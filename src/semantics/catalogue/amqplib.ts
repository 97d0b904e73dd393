import type { ClientCatalogue } from './types.js';

/** amqplib 2.x ships its own types, for both the promise and the callback API. */
export const amqplib: ClientCatalogue = {
  client: 'amqplib',
  methods: [
    { packages: ['amqplib', '@types/amqplib'], owners: ['Channel', 'ConfirmChannel'], methods: ['publish'], role: 'publish', system: 'RabbitMQ', payload: { argument: 2 } },
    { packages: ['amqplib', '@types/amqplib'], owners: ['Channel', 'ConfirmChannel'], methods: ['sendToQueue'], role: 'publish', system: 'RabbitMQ', payload: { argument: 1 } },
    { packages: ['amqplib', '@types/amqplib'], owners: ['ConfirmChannel'], methods: ['waitForConfirms'], role: 'confirm', system: 'RabbitMQ' },
    { packages: ['amqplib', '@types/amqplib'], owners: ['Channel'], methods: ['ack', 'ackAll'], role: 'ack', system: 'RabbitMQ' },
    // Without a requeue, a rejected message goes to the queue's dead-letter exchange (or is dropped).
    { packages: ['amqplib', '@types/amqplib'], owners: ['Channel'], methods: ['nack', 'nackAll', 'reject'], role: 'nack', system: 'RabbitMQ' },
  ],
  consumers: {
    registrations: [
      {
        packages: ['amqplib', '@types/amqplib'],
        owners: ['Channel'],
        methods: ['consume'],
        handler: { kind: 'argument', index: 1 },
        system: 'RabbitMQ',
        description: 'amqplib consumer',
        autoAckWhen: { argument: 2, property: 'noAck' },
      },
    ],
    // A delivery tag counts deliveries on one channel; `redelivered` is a hint, not an identity.
    positionFields: [
      {
        packages: ['amqplib', '@types/amqplib'],
        owners: ['CommonMessageFields', 'MessageFields', 'ConsumeMessageFields', 'GetMessageFields'],
        fields: ['deliveryTag'],
        system: 'RabbitMQ',
        reason: 'a delivery tag counts deliveries on one channel and starts again at 1 on every channel',
      },
      {
        packages: ['amqplib', '@types/amqplib'],
        owners: ['CommonMessageFields', 'MessageFields', 'ConsumeMessageFields', 'GetMessageFields'],
        fields: ['redelivered'],
        system: 'RabbitMQ',
        reason: 'the redelivered flag only hints that a message may have been delivered before',
      },
    ],
    messageTypes: [{ packages: ['amqplib', '@types/amqplib'], types: ['ConsumeMessage', 'Message'], system: 'RabbitMQ', description: 'RabbitMQ message handler' }],
  },
};
