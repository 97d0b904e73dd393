import type { ClientCatalogue } from './types.js';

/** nats.js v2 (`nats`), its v3 split packages, and the legacy NATS Streaming client. */
export const nats: ClientCatalogue = {
  client: 'nats / node-nats-streaming',
  methods: [
    { packages: ['nats', '@nats-io/nats-core', '@nats-io/transport-node'], owners: ['NatsConnection', 'Publisher'], methods: ['publish'], role: 'publish', system: 'NATS' },
    { packages: ['nats', '@nats-io/jetstream'], owners: ['JetStreamClient'], methods: ['publish'], role: 'publish', system: 'NATS JetStream' },
    { packages: ['node-nats-streaming'], owners: ['Stan'], methods: ['publish'], role: 'publish', system: 'NATS Streaming' },
  ],
  consumers: {
    registrations: [
      {
        packages: ['nats', '@nats-io/nats-core', '@nats-io/transport-node'],
        owners: ['NatsConnection'],
        methods: ['subscribe'],
        handler: { kind: 'argument', index: 1, properties: ['callback'] },
        system: 'NATS',
        description: 'NATS subscription callback',
      },
      {
        // Subscription inherits `on` from Node's EventEmitter: match the receiver's type.
        packages: ['node-nats-streaming'],
        receiverOwners: ['Subscription'],
        methods: ['on', 'addListener', 'once'],
        handler: { kind: 'listener', event: 'message' },
        system: 'NATS Streaming',
        description: 'NATS Streaming subscription listener',
      },
    ],
    iterables: [
      {
        packages: ['nats', '@nats-io/nats-core', '@nats-io/jetstream'],
        types: ['Subscription', 'ConsumerMessages', 'JetStreamSubscription'],
        system: 'NATS',
        description: 'NATS subscription loop',
      },
    ],
    messageTypes: [
      { packages: ['nats', '@nats-io/nats-core', '@nats-io/jetstream'], types: ['Msg', 'JsMsg'], system: 'NATS', description: 'NATS message handler' },
      { packages: ['node-nats-streaming'], types: ['Message'], system: 'NATS Streaming', description: 'NATS Streaming message handler' },
    ],
  },
};
