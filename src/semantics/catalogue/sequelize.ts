import type { ClientCatalogue } from './types.js';

export const sequelize: ClientCatalogue = {
  client: 'sequelize',
  methods: [
    {
      packages: ['sequelize'],
      owners: ['Model'],
      methods: ['create', 'bulkCreate', 'update', 'destroy', 'upsert', 'increment', 'decrement', 'save', 'restore'],
      role: 'write',
      system: 'Sequelize',
      repeat: { inserts: ['create', 'bulkCreate'], accumulates: ['increment', 'decrement'], conflictOptions: ['ignoreDuplicates', 'updateOnDuplicate'] },
    },
    { packages: ['sequelize'], owners: ['Model'], methods: ['findOne', 'findByPk', 'findAll', 'count'], role: 'read', system: 'Sequelize' },
    { packages: ['sequelize'], owners: ['Sequelize'], methods: ['query'], role: 'sql', system: 'Sequelize', sqlOptions: ['query'] },
    { packages: ['sequelize'], owners: ['Sequelize'], methods: ['transaction'], role: 'tx-scope', system: 'Sequelize', callbackIndex: -1 },
    { packages: ['sequelize'], owners: ['Transaction'], methods: ['commit'], role: 'tx-commit', system: 'Sequelize' },
    { packages: ['sequelize'], owners: ['Transaction'], methods: ['rollback'], role: 'tx-rollback', system: 'Sequelize' },
  ],
};
