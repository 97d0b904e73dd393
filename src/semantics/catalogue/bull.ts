import type { ClientCatalogue } from './types.js';

/**
 * Bull 4 (`bull`, the predecessor of BullMQ, still the job system of many products). Its types
 * are interfaces in `declare namespace Bull`: `Queue.add(data, opts)` / `add(name, data, opts)`,
 * and `Queue.process(…, handler)` with the handler last. Failed jobs are retried (`attempts`),
 * so a processor may run twice for one job.
 */
export const bull: ClientCatalogue = {
  client: 'bull',
  methods: [
    { packages: ['bull', '@types/bull'], owners: ['Queue'], methods: ['add', 'addBulk'], role: 'publish', system: 'Bull', jobQueue: true, idempotentWith: ['jobId'] },
  ],
  consumers: {
    registrations: [
      {
        packages: ['bull', '@types/bull'],
        owners: ['Queue'],
        methods: ['process'],
        handler: { kind: 'argument', index: -1 },
        system: 'Bull',
        description: 'Bull job processor',
      },
    ],
    messageTypes: [{ packages: ['bull', '@types/bull'], types: ['Job'], system: 'Bull', description: 'Bull job' }],
  },
};
