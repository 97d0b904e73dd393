import type { ClientCatalogue } from './types.js';

export const bullmq: ClientCatalogue = {
  client: 'bullmq',
  methods: [
    // A job id makes BullMQ drop the second `add` of the same job.
    { packages: ['bullmq'], owners: ['Queue', 'FlowProducer'], methods: ['add', 'addBulk'], role: 'publish', system: 'BullMQ', jobQueue: true, idempotentWith: ['jobId'] },
  ],
  consumers: {
    constructors: [{ packages: ['bullmq'], classes: ['Worker'], handlerIndex: 1, system: 'BullMQ', description: 'BullMQ worker processor' }],
    messageTypes: [{ packages: ['bullmq'], types: ['Job'], system: 'BullMQ', description: 'BullMQ job' }],
  },
};
