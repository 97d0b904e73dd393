import type { ClientCatalogue } from './types.js';

/** Redis pub/sub and streams. Plain key writes (cache) are not counted as database writes. */
export const ioredis: ClientCatalogue = {
  client: 'ioredis',
  methods: [
    { packages: ['ioredis'], owners: ['RedisCommander'], methods: ['publish', 'spublish'], role: 'publish', system: 'Redis', payload: { argument: 1 } },
    { packages: ['ioredis'], owners: ['RedisCommander'], methods: ['xadd'], role: 'publish', system: 'Redis' },
    { packages: ['ioredis'], owners: ['RedisCommander'], methods: ['setnx', 'hsetnx'], role: 'kv', system: 'Redis', guardWhen: 'always' },
    { packages: ['ioredis'], owners: ['RedisCommander'], methods: ['set'], role: 'kv', system: 'Redis', guardWhen: { flag: 'NX' } },
    { packages: ['ioredis'], owners: ['RedisCommander'], methods: ['get', 'exists', 'sadd', 'sismember', 'hset', 'hget', 'hexists'], role: 'kv', system: 'Redis' },
    { packages: ['ioredis'], owners: ['RedisCommander'], methods: ['incr', 'incrby', 'incrbyfloat', 'decr', 'decrby', 'hincrby', 'hincrbyfloat', 'zincrby'], role: 'effect', system: 'Redis', what: 'increments a counter' },
    { packages: ['ioredis'], owners: ['RedisCommander'], methods: ['lpush', 'rpush', 'lpushx', 'rpushx'], role: 'effect', system: 'Redis', what: 'pushes onto a list' },
  ],
};
