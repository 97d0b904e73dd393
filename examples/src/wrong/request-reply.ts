// WRONG: checkout asks "is this SKU in stock?" by publishing StockCheckRequested and waiting for
// the StockChecked reply with the same id. That is an RPC through two queues: the latency of a
// call plus the queues', no reply at all when the stock service is down, and a reply that
// arrives after the caller gave up lands in a map nobody reads.
import { Inject, Injectable, Module } from '@nestjs/common';
import { ClientProxy, ClientsModule, Transport } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { envelope, publishEvent, type EventEnvelope } from '../shared/messaging.js';

interface StockLevel {
  sku: string;
  available: number;
}

const pendingStockChecks = new Map<string, (level: StockLevel) => void>();

export async function checkStock(sku: string, correlationId: string): Promise<StockLevel> {
  const request = envelope('StockCheckRequested', { sku }, correlationId);
  const reply = new Promise<StockLevel>((resolve) => pendingStockChecks.set(request.id, resolve));
  await publishEvent('stock-requests', sku, request);
  return reply;
}

/** Called by the consumer of the stock service's replies. */
export function onStockChecked(event: EventEnvelope<StockLevel>): void {
  pendingStockChecks.get(event.causationId)?.(event.data);
  pendingStockChecks.delete(event.causationId);
}

// The same over NestJS: `send` waits for a reply, and this client talks to RabbitMQ.
@Injectable()
export class PricingGateway {
  constructor(@Inject('PRICING') private readonly pricing: ClientProxy) {}

  quote(sku: string): Promise<{ priceCents: number }> {
    return firstValueFrom(this.pricing.send<{ priceCents: number }>('pricing.quote', { sku }));
  }
}

@Module({
  imports: [ClientsModule.register([{ name: 'PRICING', transport: Transport.RMQ, options: { urls: ['amqp://localhost'], queue: 'pricing' } }])],
  providers: [PricingGateway],
})
export class PricingModule {}
// expect: event-driven/no-request-reply-over-events
