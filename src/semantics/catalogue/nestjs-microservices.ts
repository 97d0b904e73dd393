import type { ClientCatalogue } from './types.js';

/** `ClientKafka`, `ClientRMQ`… inherit `emit` from the abstract `ClientProxy`. */
export const nestjsMicroservices: ClientCatalogue = {
  client: '@nestjs/microservices',
  methods: [
    { packages: ['@nestjs/microservices'], owners: ['ClientProxy'], methods: ['emit'], role: 'publish', system: 'NestJS microservice transport', payload: { argument: 1 } },
    // `send` waits for a reply, but the request is a message on the broker all the same.
    {
      packages: ['@nestjs/microservices'],
      owners: ['ClientProxy'],
      methods: ['send'],
      role: 'publish',
      system: 'NestJS microservice transport',
      expectsReply: true,
      transportFromClient: true,
    },
  ],
  consumers: {
    decorators: [
      {
        packages: ['@nestjs/microservices'],
        decorators: ['EventPattern', 'MessagePattern'],
        system: 'NestJS microservice transport',
        description: 'NestJS message handler',
      },
    ],
  },
};
