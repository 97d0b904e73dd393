// prefer-monotonic-event-id wherever the envelope is built: through a local, in an event class's
// constructor, in a class that extends an event base, and in a base spread into events. The
// files sit where the project has neither uuid ≥ 10 nor ulid, so no suggestion is offered.
import rule from '../../rules/prefer-monotonic-event-id.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();
const filename = 'no-uuid/file.ts';

ruleTester.run('prefer-monotonic-event-id (factories and classes)', rule, {
  valid: [
    {
      name: 'a random id of a record that is not an event, through a local; a non-event class constructor',
      filename,
      code: `
import { randomUUID } from 'node:crypto';
export function newCart() {
  const id = randomUUID();
  return { id, items: [] as string[] };
}
export class Cart {
  readonly id: string;
  constructor() {
    this.id = randomUUID();
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'a helper that builds the envelope around an id held in a local',
      filename,
      code: `
import { randomUUID } from 'node:crypto';
export function envelope<T>(type: string, data: T) {
  const id = randomUUID();
  return { id, type, data, occurredAt: new Date().toISOString() };
}
`,
      errors: [{ messageId: 'randomEventId', line: 4, column: 14, data: { generator: 'randomUUID' }, suggestions: [] }],
    },
    {
      name: 'the constructor of a class that extends a project event base, and a base spread into events',
      filename,
      code: `
import { v4 as uuid } from 'uuid';
import { DomainEvent } from '../lib/domain-events.js';
export class SeatsReleased extends DomainEvent {
  readonly eventId: string;
  constructor(readonly seats: string[]) {
    super();
    this.eventId = uuid();
  }
}
export const baseEnvelope = () => ({ id: uuid(), occurredAt: new Date().toISOString(), correlationId: 'c' });
`,
      errors: [
        { messageId: 'randomEventId', line: 8, column: 20, data: { generator: 'uuid' }, suggestions: [] },
        { messageId: 'randomEventId', line: 11, column: 42, data: { generator: 'uuid' }, suggestions: [] },
      ],
    },
  ],
});
