import type { ClientCatalogue } from './types.js';

/**
 * Outbound HTTP: a POST is not safe to repeat unless the API offers an idempotency key and the
 * call sends one. GET, PUT and DELETE are idempotent by HTTP's own definition and are left out.
 * Project wrappers around these calls are found through their bodies.
 */
export const http: ClientCatalogue = {
  client: 'fetch / axios',
  methods: [
    {
      // The global `fetch` of Node 18+ (declared by @types/node) and of the DOM library.
      packages: ['node', 'undici-types', 'typescript'],
      methods: ['fetch'],
      role: 'effect',
      system: 'HTTP',
      what: 'sends an HTTP POST',
      onlyWhen: { property: 'method', values: ['POST'] },
      idempotentWith: ['Idempotency-Key'],
    },
    {
      packages: ['axios'],
      owners: ['Axios', 'AxiosInstance', 'AxiosStatic'],
      methods: ['post', 'postForm'],
      role: 'effect',
      system: 'HTTP',
      what: 'sends an HTTP POST',
      idempotentWith: ['Idempotency-Key'],
    },
  ],
};
