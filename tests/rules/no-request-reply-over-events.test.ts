import rule from '../../rules/no-request-reply-over-events.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('no-request-reply-over-events', rule, {
  valid: [
    {
      name: 'waiting for a publisher confirm is waiting for the broker, not for a reply',
      code: `
import type { ConfirmChannel } from 'amqplib';
export async function publish(channel: ConfirmChannel, orderId: string) {
  channel.publish('orders', 'order.placed', Buffer.from(JSON.stringify({ orderId })), { persistent: true });
  await channel.waitForConfirms();
}
`,
    },
    {
      name: 'awaiting the broker acknowledgement of producer.send',
      code: `
import type { Producer, RecordMetadata } from 'kafkajs';
export async function publish(producer: Producer, orderId: string): Promise<RecordMetadata[]> {
  const acks = await producer.send({ topic: 'orders', messages: [{ key: orderId, value: JSON.stringify({ orderId }) }] });
  return acks;
}
`,
    },
    {
      name: 'lastValueFrom(client.emit(…)) waits for the emit to be handed over, not for a reply',
      code: `
import { Inject, Injectable } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
@Injectable()
export class OrdersService {
  constructor(@Inject('FLOW_ORDERS_KAFKA') private readonly client: ClientProxy) {}
  async placed(orderId: string) {
    await lastValueFrom(this.client.emit('order_placed', { orderId }));
  }
}
`,
    },
    {
      name: 'ClientProxy.send over TCP, gRPC and the default transport is a synchronous call',
      code: `
import { Inject, Injectable } from '@nestjs/common';
import { ClientProxy, ClientProxyFactory, ClientTCP, Transport } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
@Injectable()
export class PricingService {
  private readonly local = ClientProxyFactory.create({ transport: Transport.TCP, options: { port: 3003 } });
  constructor(
    @Inject('FLOW_PRICING_TCP') private readonly pricing: ClientProxy,
    @Inject('FLOW_CATALOG_DEFAULT') private readonly catalog: ClientProxy,
    @Inject('FLOW_GRPC') private readonly grpc: ClientProxy,
    private readonly tcp: ClientTCP,
  ) {}
  async quote(sku: string) {
    return Promise.all([
      firstValueFrom(this.pricing.send('quote', { sku })),
      firstValueFrom(this.catalog.send('item', { sku })),
      firstValueFrom(this.grpc.send('item', { sku })),
      firstValueFrom(this.tcp.send('item', { sku })),
      firstValueFrom(this.local.send('item', { sku })),
    ]);
  }
}
`,
    },
    {
      name: 'HTTP calls (fetch, axios) with a pending map keyed by request id publish nothing to a broker',
      code: `
import axios from 'axios';
import { randomUUID } from 'node:crypto';
const pending = new Map<string, (value: unknown) => void>();
export async function quote(sku: string) {
  const requestId = randomUUID();
  const reply = new Promise((resolve) => pending.set(requestId, resolve));
  await fetch('https://pricing.internal/quotes', { method: 'POST', body: JSON.stringify({ sku, requestId }) });
  await axios.post('https://pricing.internal/quotes', { sku, requestId });
  return reply;
}
`,
    },
    {
      name: 'an in-process EventEmitter request/response stays inside the process',
      code: `
import { randomUUID } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
const bus = new EventEmitter();
export async function price(sku: string) {
  const correlationId = randomUUID();
  bus.emit('price.requested', { sku, correlationId });
  const [reply] = await once(bus, correlationId);
  return new Promise((resolve) => {
    bus.once(correlationId, resolve);
    bus.emit('price.requested', { sku, correlationId });
  }).then(() => reply);
}
`,
    },
    {
      name: 'any-typed clients and producers are not recognised',
      code: `
import { randomUUID } from 'node:crypto';
const pending = new Map<string, (value: unknown) => void>();
export async function quote(client: any, producer: any, sku: string) {
  client.send('quote', { sku });
  const correlationId = randomUUID();
  await producer.send({ topic: 'pricing', messages: [{ value: JSON.stringify({ sku, correlationId }) }] });
  return new Promise((resolve) => pending.set(correlationId, resolve));
}
`,
    },
    {
      name: 'the RPC server side replies from inside its consumer: it waits for nothing',
      code: `
import type { Channel } from 'amqplib';
export async function serve(channel: Channel) {
  await channel.consume('rpc_queue', (message) => {
    if (message === null) return;
    channel.sendToQueue(message.properties.replyTo as string, Buffer.from('42'), { correlationId: message.properties.correlationId as string });
    channel.ack(message);
  });
}
`,
    },
    {
      name: 'the pending map is filled in one method and the publish happens in another (both must be in one function)',
      code: `
import type { Producer } from 'kafkajs';
export class Requests {
  private readonly pending = new Map<string, (value: unknown) => void>();
  constructor(private readonly producer: Producer) {}
  waitFor(correlationId: string) {
    return new Promise((resolve) => this.pending.set(correlationId, resolve));
  }
  async announce(orderId: string) {
    await this.producer.send({ topic: 'orders', messages: [{ key: orderId, value: orderId }] });
  }
  route(correlationId: string, reply: unknown) {
    this.pending.get(correlationId)?.(reply);
    this.pending.delete(correlationId);
  }
}
`,
    },
    {
      name: 'a timer keyed by the job id is a delay, not a pending reply',
      code: `
import type { Producer } from 'kafkajs';
const timers: Record<string, NodeJS.Timeout> = {};
export async function publishWithBackoff(producer: Producer, jobId: string, delayMs: number) {
  await new Promise((resolve) => {
    timers[jobId] = setTimeout(resolve, delayMs);
  });
  await producer.send({ topic: 'jobs', messages: [{ key: jobId, value: jobId }] });
}
`,
    },
    {
      name: 'a reply stream read without a correlation filter, and a loop without one',
      code: `
import type { Channel } from 'amqplib';
import type { Producer } from 'kafkajs';
import { Subject, firstValueFrom, map } from 'rxjs';
const updates$ = new Subject<{ orderId: string; status: string }>();
export async function watch(producer: Producer, channel: Channel, orderId: string) {
  await producer.send({ topic: 'orders', messages: [{ key: orderId, value: orderId }] });
  const first = await firstValueFrom(updates$.pipe(map((u) => u.status)));
  for (let i = 0; i < 3; i++) {
    const message = await channel.get('audit');
    if (message && message.properties.type === 'OrderPlaced') channel.ack(message);
  }
  return first;
}
`,
    },
    {
      name: '@MessagePattern handlers that return nothing, and replies on TCP',
      code: `
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, MessagePattern, Payload, Transport } from '@nestjs/microservices';
@Controller()
export class OrdersController {
  @MessagePattern('get_order', Transport.TCP)
  getOrder(@Payload() id: string) {
    return { id };
  }
  @MessagePattern('order.shipped')
  async onShipped(@Payload() id: string): Promise<void> {
    await Promise.resolve(id);
  }
  @MessagePattern('order.cancelled', Transport.TCP)
  onCancelled(@Payload() id: string) {
    return { id };
  }
  @EventPattern('order.placed')
  onPlaced(@Payload() id: string) {
    return id;
  }
}
@Module({ controllers: [OrdersController] })
class AppModule {}
export async function bootstrap() {
  const app = await NestFactory.createMicroservice(AppModule, { transport: Transport.KAFKA, options: { client: { brokers: ['kafka:9092'] } } });
  await app.listen();
}
`,
    },
    {
      name: 'an event-named @MessagePattern where no broker server is started in the program',
      code: `
import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
@Controller()
export class OrdersController {
  @MessagePattern('order.placed')
  onPlaced() {
    return { ok: true };
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'ClientProxy.send on a client registered with Transport.KAFKA in another file',
      code: `
import { Inject, Injectable } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
@Injectable()
export class CheckoutService {
  constructor(@Inject('FLOW_ORDERS_KAFKA') private readonly orders: ClientProxy) {}
  async status(orderId: string) {
    return firstValueFrom(this.orders.send('order.status', { orderId }));
  }
}
`,
      errors: [{ messageId: 'requestReply', line: 9, column: 27, endColumn: 72, data: { call: '`orders.send`', transport: 'Kafka' } }],
    },
    {
      name: 'a class field injected with a const token, and a symbol token',
      code: `
import { Inject, Injectable } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { FLOW_AUDIT, FLOW_SHIPPING } from './lib/flow-clients.js';
@Injectable()
export class ShippingService {
  @Inject(FLOW_SHIPPING) private readonly shipping!: ClientProxy;
  @Inject(FLOW_AUDIT) private readonly audit!: ClientProxy;
  quote(orderId: string) {
    this.audit.send('audit.lookup', { orderId }).subscribe();
    return this.shipping.send('shipping.quote', { orderId });
  }
}
`,
      errors: [
        { messageId: 'requestReply', line: 10, column: 5, data: { call: '`audit.send`', transport: 'NATS' } },
        { messageId: 'requestReply', line: 11, column: 12, data: { call: '`shipping.send`', transport: 'Redis' } },
      ],
    },
    {
      name: 'aliased imports: a field created by ClientProxyFactory.create with an RMQ transport',
      code: `
import { ClientProxy as Bus, ClientProxyFactory as Factory, Transport as T } from '@nestjs/microservices';
export class StockClient {
  private readonly bus: Bus = Factory.create({ transport: T.RMQ, options: { urls: ['amqp://rabbit'], queue: 'stock' } });
  private readonly nats: Bus;
  constructor() {
    this.nats = Factory.create({ transport: T.NATS });
  }
  reserve(sku: string) {
    this.nats.send('stock.available', { sku });
    return this.bus.send('stock.reserve', { sku });
  }
}
`,
      errors: [
        { messageId: 'requestReply', line: 10, column: 5, data: { call: '`nats.send`', transport: 'NATS' } },
        { messageId: 'requestReply', line: 11, column: 12, data: { call: '`bus.send`', transport: 'RabbitMQ' } },
      ],
    },
    {
      name: 'ClientKafka: the reply-topic subscription and the send',
      code: `
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
@Injectable()
export class PaymentsGateway implements OnModuleInit {
  constructor(private readonly kafka: ClientKafka) {}
  async onModuleInit() {
    this.kafka.subscribeToResponseOf('payment.authorize');
    await this.kafka.connect();
  }
  authorize(orderId: string) {
    return this.kafka.send('payment.authorize', { orderId });
  }
}
`,
      errors: [
        { messageId: 'replySubscription', line: 8, column: 5, data: { call: '`kafka.subscribeToResponseOf`', pattern: "`'payment.authorize'`" } },
        { messageId: 'requestReply', line: 12, column: 12, data: { call: '`kafka.send`', transport: 'Kafka' } },
      ],
    },
    {
      name: 'a project subclass of ClientRMQ, and a request/reply at the top level of a module',
      code: `
import { randomUUID } from 'node:crypto';
import { ClientRMQ } from '@nestjs/microservices';
import { Kafka } from 'kafkajs';
class TracedRmqClient extends ClientRMQ {}
export function stock(client: TracedRmqClient) {
  return client.send('stock.level', {});
}
const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();
const pending = new Map<string, (reply: unknown) => void>();
const correlationId = randomUUID();
const reply = new Promise((resolve) => pending.set(correlationId, resolve));
await producer.send({ topic: 'config.requested', messages: [{ value: correlationId }] });
export const config = await reply;
`,
      errors: [
        { messageId: 'requestReply', line: 7, column: 10, data: { call: '`client.send`', transport: 'RabbitMQ' } },
        {
          messageId: 'correlatedReply',
          line: 12,
          column: 15,
          data: { wait: '`new Promise(…)`', matched: 'a map of pending replies keyed by `correlationId`', publish: '`producer.send`', broker: 'Kafka' },
        },
      ],
    },
    {
      name: 'registerAsync (useFactory, useClass), a custom provider, and a client created in another module',
      code: `
import { Inject, Injectable } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import { flowNatsClient } from './lib/flow-clients.js';
@Injectable()
export class Gateway {
  constructor(
    @Inject('FLOW_STOCK_RMQ') private readonly stock: ClientProxy,
    @Inject('FLOW_PAYMENTS_MQTT') private readonly payments: ClientProxy,
    @Inject('FLOW_BILLING_NATS') private readonly billing: ClientProxy,
  ) {}
  ask() {
    this.stock.send('stock.level', {});
    this.payments.send('payment.status', {});
    this.billing.send('invoice.total', {});
    flowNatsClient.send('customer.credit', {});
  }
}
`,
      errors: [
        { messageId: 'requestReply', line: 13, column: 5, data: { call: '`stock.send`', transport: 'RabbitMQ' } },
        { messageId: 'requestReply', line: 14, column: 5, data: { call: '`payments.send`', transport: 'MQTT' } },
        { messageId: 'requestReply', line: 15, column: 5, data: { call: '`billing.send`', transport: 'NATS' } },
        { messageId: 'requestReply', line: 16, column: 5, data: { call: '`flowNatsClient.send`', transport: 'NATS' } },
      ],
    },
    {
      name: 'the transport is not visible: a parameter, an unregistered token, a transport chosen at run time',
      code: `
import { Inject, Injectable } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
export function lookup(client: ClientProxy, sku: string) {
  return client.send('catalog.item', { sku });
}
@Injectable()
export class Catalog {
  constructor(
    @Inject('FLOW_NOT_REGISTERED') private readonly items: ClientProxy,
    @Inject('FLOW_DYNAMIC') private readonly dynamic: ClientProxy,
  ) {}
  item(sku: string) {
    this.dynamic.send('catalog.item', { sku });
    return this.items.send('catalog.item', { sku });
  }
}
`,
      errors: [
        {
          messageId: 'requestReplyUnknownTransport',
          line: 5,
          column: 10,
          data: { call: '`client.send`', why: '`client` is a parameter without an `@Inject` token, so its caller decides' },
        },
        {
          messageId: 'requestReplyUnknownTransport',
          line: 14,
          column: 5,
          data: { call: '`dynamic.send`', why: "the client registered as 'FLOW_DYNAMIC': its transport is one of TCP, Kafka at run time" },
        },
        {
          messageId: 'requestReplyUnknownTransport',
          line: 15,
          column: 12,
          data: { call: '`items.send`', why: "no client registration named 'FLOW_NOT_REGISTERED' is visible in this program" },
        },
      ],
    },
    {
      name: '@MessagePattern with an event-named pattern replies over the Kafka server the program starts',
      code: `
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern as Replies, Payload, Transport } from '@nestjs/microservices';
@Controller()
export class StockController {
  @Replies('order.placed')
  reserve(@Payload() order: { id: string }) {
    return { reserved: true, orderId: order.id };
  }
  @Replies('payment_captured', Transport.NATS)
  async captured() {
    return Promise.resolve('ok');
  }
}
@Module({ controllers: [StockController] })
class AppModule {}
export async function bootstrap() {
  const app = await NestFactory.createMicroservice(AppModule, { transport: Transport.KAFKA, options: { client: { brokers: ['kafka:9092'] } } });
  await app.listen();
}
`,
      errors: [
        { messageId: 'replyingEventHandler', line: 7, column: 3, data: { handler: '`StockController.reserve`', pattern: 'order.placed', transport: 'Kafka' } },
        { messageId: 'replyingEventHandler', line: 11, column: 3, data: { handler: '`StockController.captured`', pattern: 'payment_captured', transport: 'NATS' } },
      ],
    },
    {
      name: 'RPC-style and computed patterns answer over the broker too: the responding half of request/reply',
      code: `
import { Controller } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload, Transport } from '@nestjs/microservices';
class InventoryReserved {}
@Controller()
export class InventoryController {
  @MessagePattern('get_stock_level')
  level(@Payload() sku: string) {
    return { sku, level: 3 };
  }
  @MessagePattern(InventoryReserved.name, Transport.RMQ)
  async onReserved(@Payload() sku: string): Promise<{ ok: boolean }> {
    await Promise.resolve(sku);
    return { ok: true };
  }
}
export async function bootstrap(module: object) {
  const app = await NestFactory.createMicroservice(module, { transport: Transport.REDIS, options: { host: 'redis' } });
  await app.listen();
}
`,
      errors: [
        { messageId: 'replyingHandler', line: 8, column: 3, data: { handler: '`InventoryController.level`', pattern: 'get_stock_level', transport: 'Redis' } },
        { messageId: 'replyingHandler', line: 12, column: 3, data: { handler: '`InventoryController.onReserved`', pattern: 'InventoryReserved.name', transport: 'RabbitMQ' } },
      ],
    },
    {
      name: 'a map of pending replies in a class field, keyed by the correlation id sent with kafkajs',
      code: `
import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
interface Pending { resolve: (reply: unknown) => void; reject: (error: Error) => void }
export class PricingClient {
  private readonly pending = new Map<string, Pending>();
  constructor(private readonly producer: Producer) {}
  async quote(sku: string) {
    const correlationId = randomUUID();
    const reply = new Promise((resolve, reject) => {
      this.pending.set(correlationId, { resolve, reject });
    });
    await this.producer.send({ topic: 'pricing.quote-requested', messages: [{ key: sku, value: JSON.stringify({ sku }), headers: { correlationId } }] });
    return reply;
  }
}
`,
      errors: [
        {
          messageId: 'correlatedReply',
          line: 10,
          column: 19,
          endLine: 12,
          endColumn: 7,
          data: { wait: '`new Promise(…)`', matched: 'a map of pending replies keyed by `correlationId`', publish: '`producer.send`', broker: 'Kafka' },
        },
      ],
    },
    {
      name: 'a publish through a wrapper in another file, then a listener keyed by the id on a reply emitter',
      code: `
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Producer } from 'kafkajs';
import { publishRequest } from './lib/flow-requests.js';
const replies = new EventEmitter();
export async function reserve(producer: Producer, sku: string) {
  const id = randomUUID();
  await publishRequest(producer, 'stock.reservation-requested', id, { sku });
  return new Promise((resolve) => replies.once(id, resolve));
}
`,
      errors: [
        {
          messageId: 'correlatedReply',
          line: 10,
          column: 10,
          data: { wait: '`new Promise(…)`', matched: 'a listener keyed by `id`', publish: '`publishRequest` (via `producer.send`)', broker: 'Kafka' },
        },
      ],
    },
    {
      name: 'NestJS emit, then an aliased firstValueFrom over a reply stream filtered on the correlation id',
      code: `
import { randomUUID } from 'node:crypto';
import type { ClientKafka } from '@nestjs/microservices';
import { Subject, filter, firstValueFrom as first, take } from 'rxjs';
export class Stock {
  readonly replies$ = new Subject<{ correlationId: string; available: boolean }>();
  constructor(private readonly kafka: ClientKafka) {}
  async available(sku: string) {
    const correlationId = randomUUID();
    this.kafka.emit('stock.check-requested', { sku, correlationId });
    const reply = await first(this.replies$.pipe(filter((r) => r.correlationId === correlationId), take(1)));
    return reply.available;
  }
}
`,
      errors: [
        {
          messageId: 'correlatedReply',
          line: 11,
          column: 25,
          data: { wait: '`first(…)`', matched: 'a reply stream filtered on `r.correlationId`', publish: '`kafka.emit`', broker: 'NestJS microservice transport' },
        },
      ],
    },
    {
      name: 'node:events once() keyed by the message id after an amqplib sendToQueue',
      code: `
import { randomUUID } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import type { Channel } from 'amqplib';
export const replies = new EventEmitter();
export async function credit(channel: Channel, customerId: string) {
  const messageId = randomUUID();
  channel.sendToQueue('credit.check-requested', Buffer.from(customerId), { messageId });
  const [reply] = await once(replies, messageId);
  return reply;
}
`,
      errors: [
        {
          messageId: 'correlatedReply',
          line: 9,
          column: 25,
          data: { wait: '`once(…)`', matched: 'a listener keyed by `messageId`', publish: '`channel.sendToQueue`', broker: 'RabbitMQ' },
        },
      ],
    },
    {
      name: 'polling a reply queue for the message with the matching correlation id',
      code: `
import { randomUUID } from 'node:crypto';
import type { Channel } from 'amqplib';
export async function quote(channel: Channel, sku: string) {
  const correlationId = randomUUID();
  channel.sendToQueue('pricing', Buffer.from(sku), { correlationId, replyTo: 'pricing.replies' });
  for (;;) {
    const message = await channel.get('pricing.replies');
    if (message && message.properties.correlationId === correlationId) return message.content.toString();
  }
}
`,
      errors: [
        {
          messageId: 'correlatedReply',
          line: 8,
          column: 27,
          data: {
            wait: '`channel.get(…)`',
            matched: 'a loop that polls for the message whose `message.properties.correlationId` matches',
            publish: '`channel.sendToQueue`',
            broker: 'RabbitMQ',
          },
        },
      ],
    },
    {
      name: 'polling SQS for the reply after sending the request',
      code: `
import { randomUUID } from 'node:crypto';
import { ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
const sqs = new SQSClient({});
export async function validate(orderId: string) {
  const correlationId = randomUUID();
  await sqs.send(new SendMessageCommand({ QueueUrl: 'requests', MessageBody: orderId, MessageAttributes: { correlationId: { DataType: 'String', StringValue: correlationId } } }));
  while (true) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: 'replies', WaitTimeSeconds: 20 }));
    const reply = Messages.find((m) => m.MessageAttributes?.correlationId?.StringValue === correlationId);
    if (reply) return reply.Body;
  }
}
`,
      errors: [
        {
          messageId: 'correlatedReply',
          line: 9,
          column: 37,
          data: {
            wait: '`sqs.send(…)`',
            matched: 'a loop that polls for the message whose `m.MessageAttributes?.correlationId?.StringValue` matches',
            publish: '`sqs.send`',
            broker: 'SQS',
          },
        },
      ],
    },
    {
      name: 'the amqplib RPC tutorial: sendToQueue with replyTo, then consuming the reply queue',
      code: `
import { randomUUID } from 'node:crypto';
import type { Channel } from 'amqplib';
export function fibonacci(channel: Channel, n: number) {
  const correlationId = randomUUID();
  return new Promise<string>(async (resolve) => {
    const { queue: replyTo } = await channel.assertQueue('', { exclusive: true });
    await channel.consume(replyTo, (message) => {
      if (message?.properties.correlationId === correlationId) resolve(message.content.toString());
    }, { noAck: true });
    channel.sendToQueue('rpc_queue', Buffer.from(String(n)), { correlationId, replyTo });
  });
}
`,
      errors: [
        {
          messageId: 'correlatedReply',
          line: 8,
          column: 11,
          data: { wait: '`channel.consume(…)`', matched: 'a reply queue named in `replyTo`', publish: '`channel.sendToQueue`', broker: 'RabbitMQ' },
        },
      ],
    },
    {
      name: 'direct reply-to: consuming amq.rabbitmq.reply-to before publishing with correlationId',
      code: `
import type { Channel } from 'amqplib';
export async function ping(channel: Channel, correlationId: string) {
  let answer = '';
  await channel.consume('amq.rabbitmq.reply-to', (message) => {
    if (message !== null && message.properties.correlationId === correlationId) answer = message.content.toString();
  }, { noAck: true });
  channel.publish('', 'rpc_queue', Buffer.from('ping'), { correlationId });
  return answer;
}
`,
      errors: [
        {
          messageId: 'correlatedReply',
          line: 5,
          column: 9,
          data: { wait: '`channel.consume(…)`', matched: 'a reply queue filtered on `message.properties.correlationId`', publish: '`channel.publish`', broker: 'RabbitMQ' },
        },
      ],
    },
  ],
});
