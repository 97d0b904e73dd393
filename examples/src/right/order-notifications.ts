// RIGHT: an in-process EventEmitter is not a broker. It delivers once, inside this process, so
// emitting after the write is not a dual write.
import { EventEmitter } from 'node:events';
import { OrderRepository, type Order } from '../shared/db.js';

export const orderEvents = new EventEmitter();
const orders = new OrderRepository();

export async function placeOrderLocally(order: Order): Promise<void> {
  await orders.insert(order);
  orderEvents.emit('order-saved', order.id);
}
