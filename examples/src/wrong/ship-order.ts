// WRONG: the shipment is committed, then the message is sent. The window is small, but a
// deploy that kills the process there loses the ShipmentCreated event for good.
import type { Channel } from 'amqplib';
import type { DataSource } from 'typeorm';

class Shipment {
  id!: string;
  orderId!: string;
}

export class ShippingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly channel: Channel,
  ) {}

  async ship(orderId: string): Promise<void> {
    const shipment = await this.dataSource.transaction(async (manager) => manager.save(Shipment, { id: `shp_${orderId}`, orderId }));
    this.channel.publish('shipping', 'shipment.created', Buffer.from(JSON.stringify({ type: 'ShipmentCreated', shipmentId: shipment.id })));
  }
}
// expect: event-driven/no-dual-write, event-driven/require-event-envelope
