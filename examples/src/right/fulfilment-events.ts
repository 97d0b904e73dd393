// RIGHT: events named for what happened, in the past tense.
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { envelope, publishEvent } from '../shared/messaging.js';

const eventBridge = new EventBridgeClient({});

export async function announceShippingRequested(orderId: string, correlationId: string): Promise<void> {
  await publishEvent('fulfilment', orderId, envelope('ShippingRequested', { orderId }, correlationId));
}

export async function announcePacked(orderId: string, correlationId: string): Promise<void> {
  // The detail is the whole envelope, so consumers behind EventBridge can dedupe and trace it too.
  await eventBridge.send(
    new PutEventsCommand({ Entries: [{ Source: 'fulfilment', DetailType: 'OrderPacked', Detail: JSON.stringify(envelope('OrderPacked', { orderId }, correlationId)) }] }),
  );
}
