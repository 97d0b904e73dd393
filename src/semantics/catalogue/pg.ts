import type { ClientCatalogue } from './types.js';

/** node-postgres: every statement goes through `query`, so the SQL text decides the role. */
export const pg: ClientCatalogue = {
  client: 'pg',
  methods: [{ packages: ['pg', '@types/pg'], owners: ['ClientBase', 'Client', 'Pool', 'PoolClient'], methods: ['query'], role: 'sql', system: 'PostgreSQL', sqlOptions: ['text'] }],
};
