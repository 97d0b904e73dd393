import type { ClientCatalogue } from './types.js';

const pkg = ['amqp-connection-manager'];

/**
 * `amqp-connection-manager`: a reconnecting wrapper over amqplib. `ChannelWrapper.publish` and
 * `sendToQueue` queue the message in memory until a channel is up, so a process that dies first
 * loses it. Consumers registered inside `addSetup` use amqplib's own `Channel.consume`.
 */
export const amqpConnectionManager: ClientCatalogue = {
  client: 'amqp-connection-manager',
  methods: [
    { packages: pkg, owners: ['ChannelWrapper'], methods: ['publish'], role: 'publish', system: 'RabbitMQ', payload: { argument: 2 } },
    { packages: pkg, owners: ['ChannelWrapper'], methods: ['sendToQueue'], role: 'publish', system: 'RabbitMQ', payload: { argument: 1 } },
    { packages: pkg, owners: ['ChannelWrapper'], methods: ['ack'], role: 'ack', system: 'RabbitMQ' },
    { packages: pkg, owners: ['ChannelWrapper'], methods: ['nack'], role: 'nack', system: 'RabbitMQ' },
  ],
  consumers: {
    registrations: [
      {
        packages: pkg,
        owners: ['ChannelWrapper'],
        methods: ['consume'],
        handler: { kind: 'argument', index: 1 },
        system: 'RabbitMQ',
        description: 'RabbitMQ consumer (amqp-connection-manager)',
        autoAckWhen: { argument: 2, property: 'noAck' },
      },
    ],
  },
};
