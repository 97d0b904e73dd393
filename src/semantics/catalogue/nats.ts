import type { ClientCatalogue } from './types.js';

/** nats.js v2 (`nats`), its v3 split packages, and the legacy NATS Streaming client. */
export const nats: ClientCatalogue = {
  client: 'nats / node-nats-streaming',
  methods: [
    { packages: ['nats', '@nats-io/nats-core', '@nats-io/transport-node'], owners: ['NatsConnection', 'Publisher'], methods: ['publish'], role: 'publish', system: 'NATS' },
    { packages: ['nats', '@nats-io/jetstream'], owners: ['JetStreamClient'], methods: ['publish'], role: 'publish', system: 'NATS JetStream' },
    { packages: ['node-nats-streaming'], owners: ['Stan'], methods: ['publish'], role: 'publish', system: 'NATS Streaming' },
  ],
};
