import type { ClientCatalogue } from './types.js';

export const googlePubSub: ClientCatalogue = {
  client: '@google-cloud/pubsub',
  methods: [
    { packages: ['@google-cloud/pubsub'], owners: ['Topic'], methods: ['publish', 'publishMessage', 'publishJSON'], role: 'publish', system: 'Pub/Sub' },
  ],
};
