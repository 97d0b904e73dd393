import type { ClientCatalogue } from './types.js';

/** Twilio: a redelivered message sends the SMS (or places the call) again. */
export const twilio: ClientCatalogue = {
  client: 'twilio',
  methods: [
    { packages: ['twilio'], owners: ['MessageListInstance'], methods: ['create'], role: 'effect', system: 'Twilio', what: 'sends an SMS' },
    { packages: ['twilio'], owners: ['CallListInstance'], methods: ['create'], role: 'effect', system: 'Twilio', what: 'places a phone call' },
  ],
};
