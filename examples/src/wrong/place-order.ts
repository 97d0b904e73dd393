// WRONG: the order row and the OrderPlaced event are two separate calls. A crash or a Kafka
// outage between them leaves an order that billing and shipping never hear about.
import { OrderRepository, type Order } from '../shared/db.js';
import { envelope, publishEvent } from '../shared/messaging.js';

const orders = new OrderRepository();

export async function placeOrder(order: Order, correlationId: string): Promise<void> {
  await orders.insert(order);
  await publishEvent('orders', order.id, envelope('OrderPlaced', order, correlationId));
}
// expect: event-driven/no-dual-write
