import rule from '../../rules/prefer-monotonic-event-id.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('prefer-monotonic-event-id', rule, {
  valid: [
    {
      name: 'time-ordered ids: UUIDv7 and ULID',
      code: `
import { v7 } from 'uuid';
import { ulid } from 'ulid';
export const a = { id: v7(), type: 'OrderPlaced', data: {} };
export const b = { id: ulid(), type: 'OrderShipped', occurredAt: new Date().toISOString() };
`,
    },
    {
      name: 'random ids of things that are not events',
      code: `
import { randomUUID } from 'node:crypto';
import { v4 } from 'uuid';
export const user = { id: randomUUID(), name: 'Ada' };
export const request = { id: v4(), type: 'GET', url: '/orders' };
export class Session { readonly id = randomUUID(); }
`,
    },
  ],
  invalid: [
    {
      name: 'randomUUID in an envelope: suggestions for the time-ordered generators the project depends on',
      code: `import { randomUUID } from 'node:crypto';
export const event = { id: randomUUID(), type: 'OrderPlaced', data: {} };
`,
      errors: [
        {
          messageId: 'randomEventId',
          line: 2,
          column: 28,
          data: { generator: 'randomUUID' },
          suggestions: [
            {
              messageId: 'useUuidV7',
              output: `import { randomUUID } from 'node:crypto';
import { v7 } from 'uuid';
export const event = { id: v7(), type: 'OrderPlaced', data: {} };
`,
            },
            {
              messageId: 'useUlid',
              output: `import { randomUUID } from 'node:crypto';
import { ulid } from 'ulid';
export const event = { id: ulid(), type: 'OrderPlaced', data: {} };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'an aliased uuid v4 import in an event class field; v7 already imported',
      code: `import { v4 as uuidv4, v7 } from 'uuid';
export class OrderPlacedEvent {
  readonly id = uuidv4();
  readonly other = v7();
}
`,
      errors: [
        {
          messageId: 'randomEventId',
          line: 3,
          column: 17,
          data: { generator: 'uuidv4' },
          suggestions: [
            {
              messageId: 'useUuidV7',
              output: `import { v4 as uuidv4, v7 } from 'uuid';
export class OrderPlacedEvent {
  readonly id = v7();
  readonly other = v7();
}
`,
            },
            {
              messageId: 'useUlid',
              output: `import { v4 as uuidv4, v7 } from 'uuid';
import { ulid } from 'ulid';
export class OrderPlacedEvent {
  readonly id = ulid();
  readonly other = v7();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'no suggestion when the project has neither uuid ≥ 10 nor ulid',
      filename: 'no-uuid/file.ts',
      code: `
export const event = { id: crypto.randomUUID(), type: 'OrderPlaced', data: {} };
`,
      errors: [{ messageId: 'randomEventId', line: 2, column: 28, data: { generator: 'crypto.randomUUID' }, suggestions: [] }],
    },
  ],
});
