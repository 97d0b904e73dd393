import rule from '../../rules/event-name-past-tense.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('event-name-past-tense', rule, {
  valid: [
    {
      name: 'past-tense names in published envelopes, attributes, DetailType and factories',
      code: `
import { Kafka } from 'kafkajs';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { emitOrderEvent } from './lib/index.js';
const producer = new Kafka({ brokers: [] }).producer();
const sns = new SNSClient({});
const events = new EventBridgeClient({});
export async function announce(id: string) {
  await producer.send({ topic: 'orders', messages: [{ value: JSON.stringify({ type: 'OrderPlaced', id }), headers: { 'event-type': 'order.placed' } }] });
  await sns.send(new PublishCommand({ TopicArn: 't', Message: id, MessageAttributes: { eventType: { DataType: 'String', StringValue: 'PaymentFailed' } } }));
  await events.send(new PutEventsCommand({ Entries: [{ DetailType: 'Invoice Paid', Source: 'billing', Detail: '{}' }] }));
  await emitOrderEvent('OrderShipped', id);
}
`,
    },
    {
      name: 'topics, queues, job names, commands and in-process emitter events are not event names',
      code: `
import { EventEmitter } from 'node:events';
import { Kafka } from 'kafkajs';
import { Queue } from 'bullmq';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
const producer = new Kafka({ brokers: [] }).producer();
const emails = new Queue('send-emails');
const sqs = new SQSClient({});
const emitter = new EventEmitter();
interface CreateOrderCommand { type: 'CreateOrder'; orderId: string }
export async function run(id: string) {
  await producer.send({ topic: 'process-payments', messages: [{ value: id }] });
  await emails.add('send-welcome-email', { id });
  const command: CreateOrderCommand = { type: 'CreateOrder', orderId: id };
  await sqs.send(new SendMessageCommand({ QueueUrl: 'create-order-queue', MessageBody: JSON.stringify(command) }));
  emitter.emit('UpdateMetrics', { id });
}
`,
    },
    {
      name: 'a past-tense enum subject of an abstract publisher subclass; a past-tense CQRS event class',
      code: `
import type { IEvent } from '@nestjs/cqrs';
import { Publisher, Subjects, type TicketCreatedEvent } from './lib/nats-publisher.js';
export class TicketCreatedPublisher2 extends Publisher<TicketCreatedEvent> {
  readonly subject = Subjects.TicketCreated;
}
export class OrderCancelledEvent implements IEvent {
  constructor(readonly orderId: string) {}
}
`,
    },
    {
      name: 'Redux-style actions and types without an envelope are not events',
      code: `
export interface AddTodoAction { type: 'ADD_TODO'; payload: { text: string } }
export type Shape = { type: 'circle'; radius: number };
`,
    },
    {
      name: 'same-form verbs are accepted by default',
      code: `
export interface PasswordResetEvent { type: 'PasswordReset'; id: string; data: { userId: string } }
`,
    },
    {
      name: 'the allow list accepts a team convention',
      code: `
export interface OrderStatusEvent { type: 'OrderStatus'; id: string; data: { status: string } }
`,
      options: [{ allow: ['OrderStatus'] }],
    },
  ],
  invalid: [
    {
      name: 'an imperative type field in a published Kafka envelope, with a suggestion',
      code: `
import { Kafka } from 'kafkajs';
const producer = new Kafka({ brokers: [] }).producer();
export async function announce(id: string) {
  await producer.send({ topic: 'orders', messages: [{ value: JSON.stringify({ type: 'OrderCreate', id }) }] });
}
`,
      errors: [
        {
          messageId: 'notPastTense',
          line: 5,
          column: 85,
          data: { name: 'OrderCreate', reason: "imperative 'Create'", advice: "name it 'OrderCreated', or send it as a command if it asks for something to happen." },
          suggestions: [
            {
              messageId: 'renameEvent',
              data: { suggestion: 'OrderCreated' },
              output: `
import { Kafka } from 'kafkajs';
const producer = new Kafka({ brokers: [] }).producer();
export async function announce(id: string) {
  await producer.send({ topic: 'orders', messages: [{ value: JSON.stringify({ type: 'OrderCreated', id }) }] });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a progressive EventBridge DetailType and a noun SNS attribute',
      code: `
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
const events = new EventBridgeClient({});
const sns = new SNSClient({});
export async function announce(id: string) {
  await events.send(new PutEventsCommand({ Entries: [{ DetailType: "OrderPlacing", Source: 'orders', Detail: id }] }));
  await sns.send(new PublishCommand({ TopicArn: 't', Message: id, MessageAttributes: { eventType: { DataType: 'String', StringValue: 'user-login' } } }));
}
`,
      errors: [
        {
          messageId: 'notPastTense',
          line: 7,
          column: 68,
          data: { name: 'OrderPlacing', reason: "progressive 'Placing'", advice: "name it 'OrderPlaced', or send it as a command if it asks for something to happen." },
          suggestions: [
            {
              messageId: 'renameEvent',
              data: { suggestion: 'OrderPlaced' },
              output: `
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
const events = new EventBridgeClient({});
const sns = new SNSClient({});
export async function announce(id: string) {
  await events.send(new PutEventsCommand({ Entries: [{ DetailType: "OrderPlaced", Source: 'orders', Detail: id }] }));
  await sns.send(new PublishCommand({ TopicArn: 't', Message: id, MessageAttributes: { eventType: { DataType: 'String', StringValue: 'user-login' } } }));
}
`,
            },
          ],
        },
        { messageId: 'notPastTense', line: 8, column: 134, data: { name: 'user-login', reason: "noun 'login'", advice: 'name what happened with a past-tense verb, or send it as a command if it asks for something to happen.' } },
      ],
    },
    {
      name: 'an event type from a const through a wrapper in another file: reported at the const, once',
      code: `
import { emitOrderEvent } from './lib/index.js';
const ORDER_SHIP = 'order.ship';
export async function ship(id: string) {
  await emitOrderEvent(ORDER_SHIP, id);
}
`,
      errors: [
        {
          messageId: 'notPastTense',
          line: 3,
          column: 20,
          data: { name: 'order.ship', reason: "imperative 'ship'", advice: "name it 'order.shipped', or send it as a command if it asks for something to happen." },
          suggestions: [
            {
              messageId: 'renameEvent',
              data: { suggestion: 'order.shipped' },
              output: `
import { emitOrderEvent } from './lib/index.js';
const ORDER_SHIP = 'order.shipped';
export async function ship(id: string) {
  await emitOrderEvent(ORDER_SHIP, id);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'the literal type of an envelope type field, and an adjective state',
      code: `
export interface SubscriptionEvent {
  id: string;
  type: 'SubscriptionActive' | 'SubscriptionCancelled';
  data: { subscriptionId: string };
}
`,
      errors: [{ messageId: 'notPastTense', line: 4, column: 9, data: { name: 'SubscriptionActive', reason: "adjective 'Active'", advice: 'name what happened with a past-tense verb, or send it as a command if it asks for something to happen.' } }],
    },
    {
      name: 'a @nestjs/cqrs event class named as a command',
      code: `
import type { IEvent } from '@nestjs/cqrs';
export class PlaceOrderEvent implements IEvent {
  constructor(readonly orderId: string) {}
}
`,
      errors: [{ messageId: 'notPastTense', line: 3, column: 14, data: { name: 'PlaceOrderEvent', reason: "imperative 'Place'", advice: "name it 'OrderPlacedEvent', or send it as a command if it asks for something to happen." }, suggestions: [] }],
    },
    {
      name: 'the enum subject of an event type and of a publisher subclass: reported once, at the enum member',
      code: `
import { Publisher } from './lib/nats-publisher.js';
enum Subjects { ExpirationComplete = 'expiration:complete' }
interface ExpirationCompleteEvent { subject: Subjects.ExpirationComplete; data: { orderId: string } }
export class ExpirationCompletePublisher extends Publisher<ExpirationCompleteEvent> {
  readonly subject = Subjects.ExpirationComplete;
}
`,
      errors: [
        {
          messageId: 'notPastTense',
          line: 3,
          column: 38,
          data: { name: 'expiration:complete', reason: "adjective 'complete'", advice: "name it 'expiration:completed', or send it as a command if it asks for something to happen." },
          suggestions: [
            {
              messageId: 'renameEvent',
              data: { suggestion: 'expiration:completed' },
              output: `
import { Publisher } from './lib/nats-publisher.js';
enum Subjects { ExpirationComplete = 'expiration:completed' }
interface ExpirationCompleteEvent { subject: Subjects.ExpirationComplete; data: { orderId: string } }
export class ExpirationCompletePublisher extends Publisher<ExpirationCompleteEvent> {
  readonly subject = Subjects.ExpirationComplete;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'an @EventPattern on a non-Kafka transport',
      code: `
import { Controller } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
@Controller()
export class Handlers {
  @EventPattern('user_signup')
  onSignup() {}
}
`,
      errors: [{ messageId: 'notPastTense', line: 6, column: 17, data: { name: 'user_signup', reason: "noun 'signup'", advice: 'name what happened with a past-tense verb, or send it as a command if it asks for something to happen.' } }],
    },
    {
      name: 'the deny list reports a word the team bans',
      code: `
export interface CustomerEvent { type: 'CustomerUpdated'; id: string; data: { name: string } }
`,
      options: [{ deny: ['Updated'] }],
      errors: [{ messageId: 'notPastTense', line: 2, column: 40 }],
    },
  ],
});
