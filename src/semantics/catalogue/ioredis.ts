import type { ClientCatalogue } from './types.js';

/** Redis pub/sub and streams. Plain key writes (cache) are not counted as database writes. */
export const ioredis: ClientCatalogue = {
  client: 'ioredis',
  methods: [
    { packages: ['ioredis'], owners: ['RedisCommander'], methods: ['publish', 'spublish', 'xadd'], role: 'publish', system: 'Redis' },
    {
      packages: ['ioredis'],
      owners: ['RedisCommander'],
      methods: ['set', 'setnx', 'get', 'exists', 'sadd', 'sismember', 'hset', 'hsetnx', 'hget', 'hexists'],
      role: 'kv',
      system: 'Redis',
    },
  ],
};
