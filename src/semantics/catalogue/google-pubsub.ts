import type { ClientCatalogue } from './types.js';

export const googlePubSub: ClientCatalogue = {
  client: '@google-cloud/pubsub',
  methods: [
    { packages: ['@google-cloud/pubsub'], owners: ['Topic'], methods: ['publish', 'publishJSON'], role: 'publish', system: 'Pub/Sub', payload: { argument: 0 } },
    // `publishMessage({ data })` or `publishMessage({ json })`.
    {
      packages: ['@google-cloud/pubsub'],
      owners: ['Topic'],
      methods: ['publishMessage'],
      role: 'publish',
      system: 'Pub/Sub',
      payload: { argument: 0, path: ['data|json'] },
      partitionKey: { argument: 0, property: 'orderingKey' },
    },
    { packages: ['@google-cloud/pubsub'], owners: ['Message'], methods: ['ack', 'ackWithResponse'], role: 'ack', system: 'Pub/Sub' },
    { packages: ['@google-cloud/pubsub'], owners: ['Message'], methods: ['nack', 'nackWithResponse'], role: 'nack', system: 'Pub/Sub' },
  ],
  consumers: {
    registrations: [
      {
        packages: ['@google-cloud/pubsub'],
        owners: ['Subscription'],
        methods: ['on'],
        handler: { kind: 'listener', event: 'message' },
        system: 'Pub/Sub',
        description: 'Pub/Sub subscription listener',
      },
    ],
    // The ack id changes on every delivery of the same message.
    positionFields: [
      { packages: ['@google-cloud/pubsub'], owners: ['Message'], fields: ['ackId'], system: 'Pub/Sub', reason: 'an ack id is new on every delivery of the same message' },
      { packages: ['@google-cloud/pubsub'], owners: ['Message'], fields: ['deliveryAttempt'], system: 'Pub/Sub', reason: 'a delivery attempt counts deliveries of one message' },
    ],
    messageTypes: [{ packages: ['@google-cloud/pubsub'], types: ['Message'], system: 'Pub/Sub', description: 'Pub/Sub message handler' }],
  },
};
