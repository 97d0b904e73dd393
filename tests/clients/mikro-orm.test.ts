// MikroORM 6: flush writes, transactional(cb) with its forked entity manager.
import noDualWrite from '../../rules/no-dual-write.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();
const setup = `
import { EntityManager } from '@mikro-orm/core';
import { PubSub } from '@google-cloud/pubsub';
const topic = new PubSub().topic('tickets');
class Ticket { id!: string; status!: string; }
`;

ruleTester.run('no-dual-write (mikro-orm core)', noDualWrite, {
  valid: [
    {
      name: 'persist alone only schedules; the publish comes first and nothing is flushed',
      code: `${setup}
export async function draft(em: EntityManager, ticket: Ticket) {
  await topic.publishMessage({ json: { type: 'TicketDrafted', id: ticket.id } });
  em.persist(ticket);
}
`,
    },
  ],
  invalid: [
    {
      name: 'persistAndFlush, then the event published',
      code: `${setup}
export async function open(em: EntityManager, ticket: Ticket) {
  await em.persistAndFlush(ticket);
  await topic.publishMessage({ json: { type: 'TicketOpened', id: ticket.id } });
}
`,
      errors: [{ messageId: 'dualWrite', line: 9, data: { publish: '`topic.publishMessage`', broker: 'Pub/Sub', write: '`em.persistAndFlush`', database: 'MikroORM' } }],
    },
    {
      name: 'published inside em.transactional, before the commit',
      code: `${setup}
export async function close(em: EntityManager, id: string) {
  await em.transactional(async (tx) => {
    await tx.nativeUpdate(Ticket, { id }, { status: 'closed' });
    await topic.publishMessage({ json: { type: 'TicketClosed', id } });
  });
}
`,
      errors: [{ messageId: 'publishInTransaction', line: 10 }],
    },
  ],
});
