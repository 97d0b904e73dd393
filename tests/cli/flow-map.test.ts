import { describe, expect, it } from 'vitest';
import { buildFlowMap, renderFlowText, renderMermaid } from '../../src/cli/flow-map.js';
import type { ConsumerSite, EventName, PublishSite } from '../../src/cli/report.js';

function publish(site: Partial<PublishSite> & Pick<PublishSite, 'file' | 'line' | 'producer'>): PublishSite {
  return { column: 1, mechanism: 'broker', system: 'Kafka', chain: ['producer.send'], eventNames: [], destinations: [], relay: false, outbox: 'direct', findings: [], ...site };
}

function consumer(site: Partial<ConsumerSite> & Pick<ConsumerSite, 'file' | 'line' | 'name'>): ConsumerSite {
  return { column: 1, endLine: site.line + 5, system: 'Kafka', description: 'kafkajs consumer (eachMessage)', subscriptions: [], handledEvents: [], guards: [], effects: [], dedupe: 'dedupes', findings: [], ...site };
}

const sites = [
  publish({ file: 'src/orders.ts', line: 10, producer: 'placeOrder', eventNames: ['OrderPlaced'], destinations: ['orders'], outbox: 'dual-write' }),
  publish({ file: 'src/orders.ts', line: 20, producer: 'placeOrder', eventNames: ['OrderPlaced'], mechanism: 'outbox', system: 'outbox (PostgreSQL)', outbox: 'outbox' }),
  // The wrapper's own client call: neither a name nor a topic, so it is not a producer in the map.
  publish({ file: 'src/messaging.ts', line: 5, producer: 'publishEvent', outbox: 'wrapper' }),
  publish({ file: 'src/payments.ts', line: 7, producer: 'capture', destinations: ['payments.captured'] }),
];
const consumers = [
  consumer({ file: 'src/billing.ts', line: 3, name: 'eachMessage', subscriptions: ['/ord.*/'] }),
  consumer({ file: 'src/audit.ts', line: 8, name: 'AuditListener.onMessage', handledEvents: ['OrderPlaced'], dedupe: 'missing' }),
  consumer({ file: 'src/mailer.ts', line: 2, name: 'channel.consume callback', subscriptions: ['emails'], system: 'RabbitMQ' }),
  consumer({ file: 'src/shipping.ts', line: 4, name: 'eachMessage' }),
];
const names: EventName[] = [{ name: 'OrderPlaced', sites: [], findings: [] }];

describe('the event-flow map', () => {
  const flow = buildFlowMap(sites, consumers, names);

  it('joins producers to event types, and event types to consumers by topic (also a /pattern/) or by the names they test for', () => {
    expect(flow.producers.map((p) => [p.id, p.label, p.location, p.flagged])).toEqual([
      ['p1', 'placeOrder', 'src/orders.ts:10', true],
      ['p2', 'capture', 'src/payments.ts:7', false],
    ]);
    expect(flow.events.map((e) => [e.id, e.label])).toEqual([
      ['e1', 'OrderPlaced'],
      ['e2', 'messages on payments.captured'],
      ['e3', 'messages on emails'],
    ]);
    expect(flow.consumers.map((c) => [c.id, c.label, c.flagged])).toEqual([
      ['c1', 'eachMessage · /ord.*/', false],
      ['c2', 'AuditListener.onMessage', true],
      ['c3', 'channel.consume callback · emails', false],
      ['c4', 'eachMessage', false],
    ]);
    expect(flow.edges).toEqual([
      { from: 'p1', to: 'e1', label: 'Kafka · orders' },
      { from: 'p1', to: 'e1', label: 'outbox' },
      { from: 'p2', to: 'e2', label: 'Kafka · payments.captured' },
      { from: 'e1', to: 'c1' },
      { from: 'e1', to: 'c2' },
      { from: 'e3', to: 'c3' },
    ]);
  });

  it('draws a Mermaid flowchart with findings outlined', () => {
    expect(renderMermaid(flow).split('\n')).toEqual([
      'flowchart LR',
      '  subgraph producers [Producers]',
      '    p1["placeOrder<br/>src/orders.ts:10"]',
      '    p2["capture<br/>src/payments.ts:7"]',
      '  end',
      '  subgraph events [Event types]',
      '    e1(["OrderPlaced"])',
      '    e2(["messages on payments.captured"])',
      '    e3(["messages on emails"])',
      '  end',
      '  subgraph consumers [Consumers]',
      '    c1[["eachMessage · /ord.*/<br/>src/billing.ts:3"]]',
      '    c2[["AuditListener.onMessage<br/>src/audit.ts:8"]]',
      '    c3[["channel.consume callback · emails<br/>src/mailer.ts:2"]]',
      '    c4[["eachMessage<br/>src/shipping.ts:4"]]',
      '  end',
      '  p1 -->|"Kafka · orders"| e1',
      '  p1 -->|"outbox"| e1',
      '  p2 -->|"Kafka · payments.captured"| e2',
      '  e1 --> c1',
      '  e1 --> c2',
      '  e3 --> c3',
      '  classDef finding stroke:#d1242f,stroke-width:2px',
      '  class p1,c2 finding',
    ]);
  });

  // Checked once with mermaid 11's own parser (not a dependency of this package): labels with
  // these characters parse only when written as entity codes.
  it('writes quotes, pipes, angle brackets and # in labels as Mermaid entity codes', () => {
    const escaped = renderMermaid({
      producers: [{ id: 'p1', label: 'Orders.place "x" <b>|#1', location: 'src/a.ts:3', flagged: false }],
      events: [],
      consumers: [],
      edges: [{ from: 'p1', to: 'p1', label: 'a|b "c"' }],
    });
    expect(escaped).toContain('p1["Orders.place #34;x#34; #60;b#62;#124;#35;1<br/>src/a.ts:3"]');
    expect(escaped).toContain('p1 -->|"a#124;b #34;c#34;"| p1');
  });

  it('lists, for a terminal, where each event type comes from and who takes it', () => {
    expect(renderFlowText(flow)).toEqual([
      'OrderPlaced',
      '  ← placeOrder (src/orders.ts:10) via Kafka · orders',
      '  ← placeOrder (src/orders.ts:10) via outbox',
      '  → eachMessage · /ord.*/ (src/billing.ts:3)',
      '  → AuditListener.onMessage (src/audit.ts:8)',
      'messages on payments.captured',
      '  ← capture (src/payments.ts:7) via Kafka · payments.captured',
      '  → no consumer found in this project',
      'messages on emails',
      '  → channel.consume callback · emails (src/mailer.ts:2)',
      'Consumers whose source the code does not show:',
      '  → eachMessage (src/shipping.ts:4)',
    ]);
  });
});
