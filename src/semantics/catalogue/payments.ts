import type { ClientCatalogue } from './types.js';

/** Payment providers: without an idempotency key, a redelivery charges or refunds again. */
export const payments: ClientCatalogue = {
  client: 'stripe',
  methods: [
    {
      packages: ['stripe'],
      owners: ['ChargeResource', 'PaymentIntentResource', 'RefundResource', 'TransferResource', 'PayoutResource'],
      methods: ['create', 'capture', 'confirm'],
      role: 'effect',
      system: 'Stripe',
      what: 'moves money without an idempotency key',
      idempotentWith: ['idempotencyKey'],
    },
  ],
};
