import type { ClientCatalogue } from './types.js';

/**
 * Resend: a redelivered message sends the email again, unless the call passes an
 * `idempotencyKey` (its second argument's options), which Resend deduplicates for 24 hours.
 * The batch class is declared as `Batch$1` by the package's bundler.
 */
export const resend: ClientCatalogue = {
  client: 'resend',
  methods: [
    { packages: ['resend'], owners: ['Emails'], methods: ['send', 'create'], role: 'effect', system: 'email', what: 'sends an email', idempotentWith: ['idempotencyKey'] },
    { packages: ['resend'], owners: ['Batch$1', 'Batch'], methods: ['send', 'create'], role: 'effect', system: 'email', what: 'sends emails', idempotentWith: ['idempotencyKey'] },
  ],
};
