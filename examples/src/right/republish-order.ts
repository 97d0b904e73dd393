// RIGHT: reading an order and publishing a snapshot of it writes nothing, so there is nothing
// for the database and the stream to disagree about.
import { OrderRepository } from '../shared/db.js';
import { envelope, publishEvent } from '../shared/messaging.js';

const orders = new OrderRepository();

export async function republishOrder(orderId: string, correlationId: string): Promise<void> {
  const order = await orders.findById(orderId);
  if (order === undefined) return;
  await publishEvent('orders-snapshots', order.id, envelope('OrderSnapshotTaken', order, correlationId));
}
