import rule from '../../rules/require-stable-identifiers.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('require-stable-identifiers', rule, {
  valid: [
    {
      name: 'display fields next to the id of their entity',
      code: `
export interface UserRegisteredEvent { userId: string; userName: string; email: string }
export interface OrderEvent { id: string; type: 'OrderPlaced'; occurredAt: string; data: { orderId: string; customerId: string; customerName: string } }
`,
    },
    {
      name: 'types that are not event payloads',
      code: `
export interface UserDto { userName: string; email: string }
export interface SignUpCommand { userName: string; email: string }
`,
    },
  ],
  invalid: [
    {
      name: 'an event payload that carries only the user name',
      code: `
export interface UserRenamedEvent { userName: string; newName: string }
`,
      errors: [{ messageId: 'displayOnly', line: 2, column: 18, data: { entity: 'the user', field: 'userName', noun: 'user', missingId: 'userId' } }],
    },
    {
      name: "an envelope's data member, and a published event object",
      code: `
import { Kafka } from 'kafkajs';
const producer = new Kafka({ brokers: [] }).producer();
export interface TicketEvent { id: string; type: 'TicketBooked'; occurredAt: string; data: { title: string; customerEmail: string } }
export async function announce() {
  await producer.send({ topic: 't', messages: [{ value: JSON.stringify({ type: 'InvoiceSent', occurredAt: '', data: { customerEmail: 'a@b.c', total: 3 } }) }] });
}
`,
      errors: [
        { messageId: 'displayOnly', line: 4, column: 86, data: { entity: 'its entity', field: 'title', noun: 'entity', missingId: 'id' } },
        { messageId: 'displayOnly', line: 6, column: 117, data: { entity: 'the customer', field: 'customerEmail', noun: 'customer', missingId: 'customerId' } },
      ],
    },
  ],
});
