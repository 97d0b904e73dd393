import type { ClientCatalogue } from './types.js';

export const bullmq: ClientCatalogue = {
  client: 'bullmq',
  methods: [{ packages: ['bullmq'], owners: ['Queue', 'FlowProducer'], methods: ['add', 'addBulk'], role: 'publish', system: 'BullMQ' }],
  consumers: {
    constructors: [{ packages: ['bullmq'], classes: ['Worker'], handlerIndex: 1, system: 'BullMQ', description: 'BullMQ worker processor' }],
  },
};
