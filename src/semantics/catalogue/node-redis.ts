import type { ClientCatalogue } from './types.js';

const pkg = ['@redis/client'];

/**
 * node-redis (`redis`, whose commands `@redis/client` declares): pub/sub, streams and keys. Its
 * commands are properties of generated command maps, with no owner name, so any owner in the
 * package matches. Plain key writes (cache) are not counted as database writes.
 */
export const nodeRedis: ClientCatalogue = {
  client: 'redis',
  methods: [
    { packages: pkg, methods: ['publish', 'PUBLISH', 'sPublish', 'SPUBLISH'], role: 'publish', system: 'Redis', payload: { argument: 1 } },
    { packages: pkg, methods: ['xAdd', 'XADD'], role: 'publish', system: 'Redis' },
    { packages: pkg, methods: ['setNX', 'SETNX', 'hSetNX', 'HSETNX'], role: 'kv', system: 'Redis', guardWhen: 'always' },
    { packages: pkg, methods: ['set', 'SET'], role: 'kv', system: 'Redis', guardWhen: { flag: 'NX' } },
    { packages: pkg, methods: ['get', 'GET', 'exists', 'EXISTS', 'sAdd', 'SADD', 'sIsMember', 'SISMEMBER', 'hSet', 'HSET', 'hGet', 'HGET'], role: 'kv', system: 'Redis' },
    { packages: pkg, methods: ['incr', 'INCR', 'incrBy', 'INCRBY', 'decr', 'DECR', 'decrBy', 'DECRBY', 'hIncrBy', 'HINCRBY', 'zIncrBy', 'ZINCRBY'], role: 'effect', system: 'Redis', what: 'increments a counter' },
    { packages: pkg, methods: ['lPush', 'LPUSH', 'rPush', 'RPUSH'], role: 'effect', system: 'Redis', what: 'pushes onto a list' },
  ],
};
