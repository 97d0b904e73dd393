// propagate-correlation through envelope factories and event classes in other modules.
import rule from '../../rules/propagate-correlation.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

const handlerPrelude = `
import type { Consumer } from 'kafkajs';
import { Kafka } from 'kafkajs';
import { createEnvelope, freshEnvelope, InvoiceIssued, type Cause } from './lib/envelope-factories.js';
const producer = new Kafka({ brokers: [] }).producer();`;

ruleTester.run('propagate-correlation (factories)', rule, {
  valid: [
    {
      name: 'a factory given the incoming event, and a class given its correlation and id',
      code: `${handlerPrelude}
export async function start(consumer: Consumer) {
  await consumer.run({
    eachMessage: async ({ message }) => {
      const incoming = JSON.parse(String(message.value)) as Cause & { data: { orderId: string } };
      await producer.send({ topic: 'invoices', messages: [{ value: JSON.stringify(createEnvelope('InvoiceRequested', incoming.data, incoming)) }] });
      await producer.send({ topic: 'invoices', messages: [{ value: JSON.stringify(new InvoiceIssued({ invoiceId: incoming.data.orderId }, incoming.correlationId, incoming.id)) }] });
    },
  });
}
`,
    },
    {
      name: 'outside a handler, a factory may start a new flow',
      code: `${handlerPrelude}
export async function placeOrder(orderId: string) {
  await producer.send({ topic: 'orders', messages: [{ value: JSON.stringify(freshEnvelope('OrderPlaced', { orderId })) }] });
}
`,
    },
  ],
  invalid: [
    {
      name: 'a factory that always starts a new correlation, one not given the cause, and a class given a constant',
      code: `${handlerPrelude}
export async function start(consumer: Consumer) {
  await consumer.run({
    eachMessage: async ({ message }) => {
      const incoming = JSON.parse(String(message.value)) as Cause & { data: { orderId: string } };
      await producer.send({ topic: 'payments', messages: [{ value: JSON.stringify(freshEnvelope('PaymentRequested', incoming.data)) }] });
      await producer.send({ topic: 'invoices', messages: [{ value: JSON.stringify(createEnvelope('InvoiceRequested', incoming.data)) }] });
      await producer.send({ topic: 'invoices', messages: [{ value: JSON.stringify(new InvoiceIssued({ invoiceId: incoming.data.orderId }, 'none', incoming.id)) }] });
    },
  });
}
`,
      errors: [
        {
          messageId: 'correlationNotCarried',
          line: 10,
          column: 83,
          data: { handler: '`eachMessage` (kafkajs consumer (eachMessage))', problem: 'set by `freshEnvelope` to `randomUUID()`' },
        },
        { messageId: 'correlationNotCarried', line: 11, column: 83, data: { handler: '`eachMessage` (kafkajs consumer (eachMessage))', problem: 'not passed to `createEnvelope`' } },
        {
          messageId: 'correlationNotCarried',
          line: 12,
          column: 83,
          data: { handler: '`eachMessage` (kafkajs consumer (eachMessage))', problem: "`'none'` passed to `new InvoiceIssued`, not taken from the incoming event" },
        },
      ],
    },
  ],
});
