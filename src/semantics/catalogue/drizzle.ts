import type { ClientCatalogue } from './types.js';

const databases = ['PgDatabase', 'MySqlDatabase', 'BaseSQLiteDatabase'];

export const drizzle: ClientCatalogue = {
  client: 'drizzle-orm',
  methods: [
    {
      packages: ['drizzle-orm'],
      owners: databases,
      methods: ['insert', 'update', 'delete'],
      role: 'write',
      system: 'Drizzle',
      repeat: { inserts: ['insert'], conflictChain: ['onConflictDoNothing', 'onConflictDoUpdate', 'onDuplicateKeyUpdate'] },
    },
    { packages: ['drizzle-orm'], owners: databases, methods: ['transaction'], role: 'tx-scope', system: 'Drizzle', callbackIndex: 0, handleRequired: true },
  ],
};
