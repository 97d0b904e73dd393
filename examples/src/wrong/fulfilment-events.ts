// WRONG: events named as commands and states. `ShipOrder` reads as a request that consumers may
// refuse, and `OrderPacking` announces something that has not finished yet.
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { envelope, publishEvent } from '../shared/messaging.js';

const eventBridge = new EventBridgeClient({});

export async function requestShipping(orderId: string, correlationId: string): Promise<void> {
  await publishEvent('fulfilment', orderId, envelope('ShipOrder', { orderId }, correlationId));
}

export async function announcePacking(orderId: string): Promise<void> {
  await eventBridge.send(
    new PutEventsCommand({ Entries: [{ Source: 'fulfilment', DetailType: 'OrderPacking', Detail: JSON.stringify({ orderId }) }] }),
  );
}
// expect: event-driven/event-name-past-tense, event-driven/require-event-envelope
