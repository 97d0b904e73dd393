import rule from '../../rules/no-generic-updated-event.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

const bag = 'name?: string; email?: string; phone?: string; street?: string; city?: string; country?: string';

ruleTester.run('no-generic-updated-event', rule, {
  valid: [
    {
      name: 'specific events, and an update with few optional fields',
      code: `
export interface CustomerEmailChangedEvent { id: string; type: 'CustomerEmailChanged'; data: { customerId: string; email: string } }
export interface CustomerUpdatedEvent { id: string; type: 'CustomerUpdated'; data: { customerId: string; name?: string; email?: string } }
`,
    },
    {
      name: 'a bag of optional fields that is not an update event',
      code: `
export interface CustomerFilter { ${bag} }
export interface CustomerRegisteredEvent { id: string; type: 'CustomerRegistered'; data: { customerId: string; ${bag} } }
`,
    },
    {
      name: 'a higher limit',
      code: `
export interface CustomerUpdatedEvent { id: string; type: 'CustomerUpdated'; data: { customerId: string; ${bag} } }
`,
      options: [{ maxOptionalProperties: 6 }],
    },
  ],
  invalid: [
    {
      name: 'an envelope type whose data is a bag of optional fields',
      code: `
export interface CustomerEvent { id: string; type: 'CustomerUpdated'; data: { customerId: string; ${bag} } }
`,
      errors: [{ messageId: 'genericUpdate', line: 2, column: 52, data: { name: 'CustomerUpdated', count: '6' } }],
    },
    {
      name: 'an interface named for the update, with its fields at the top level',
      code: `
interface ProfileChanges { ${bag} }
export interface UserProfileChanged extends ProfileChanges { userId: string }
`,
      errors: [{ messageId: 'genericUpdate', line: 3, column: 18, data: { name: 'UserProfileChanged', count: '6' } }],
    },
    {
      name: 'a @nestjs/cqrs event class',
      code: `
import type { IEvent } from '@nestjs/cqrs';
export class OrderModifiedEvent implements IEvent {
  constructor(readonly orderId: string, readonly a?: string, readonly b?: string, readonly c?: string, readonly d?: string, readonly e?: string, readonly f?: string) {}
}
`,
      errors: [{ messageId: 'genericUpdate', line: 3, column: 14, data: { name: 'OrderModifiedEvent', count: '6' } }],
    },
  ],
});
