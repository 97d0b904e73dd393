import type { ClientCatalogue } from './types.js';

/**
 * MikroORM 6 (`@mikro-orm/core`): a unit of work. `persist` only schedules; `flush` (and
 * `persistAndFlush`) writes. `em.transactional(async (em) => …)` runs the callback in a
 * transaction on a forked entity manager, which is the handle writes must go through.
 */
export const mikroOrm: ClientCatalogue = {
  client: '@mikro-orm/core',
  methods: [
    {
      packages: ['@mikro-orm/core'],
      owners: ['EntityManager'],
      methods: ['flush', 'persistAndFlush', 'removeAndFlush', 'insert', 'insertMany', 'nativeUpdate', 'nativeDelete', 'upsert', 'upsertMany'],
      role: 'write',
      system: 'MikroORM',
      repeat: { inserts: ['insert', 'insertMany'] },
    },
    {
      packages: ['@mikro-orm/core'],
      owners: ['EntityRepository'],
      methods: ['insert', 'insertMany', 'nativeUpdate', 'nativeDelete', 'upsert', 'upsertMany'],
      role: 'write',
      system: 'MikroORM',
      repeat: { inserts: ['insert', 'insertMany'] },
    },
    { packages: ['@mikro-orm/core'], owners: ['EntityManager', 'EntityRepository'], methods: ['findOne', 'findOneOrFail', 'find', 'count'], role: 'read', system: 'MikroORM' },
    { packages: ['@mikro-orm/core'], owners: ['EntityManager'], methods: ['transactional'], role: 'tx-scope', system: 'MikroORM', callbackIndex: 0, handleRequired: true },
    { packages: ['@mikro-orm/core'], owners: ['EntityManager'], methods: ['begin'], role: 'tx-begin', system: 'MikroORM' },
    { packages: ['@mikro-orm/core'], owners: ['EntityManager'], methods: ['commit'], role: 'tx-commit', system: 'MikroORM' },
    { packages: ['@mikro-orm/core'], owners: ['EntityManager'], methods: ['rollback'], role: 'tx-rollback', system: 'MikroORM' },
  ],
  transactionDecorators: [{ packages: ['@mikro-orm/core'], decorators: ['Transactional'], system: 'MikroORM' }],
};
