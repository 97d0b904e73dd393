import type { ClientCatalogue } from './types.js';

const pkg = ['@azure/service-bus'];

/**
 * Azure Service Bus (`@azure/service-bus`). Peek-lock delivery is at least once: a message whose
 * lock expires, or whose handler throws, is delivered again with a higher `deliveryCount`.
 */
export const azureServiceBus: ClientCatalogue = {
  client: '@azure/service-bus',
  methods: [
    { packages: pkg, owners: ['ServiceBusSender'], methods: ['sendMessages', 'scheduleMessages'], role: 'publish', system: 'Azure Service Bus', payload: { argument: 0, path: ['body'] } },
    { packages: pkg, owners: ['ServiceBusReceiver'], methods: ['receiveMessages'], role: 'receive', system: 'Azure Service Bus' },
    { packages: pkg, owners: ['ServiceBusReceiver'], methods: ['completeMessage'], role: 'ack', system: 'Azure Service Bus' },
    { packages: pkg, owners: ['ServiceBusReceiver'], methods: ['abandonMessage', 'deadLetterMessage'], role: 'nack', system: 'Azure Service Bus' },
  ],
  consumers: {
    registrations: [
      {
        packages: pkg,
        owners: ['ServiceBusReceiver', 'ServiceBusSessionReceiver'],
        methods: ['subscribe'],
        handler: { kind: 'argument', index: 0, properties: ['processMessage'] },
        system: 'Azure Service Bus',
        description: 'Service Bus message handler',
      },
    ],
    positionFields: [
      {
        packages: pkg,
        owners: ['ServiceBusReceivedMessage'],
        fields: ['sequenceNumber', 'enqueuedSequenceNumber'],
        system: 'Azure Service Bus',
        reason: 'the broker numbers every enqueue, so a message sent again gets a new sequence number',
      },
      {
        packages: pkg,
        owners: ['ServiceBusReceivedMessage'],
        fields: ['deliveryCount'],
        system: 'Azure Service Bus',
        reason: 'it counts deliveries of one message, not which message it is',
      },
      {
        packages: pkg,
        owners: ['ServiceBusReceivedMessage'],
        fields: ['lockToken'],
        system: 'Azure Service Bus',
        reason: 'a lock token names one delivery and changes on every redelivery',
      },
    ],
    messageTypes: [{ packages: pkg, types: ['ServiceBusReceivedMessage'], system: 'Azure Service Bus', description: 'Service Bus message handler' }],
  },
};
