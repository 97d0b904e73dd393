import type { ClientCatalogue } from './types.js';

/**
 * kafkajs declares `send`/`sendBatch` on an unexported `type Sender = {…}` that both
 * `Producer` and `Transaction` intersect, so the owner the checker reports is `Sender`.
 * `Transaction.commit` commits a Kafka transaction, not a database one: deliberately absent.
 */
export const kafkajs: ClientCatalogue = {
  client: 'kafkajs',
  methods: [{ packages: ['kafkajs'], owners: ['Sender'], methods: ['send', 'sendBatch'], role: 'publish', system: 'Kafka' }],
};
