import type { ClientCatalogue } from './types.js';

/** amqplib 2.x ships its own types, for both the promise and the callback API. */
export const amqplib: ClientCatalogue = {
  client: 'amqplib',
  methods: [
    { packages: ['amqplib', '@types/amqplib'], owners: ['Channel', 'ConfirmChannel'], methods: ['publish', 'sendToQueue'], role: 'publish', system: 'RabbitMQ' },
    { packages: ['amqplib', '@types/amqplib'], owners: ['ConfirmChannel'], methods: ['waitForConfirms'], role: 'confirm', system: 'RabbitMQ' },
  ],
};
