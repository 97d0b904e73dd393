import type { ClientCatalogue } from './types.js';

/**
 * JavaScript's own collections, declared in TypeScript's default library: a `Set` of seen ids
 * is a (per-process) dedupe store.
 */
export const inMemoryCollections: ClientCatalogue = {
  client: 'Set / Map',
  methods: [
    {
      packages: ['typescript', '@typescript/typescript6'],
      owners: ['Set', 'Map', 'ReadonlySet', 'ReadonlyMap', 'WeakSet', 'WeakMap'],
      methods: ['has', 'add', 'set', 'get'],
      role: 'kv',
      system: 'an in-memory set',
    },
  ],
};
