import type { ClientCatalogue } from './types.js';

export const knex: ClientCatalogue = {
  client: 'knex',
  methods: [
    {
      packages: ['knex'],
      owners: ['QueryInterface', 'QueryBuilder'],
      methods: ['insert', 'update', 'del', 'delete', 'upsert', 'increment', 'decrement', 'truncate'],
      role: 'write',
      system: 'Knex',
      tableChain: ['into', 'table', 'from'],
      repeat: { inserts: ['insert'], accumulates: ['increment', 'decrement'], conflictChain: ['onConflict', 'ignore', 'merge'] },
    },
    { packages: ['knex'], owners: ['QueryInterface', 'QueryBuilder'], methods: ['where', 'first', 'select', 'whereIn'], role: 'read', system: 'Knex' },
    { packages: ['knex'], owners: ['Knex'], methods: ['transaction'], role: 'tx-scope', system: 'Knex', callbackIndex: 0, handleRequired: true },
    { packages: ['knex'], owners: ['Transaction'], methods: ['commit'], role: 'tx-commit', system: 'Knex' },
    { packages: ['knex'], owners: ['Transaction'], methods: ['rollback'], role: 'tx-rollback', system: 'Knex' },
  ],
};
