import type { ClientCatalogue } from './types.js';

const pkg = ['postgres'];

/**
 * postgres.js (`postgres`): the client is a tagged template, `` sql`INSERT …` ``, classified like
 * any SQL text. `sql.begin(async (tx) => …)` runs the callback in a transaction that only `tx`
 * (itself a tagged template) is part of.
 */
export const postgresJs: ClientCatalogue = {
  client: 'postgres',
  callables: [{ packages: pkg, owners: ['ISql'], role: 'sql', system: 'PostgreSQL' }],
  methods: [
    { packages: pkg, owners: ['ISql'], methods: ['unsafe'], role: 'sql', system: 'PostgreSQL' },
    { packages: pkg, owners: ['Sql'], methods: ['begin'], role: 'tx-scope', system: 'PostgreSQL', callbackIndex: -1, handleRequired: true },
  ],
};
