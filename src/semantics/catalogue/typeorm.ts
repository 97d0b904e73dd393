import type { ClientCatalogue } from './types.js';

const writeMethods = ['save', 'insert', 'update', 'upsert', 'delete', 'remove', 'softDelete', 'softRemove', 'restore', 'recover', 'increment', 'decrement', 'clear'];

export const typeorm: ClientCatalogue = {
  client: 'typeorm',
  methods: [
    {
      packages: ['typeorm'],
      owners: ['Repository', 'EntityManager', 'BaseEntity'],
      methods: writeMethods,
      role: 'write',
      system: 'TypeORM',
      repeat: { inserts: ['insert'], accumulates: ['increment', 'decrement'], conflictOptions: ['conflictPaths'] },
    },
    { packages: ['typeorm'], owners: ['InsertQueryBuilder'], methods: ['execute'], role: 'write', system: 'TypeORM', repeat: { inserts: ['execute'], conflictChain: ['orIgnore', 'orUpdate'] } },
    { packages: ['typeorm'], owners: ['UpdateQueryBuilder', 'DeleteQueryBuilder', 'SoftDeleteQueryBuilder'], methods: ['execute'], role: 'write', system: 'TypeORM' },
    {
      packages: ['typeorm'],
      owners: ['Repository', 'EntityManager', 'BaseEntity'],
      methods: ['findOne', 'findOneBy', 'findOneOrFail', 'findOneByOrFail', 'exists', 'existsBy', 'count', 'countBy', 'find', 'findBy'],
      role: 'read',
      system: 'TypeORM',
    },
    { packages: ['typeorm'], owners: ['DataSource', 'EntityManager'], methods: ['query'], role: 'sql', system: 'TypeORM' },
    { packages: ['typeorm'], owners: ['QueryRunner'], methods: ['query'], role: 'sql', system: 'TypeORM' },
    { packages: ['typeorm'], owners: ['DataSource', 'EntityManager'], methods: ['transaction'], role: 'tx-scope', system: 'TypeORM', callbackIndex: -1, handleRequired: true },
    { packages: ['typeorm'], owners: ['QueryRunner'], methods: ['startTransaction'], role: 'tx-begin', system: 'TypeORM' },
    { packages: ['typeorm'], owners: ['QueryRunner'], methods: ['commitTransaction'], role: 'tx-commit', system: 'TypeORM' },
    { packages: ['typeorm'], owners: ['QueryRunner'], methods: ['rollbackTransaction'], role: 'tx-rollback', system: 'TypeORM' },
    // typeorm-transactional joins repositories to the ambient transaction through CLS: no handle.
    { packages: ['typeorm-transactional'], methods: ['runInTransaction', 'wrapInTransaction'], role: 'tx-scope', system: 'TypeORM', callbackIndex: 0 },
  ],
  transactionDecorators: [{ packages: ['typeorm-transactional'], decorators: ['Transactional'], system: 'TypeORM' }],
};
