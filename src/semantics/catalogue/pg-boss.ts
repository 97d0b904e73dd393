import type { ClientCatalogue } from './types.js';

const pkg = ['pg-boss'];

/**
 * pg-boss: a job queue in PostgreSQL. `send` opens its own connection, so beside the caller's
 * transaction it is a dual write, unless it is given `{ db }`, the caller's connection, which puts
 * the job in the same transaction. A job whose handler fails is retried (`retryLimit`);
 * `singletonKey` makes a repeated `send` insert nothing.
 */
export const pgBoss: ClientCatalogue = {
  client: 'pg-boss',
  methods: [
    {
      packages: pkg,
      owners: ['PgBoss'],
      methods: ['send', 'sendAfter', 'sendThrottled', 'sendDebounced', 'insert', 'publish'],
      role: 'publish',
      system: 'pg-boss',
      jobQueue: true,
      // `id` also dedupes, but job data has ids too: only the unambiguous option is trusted.
      idempotentWith: ['singletonKey'],
      inCallersTransactionWith: 'db',
    },
  ],
  consumers: {
    registrations: [
      { packages: pkg, owners: ['PgBoss'], methods: ['work'], handler: { kind: 'argument', index: -1 }, system: 'pg-boss', description: 'pg-boss job handler' },
    ],
    messageTypes: [{ packages: pkg, types: ['Job', 'JobWithMetadata'], system: 'pg-boss', description: 'pg-boss job' }],
  },
};
