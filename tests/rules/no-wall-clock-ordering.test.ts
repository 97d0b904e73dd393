import rule from '../../rules/no-wall-clock-ordering.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('no-wall-clock-ordering', rule, {
  valid: [
    {
      name: 'a component that sorts events for display does not apply them',
      code: `
import { useMemo } from 'react';
import type { OrderEvent } from './lib/flow-events.js';
export function useHistory(events: OrderEvent[]) {
  return useMemo(() => [...events].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt)), [events]);
}
`,
    },
    {
      name: 'ordering events by their per-aggregate version or sequence, also with a timestamp as a tie-breaker',
      code: `
import { byVersion, type OrderEvent } from './lib/flow-events.js';
export function apply(events: OrderEvent[], stream: { sequence: number; occurredAt: string; type: string; data: unknown }[]) {
  events.sort(byVersion);
  events.sort((a, b) => a.version - b.version || a.occurredAt.localeCompare(b.occurredAt));
  stream.toSorted((a, b) => a.sequence - b.sequence);
  return events;
}
`,
    },
    {
      name: 'sorting log lines, UI lists and ordinary entities by createdAt or timestamp',
      code: `
import type { LogLine, Order } from './lib/flow-events.js';
interface CalendarEvent { title: string; createdAt: Date }
interface Notification { id: string; title: string; createdAt: number }
export function render(lines: LogLine[], orders: Order[], calendarEvents: CalendarEvent[], notifications: Notification[], logEvents: { timestamp: number; message: string }[]) {
  lines.sort((a, b) => a.timestamp - b.timestamp);
  orders.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  calendarEvents.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  notifications.sort((a, b) => b.createdAt - a.createdAt);
  logEvents.sort((a, b) => a.timestamp - b.timestamp);
  if (orders[0]!.createdAt < orders[1]!.createdAt) return orders[1];
  return orders[0];
}
`,
    },
    {
      name: 'lodash over entities, or with the version as the first key',
      code: `
import _, { sortBy } from 'lodash';
import type { Order, OrderEvent } from './lib/flow-events.js';
export function pick(orders: Order[], events: OrderEvent[]) {
  return [sortBy(orders, 'createdAt'), _.sortBy(events, ['version', 'occurredAt']), _.maxBy(events, (e) => e.version)];
}
`,
    },
    {
      name: 'SQL ordered by version, or an entity table ordered by created_at',
      code: `
import type { Pool } from 'pg';
export async function load(pool: Pool, id: string) {
  await pool.query('SELECT * FROM order_events WHERE aggregate_id = $1 ORDER BY aggregate_id, version', [id]);
  await pool.query('SELECT * FROM orders ORDER BY created_at DESC');
  const joined = \`SELECT e.* FROM orders o JOIN order_events e ON e.order_id = o.id ORDER BY o.created_at\`;
  await pool.query(joined);
  return pool.query('SELECT * FROM event_store ORDER BY global_position');
}
`,
    },
    {
      name: 'age checks against now or a cutoff are not ordering, and an event compared with its own fields',
      code: `
import type { OrderEnvelope } from './lib/flow-events.js';
export function isStale(event: OrderEnvelope & { expiresAt: string }, cutoff: number) {
  if (Date.parse(event.occurredAt) < Date.now() - 60_000) return true;
  if (Date.parse(event.occurredAt) < cutoff) return true;
  return event.occurredAt > event.expiresAt;
}
`,
    },
    {
      name: 'any-typed collections and objects are not judged',
      code: `
import { sortBy } from 'lodash';
export function order(events: any[], latest: any, incoming: any) {
  events.sort((a, b) => a.occurredAt - b.occurredAt);
  sortBy(events, 'occurredAt');
  return incoming.occurredAt > latest.occurredAt;
}
`,
    },
    {
      name: 'samples received from an in-process EventEmitter are not broker messages',
      code: `
import { EventEmitter } from 'node:events';
const metrics = new EventEmitter();
metrics.on('batch', (samples: { name: string; timestamp: number; value: number }[]) => {
  samples.sort((a, b) => a.timestamp - b.timestamp);
});
`,
    },
    {
      name: 'DOM-style events from a library type',
      code: `
export function replay(events: Event[]) {
  return events.sort((a, b) => a.timeStamp - b.timeStamp);
}
`,
    },
  ],
  invalid: [
    {
      name: 'the same sort outside a component is applying events: still reported',
      code: `
import type { OrderEvent } from './lib/flow-events.js';
export function history(events: OrderEvent[]) {
  return [...events].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
}
`,
      errors: [{ messageId: 'orderedByWallClock', line: 4, column: 10, data: { subject: '`[...events].sort(…)`', field: 'occurredAt' } }],
    },
    {
      name: 'sorting domain events by occurredAt, inline and with a comparator from another file',
      code: `
import { byOccurredAt, type OrderEvent } from './lib/flow-events.js';
export function rebuild(events: OrderEvent[]) {
  events.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  return events.toSorted(byOccurredAt);
}
`,
      errors: [
        { messageId: 'orderedByWallClock', line: 4, column: 3, data: { subject: '`events.sort(…)`', field: 'occurredAt' } },
        { messageId: 'orderedByWallClock', line: 5, column: 10, data: { subject: '`events.toSorted(…)`', field: 'occurredAt' } },
      ],
    },
    {
      name: 'an envelope type (type + data) in a class field, sorted by its timestamp with Date conversions',
      code: `
import type { OrderEnvelope as Envelope } from './lib/flow-events.js';
interface Message { type: string; payload: unknown; timestamp: number }
export class Projector {
  private readonly pending: Envelope[] = [];
  private readonly inbox: Message[] = [];
  flush() {
    this.pending.sort((x, y) => new Date(x.occurredAt).getTime() - new Date(y.occurredAt).getTime());
    this.inbox.sort((a, b) => a.timestamp - b.timestamp);
  }
}
`,
      errors: [
        { messageId: 'orderedByWallClock', line: 8, column: 5, data: { subject: '`this.pending.sort(…)`', field: 'occurredAt' } },
        { messageId: 'orderedByWallClock', line: 9, column: 5, data: { subject: '`this.inbox.sort(…)`', field: 'timestamp' } },
      ],
    },
    {
      name: 'lodash sortBy / orderBy / maxBy, aliased and through the namespace',
      code: `
import _, { sortBy as order } from 'lodash';
import type { OrderEnvelope, OrderEvent } from './lib/flow-events.js';
export function latest(events: OrderEvent[], envelopes: OrderEnvelope[]) {
  order(events, 'occurredAt');
  _.orderBy(envelopes, [(e) => e.occurredAt], ['desc']);
  return _.maxBy(events, 'occurredAt');
}
`,
      errors: [
        { messageId: 'orderedByWallClock', line: 5, column: 3, data: { subject: '`order(events, …)`', field: 'occurredAt' } },
        { messageId: 'orderedByWallClock', line: 6, column: 3, data: { subject: '`_.orderBy(envelopes, …)`', field: 'occurredAt' } },
        { messageId: 'orderedByWallClock', line: 7, column: 10, data: { subject: '`_.maxBy(events, …)`', field: 'occurredAt' } },
      ],
    },
    {
      name: 'SQL ORDER BY occurred_at on an events table, also through a const and an alias',
      code: `
import type { Pool } from 'pg';
const history = \`SELECT e.* FROM order_events AS e WHERE e.aggregate_id = $1 ORDER BY e.aggregate_id, e."occurredAt" DESC\`;
export async function load(pool: Pool, id: string) {
  await pool.query('SELECT * FROM order_events WHERE aggregate_id = $1 ORDER BY occurred_at', [id]);
  return pool.query(history, [id]);
}
`,
      errors: [
        { messageId: 'orderedByWallClock', line: 5, column: 20, data: { subject: 'This query on `order_events`', field: 'occurred_at' } },
        { messageId: 'orderedByWallClock', line: 6, column: 21, data: { subject: 'This query on `order_events`', field: 'occurredAt' } },
      ],
    },
    {
      name: 'latest wins: a reducer and an if comparing occurredAt with the stored time',
      code: `
import type { OrderEvent } from './lib/flow-events.js';
interface OrderRow { id: string; status: string; updatedAt: string }
export function project(events: OrderEvent[], row: OrderRow) {
  const newest = events.reduce((a, b) => (a.occurredAt > b.occurredAt ? a : b));
  for (const event of events) {
    if (event.occurredAt <= row.updatedAt) continue;
    row.updatedAt = event.occurredAt;
  }
  return newest;
}
`,
      errors: [
        { messageId: 'latestWinsByWallClock', line: 5, column: 43, data: { field: 'occurredAt' } },
        { messageId: 'latestWinsByWallClock', line: 7, column: 9, data: { field: 'occurredAt' } },
      ],
    },
    {
      name: 'createdAt of an event type, and events known only by the variable name',
      code: `
interface StockDomainEvent { sku: string; createdAt: Date; quantity: number }
export function replay(history: StockDomainEvent[], stockEvents: { sku: string; occurredAt: number }[]) {
  history.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return stockEvents.sort((a, b) => a.occurredAt - b.occurredAt);
}
`,
      errors: [
        { messageId: 'orderedByWallClock', line: 4, column: 3, data: { subject: '`history.sort(…)`', field: 'createdAt' } },
        { messageId: 'orderedByWallClock', line: 5, column: 10, data: { subject: '`stockEvents.sort(…)`', field: 'occurredAt' } },
      ],
    },
    {
      name: 'messages of a kafkajs batch sorted by their producer timestamp inside the handler callback',
      code: `
import type { Consumer } from 'kafkajs';
export async function start(consumer: Consumer) {
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const ordered = batch.messages.sort((a, b) => Number(a.timestamp) - Number(b.timestamp));
      for (const message of ordered) console.log(message.value?.toString());
    },
  });
}
`,
      errors: [{ messageId: 'orderedByWallClock', line: 6, column: 23, data: { subject: '`batch.messages.sort(…)`', field: 'timestamp' } }],
    },
  ],
});
