import type { ClientCatalogue } from './types.js';

/** mysql2 declares `query`/`execute` on anonymous mixin classes, so the owner is left open. */
export const mysql2: ClientCatalogue = {
  client: 'mysql2',
  methods: [
    { packages: ['mysql2'], methods: ['query', 'execute'], role: 'sql', system: 'MySQL', sqlOptions: ['sql'] },
    { packages: ['mysql2'], owners: ['Connection'], methods: ['beginTransaction'], role: 'tx-begin', system: 'MySQL' },
    { packages: ['mysql2'], owners: ['Connection'], methods: ['commit'], role: 'tx-commit', system: 'MySQL' },
    { packages: ['mysql2'], owners: ['Connection'], methods: ['rollback'], role: 'tx-rollback', system: 'MySQL' },
  ],
};
