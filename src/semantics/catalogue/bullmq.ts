import type { ClientCatalogue } from './types.js';

export const bullmq: ClientCatalogue = {
  client: 'bullmq',
  methods: [{ packages: ['bullmq'], owners: ['Queue', 'FlowProducer'], methods: ['add', 'addBulk'], role: 'publish', system: 'BullMQ' }],
};
