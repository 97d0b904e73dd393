import type { ClientCatalogue } from './types.js';

const streamSequence = 'a stream sequence numbers the message in one stream, and a message published again gets a new one';
const deliveries = 'it counts deliveries of one message, not which message it is';
const redelivered = 'the redelivered flag only hints that a message may have been delivered before';

/** nats.js v2 (`nats`), its v3 split packages, and the legacy NATS Streaming client. */
export const nats: ClientCatalogue = {
  client: 'nats / node-nats-streaming',
  methods: [
    { packages: ['nats', '@nats-io/nats-core', '@nats-io/transport-node'], owners: ['NatsConnection', 'Publisher'], methods: ['publish'], role: 'publish', system: 'NATS', payload: { argument: 1 } },
    { packages: ['nats', '@nats-io/jetstream'], owners: ['JetStreamClient'], methods: ['publish'], role: 'publish', system: 'NATS JetStream', payload: { argument: 1 } },
    { packages: ['node-nats-streaming'], owners: ['Stan'], methods: ['publish'], role: 'publish', system: 'NATS Streaming', payload: { argument: 1 } },
    { packages: ['nats', '@nats-io/jetstream'], owners: ['JsMsg', 'JsMsgImpl'], methods: ['ack', 'ackAck'], role: 'ack', system: 'NATS JetStream' },
    // `term()` stops redelivery for good; `nak()` asks for a redelivery.
    { packages: ['nats', '@nats-io/jetstream'], owners: ['JsMsg', 'JsMsgImpl'], methods: ['nak', 'term'], role: 'nack', system: 'NATS JetStream' },
    { packages: ['node-nats-streaming'], owners: ['Message'], methods: ['ack'], role: 'ack', system: 'NATS Streaming' },
  ],
  consumers: {
    registrations: [
      {
        packages: ['nats', '@nats-io/nats-core', '@nats-io/transport-node'],
        owners: ['NatsConnection'],
        methods: ['subscribe'],
        handler: { kind: 'argument', index: 1, properties: ['callback'] },
        system: 'NATS',
        description: 'NATS subscription callback',
      },
      {
        // JetStream pull consumers: `consumer.consume({ callback })`; the iterator form is below.
        packages: ['nats', '@nats-io/jetstream'],
        owners: ['ExportedConsumer', 'Consumer', 'PushConsumer', 'OrderedPullConsumerImpl', 'PullConsumerImpl'],
        methods: ['consume'],
        handler: { kind: 'argument', index: 0, properties: ['callback'] },
        system: 'NATS JetStream',
        description: 'JetStream consumer callback',
      },
      {
        // Subscription inherits `on` from Node's EventEmitter: match the receiver's type.
        packages: ['node-nats-streaming'],
        receiverOwners: ['Subscription'],
        methods: ['on', 'addListener', 'once'],
        handler: { kind: 'listener', event: 'message' },
        system: 'NATS Streaming',
        description: 'NATS Streaming subscription listener',
      },
    ],
    iterables: [
      {
        packages: ['nats', '@nats-io/nats-core', '@nats-io/jetstream'],
        types: ['Subscription', 'ConsumerMessages', 'JetStreamSubscription'],
        system: 'NATS',
        description: 'NATS subscription loop',
      },
    ],
    // A JetStream stream sequence numbers the message in one stream; a re-publish gets a new one.
    positionFields: [
      { packages: ['nats', '@nats-io/jetstream'], owners: ['JsMsg', 'DeliveryInfo'], fields: ['seq', 'streamSequence'], system: 'NATS JetStream', reason: streamSequence },
      { packages: ['nats', '@nats-io/jetstream'], owners: ['DeliveryInfo'], fields: ['deliverySequence', 'redeliveryCount', 'deliveryCount'], system: 'NATS JetStream', reason: deliveries },
      { packages: ['nats', '@nats-io/jetstream'], owners: ['JsMsg'], fields: ['redelivered'], system: 'NATS JetStream', reason: redelivered },
      { packages: ['node-nats-streaming'], owners: ['Message'], fields: ['getSequence'], system: 'NATS Streaming', reason: streamSequence },
      { packages: ['node-nats-streaming'], owners: ['Message'], fields: ['isRedelivered'], system: 'NATS Streaming', reason: redelivered },
    ],
    messageTypes: [
      { packages: ['nats', '@nats-io/nats-core', '@nats-io/jetstream'], types: ['Msg', 'JsMsg'], system: 'NATS', description: 'NATS message handler' },
      { packages: ['node-nats-streaming'], types: ['Message'], system: 'NATS Streaming', description: 'NATS Streaming message handler' },
    ],
  },
};
