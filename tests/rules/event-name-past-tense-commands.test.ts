// event-name-past-tense: commands are not events, and topic names are destinations. The same
// files also publish real events, so the rule must still report those.
import rule from '../../rules/event-name-past-tense.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('event-name-past-tense (commands and destinations)', rule, {
  valid: [
    {
      name: 'a send…Command helper, a queue named for commands, and a message marked as a command',
      code: `
import { Kafka } from 'kafkajs';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
const producer = new Kafka({ brokers: [] }).producer();
const sqs = new SQSClient({});
async function sendReserveStockCommand(type: string, sku: string) {
  await producer.send({ topic: 'inventory', messages: [{ value: JSON.stringify({ type, sku }) }] });
}
export async function checkout(sku: string) {
  await sendReserveStockCommand('ReserveStock', sku);
  await sqs.send(new SendMessageCommand({ QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/1/billing-commands', MessageBody: JSON.stringify({ type: 'ChargeCard', sku }) }));
  await producer.send({ topic: 'orders', messages: [{ value: JSON.stringify({ kind: 'command', type: 'CancelOrder', sku }) }] });
}
`,
    },
    {
      name: 'patterns on a Kafka server are topics; a plural-noun pattern is a channel',
      code: `
import { Controller } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload, Transport } from '@nestjs/microservices';
@Controller()
export class InventoryController {
  @EventPattern('inventory.reserve')
  onReserve(@Payload() sku: string) {
    void sku;
  }
  @EventPattern('billing.invoices', Transport.RMQ)
  onInvoice(@Payload() id: string) {
    void id;
  }
}
export async function bootstrap(module: object) {
  const app = await NestFactory.createMicroservice(module, { transport: Transport.KAFKA, options: { client: { brokers: ['kafka:9092'] } } });
  await app.listen();
}
`,
    },
  ],
  invalid: [
    {
      name: 'an event published beside the commands is still judged; so is a progressive event type',
      code: `
import { Kafka } from 'kafkajs';
const producer = new Kafka({ brokers: [] }).producer();
export async function ship(id: string) {
  await producer.send({ topic: 'billing-commands', messages: [{ value: JSON.stringify({ type: 'ChargeCard', id }) }] });
  await producer.send({ topic: 'orders', messages: [{ value: JSON.stringify({ type: 'OrderShip', id }) }] });
  await producer.send({ topic: 'payments', messages: [{ value: JSON.stringify({ type: 'PaymentProcessing', id }) }] });
}
`,
      errors: [
        {
          messageId: 'notPastTense',
          line: 6,
          column: 85,
          data: { name: 'OrderShip', reason: "imperative 'Ship'", advice: "name it 'OrderShipped', or send it as a command if it asks for something to happen." },
          suggestions: [
            {
              messageId: 'renameEvent',
              data: { suggestion: 'OrderShipped' },
              output: `
import { Kafka } from 'kafkajs';
const producer = new Kafka({ brokers: [] }).producer();
export async function ship(id: string) {
  await producer.send({ topic: 'billing-commands', messages: [{ value: JSON.stringify({ type: 'ChargeCard', id }) }] });
  await producer.send({ topic: 'orders', messages: [{ value: JSON.stringify({ type: 'OrderShipped', id }) }] });
  await producer.send({ topic: 'payments', messages: [{ value: JSON.stringify({ type: 'PaymentProcessing', id }) }] });
}
`,
            },
          ],
        },
        {
          messageId: 'notPastTense',
          line: 7,
          column: 87,
          data: { name: 'PaymentProcessing', reason: "progressive 'Processing'", advice: "name it 'PaymentProcessed', or send it as a command if it asks for something to happen." },
          suggestions: [
            {
              messageId: 'renameEvent',
              data: { suggestion: 'PaymentProcessed' },
              output: `
import { Kafka } from 'kafkajs';
const producer = new Kafka({ brokers: [] }).producer();
export async function ship(id: string) {
  await producer.send({ topic: 'billing-commands', messages: [{ value: JSON.stringify({ type: 'ChargeCard', id }) }] });
  await producer.send({ topic: 'orders', messages: [{ value: JSON.stringify({ type: 'OrderShip', id }) }] });
  await producer.send({ topic: 'payments', messages: [{ value: JSON.stringify({ type: 'PaymentProcessed', id }) }] });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'an imperative pattern on a RabbitMQ server is an event name',
      code: `
import { Controller } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload, Transport } from '@nestjs/microservices';
@Controller()
export class ShippingController {
  @EventPattern('order.ship')
  onShip(@Payload() id: string) {
    void id;
  }
}
export async function bootstrap(module: object) {
  const app = await NestFactory.createMicroservice(module, { transport: Transport.RMQ, options: { urls: ['amqp://rabbit'] } });
  await app.listen();
}
`,
      errors: [
        {
          messageId: 'notPastTense',
          line: 7,
          column: 17,
          data: { name: 'order.ship', reason: "imperative 'ship'", advice: "name it 'order.shipped', or send it as a command if it asks for something to happen." },
          suggestions: [
            {
              messageId: 'renameEvent',
              data: { suggestion: 'order.shipped' },
              output: `
import { Controller } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload, Transport } from '@nestjs/microservices';
@Controller()
export class ShippingController {
  @EventPattern('order.shipped')
  onShip(@Payload() id: string) {
    void id;
  }
}
export async function bootstrap(module: object) {
  const app = await NestFactory.createMicroservice(module, { transport: Transport.RMQ, options: { urls: ['amqp://rabbit'] } });
  await app.listen();
}
`,
            },
          ],
        },
      ],
    },
  ],
});
