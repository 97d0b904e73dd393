import type { ClientCatalogue } from './types.js';

const runs = ['execute', 'executeTakeFirst', 'executeTakeFirstOrThrow'];

/**
 * Kysely: a query is built fluently and runs at `execute()`, so the write is the `execute` of an
 * insert, update or delete builder. `db.transaction().execute(async (trx) => …)` runs the callback
 * in a transaction that only `trx` is part of.
 */
export const kysely: ClientCatalogue = {
  client: 'kysely',
  methods: [
    { packages: ['kysely'], owners: ['InsertQueryBuilder'], methods: runs, role: 'write', system: 'Kysely', repeat: { inserts: runs, conflictChain: ['onConflict', 'ignore', 'onDuplicateKeyUpdate'] } },
    { packages: ['kysely'], owners: ['UpdateQueryBuilder', 'DeleteQueryBuilder'], methods: runs, role: 'write', system: 'Kysely' },
    { packages: ['kysely'], owners: ['SelectQueryBuilder'], methods: runs, role: 'read', system: 'Kysely' },
    { packages: ['kysely'], owners: ['TransactionBuilder'], methods: ['execute'], role: 'tx-scope', system: 'Kysely', callbackIndex: 0, handleRequired: true },
  ],
};
