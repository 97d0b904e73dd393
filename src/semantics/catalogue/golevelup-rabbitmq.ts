import type { ClientCatalogue } from './types.js';

const pkg = ['@golevelup/nestjs-rabbitmq'];

/**
 * `@golevelup/nestjs-rabbitmq`: NestJS over RabbitMQ without `@nestjs/microservices`.
 * `AmqpConnection.publish` puts a message on an exchange; `request` publishes and waits for the
 * reply of a `@RabbitRPC` handler (request/reply over the broker). `@RabbitSubscribe` handlers are
 * at-least-once consumers (a nack or a crash redelivers).
 */
export const golevelupRabbitmq: ClientCatalogue = {
  client: '@golevelup/nestjs-rabbitmq',
  methods: [
    { packages: pkg, owners: ['AmqpConnection'], methods: ['publish'], role: 'publish', system: 'RabbitMQ', payload: { argument: 2 } },
    { packages: pkg, owners: ['AmqpConnection'], methods: ['request'], role: 'publish', system: 'RabbitMQ', expectsReply: true },
  ],
  consumers: {
    decorators: [
      { packages: pkg, decorators: ['RabbitSubscribe', 'RabbitHandler'], system: 'RabbitMQ', description: 'RabbitMQ subscriber (@golevelup/nestjs-rabbitmq)' },
      { packages: pkg, decorators: ['RabbitRPC'], system: 'RabbitMQ', description: 'RabbitMQ RPC handler', replies: { patternProperties: ['routingKey', 'queue'], insteadDecorator: 'RabbitSubscribe' } },
    ],
  },
};
