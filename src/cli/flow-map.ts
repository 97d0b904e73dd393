import type { ConsumerSite, EventName, PublishSite } from './report-model.js';

/**
 * The event flow: producers (functions that publish) → event types (names found, or the topic
 * when no name is visible) → consumers (handlers, joined by the event names they test for or by
 * the topics they subscribe to). Built from the inventory alone, so it shows what the code says,
 * not what the brokers are configured to do.
 */
export interface FlowMap {
  readonly producers: readonly FlowNode[];
  readonly events: readonly FlowNode[];
  readonly consumers: readonly FlowNode[];
  readonly edges: readonly FlowEdge[];
}

export interface FlowNode {
  /** A Mermaid-safe id: `p1`, `e2`, `c3`. */
  readonly id: string;
  readonly label: string;
  /** `src/orders/place-order.ts:10`. */
  readonly location?: string;
  /** A finding is attached: a dual write, a name not in the past tense, a consumer without dedupe. */
  readonly flagged: boolean;
}

export interface FlowEdge {
  readonly from: string;
  readonly to: string;
  /** "Kafka · orders", "outbox". */
  readonly label?: string;
}

interface EventNode extends FlowNode {
  /** Topics the event was published to. */
  readonly destinations: Set<string>;
}

export function buildFlowMap(publishSites: readonly PublishSite[], consumers: readonly ConsumerSite[], eventNames: readonly EventName[]): FlowMap {
  const producers = new Map<string, FlowNode>();
  const events = new Map<string, EventNode>();
  const consumerNodes: FlowNode[] = [];
  const edges = new Map<string, FlowEdge>();
  const flaggedNames = new Set(eventNames.filter((n) => n.findings.length > 0).map((n) => n.name));

  const addEdge = (from: string, to: string, label?: string): void => {
    const key = `${from}>${to}>${label ?? ''}`;
    if (!edges.has(key)) edges.set(key, label === undefined ? { from, to } : { from, to, label });
  };
  const eventNode = (key: string, label: string, flagged: boolean): EventNode => {
    let node = events.get(key);
    if (node === undefined) {
      node = { id: `e${String(events.size + 1)}`, label, flagged, destinations: new Set() };
      events.set(key, node);
    }
    return node;
  };

  for (const site of publishSites) {
    // The wrapper's own client call carries neither a name nor a topic: its callers do.
    if (site.eventNames.length === 0 && site.destinations.length === 0) continue;
    const producerKey = `${site.file}#${site.producer}`;
    let producer = producers.get(producerKey);
    if (producer === undefined) {
      producer = { id: `p${String(producers.size + 1)}`, label: site.producer, location: `${site.file}:${String(site.line)}`, flagged: false };
      producers.set(producerKey, producer);
    }
    if (site.outbox === 'dual-write' && !producer.flagged) {
      producer = { ...producer, flagged: true };
      producers.set(producerKey, producer);
    }
    const via = site.outbox === 'outbox' ? 'outbox' : [site.system, ...site.destinations].join(' · ');
    const targets =
      site.eventNames.length > 0
        ? site.eventNames.map((name) => eventNode(`name:${name}`, name, flaggedNames.has(name)))
        : site.destinations.map((topic) => eventNode(`topic:${topic}`, `messages on ${topic}`, false));
    for (const target of targets) {
      for (const destination of site.destinations) target.destinations.add(destination);
      addEdge(producer.id, target.id, via);
    }
  }

  for (const [index, consumer] of consumers.entries()) {
    const node: FlowNode = {
      id: `c${String(index + 1)}`,
      label: [consumer.name, ...(consumer.subscriptions.length > 0 ? [consumer.subscriptions.join(', ')] : [])].join(' · '),
      location: `${consumer.file}:${String(consumer.line)}`,
      flagged: consumer.dedupe === 'missing' || consumer.dedupe === 'broker-position',
    };
    consumerNodes.push(node);
    let connected = false;
    for (const event of events.values()) {
      const byName = consumer.handledEvents.some((name) => event.label === name);
      const byTopic = consumer.subscriptions.some((subscription) => [...event.destinations].some((d) => subscriptionMatches(subscription, d)));
      if (byName || byTopic) {
        addEdge(event.id, node.id);
        connected = true;
      }
    }
    // A subscription no producer in the project writes to: show where the consumer listens.
    if (!connected) {
      for (const subscription of consumer.subscriptions) addEdge(eventNode(`topic:${subscription}`, `messages on ${subscription}`, false).id, node.id);
    }
  }

  return {
    producers: [...producers.values()],
    events: [...events.values()].map(({ id, label, flagged }) => ({ id, label, flagged })),
    consumers: consumerNodes,
    edges: [...edges.values()],
  };
}

/** A topic matches itself; a `/pattern/` subscription (kafkajs accepts RegExp topics) matches by regular expression. */
function subscriptionMatches(subscription: string, destination: string): boolean {
  if (subscription === destination) return true;
  if (subscription.length > 2 && subscription.startsWith('/') && subscription.endsWith('/')) {
    try {
      return new RegExp(subscription.slice(1, -1), 'u').test(destination);
    } catch {
      return false;
    }
  }
  return false;
}

/** The map as a Mermaid flowchart: producers → event types → consumers, findings outlined in red. */
export function renderMermaid(flow: FlowMap): string {
  const lines = ['flowchart LR'];
  const group = (id: string, title: string, nodes: readonly FlowNode[], shape: (label: string) => string): void => {
    if (nodes.length === 0) return;
    lines.push(`  subgraph ${id} [${title}]`);
    for (const node of nodes) lines.push(`    ${node.id}${shape(nodeLabel(node))}`);
    lines.push('  end');
  };
  group('producers', 'Producers', flow.producers, (label) => `["${label}"]`);
  group('events', 'Event types', flow.events, (label) => `(["${label}"])`);
  group('consumers', 'Consumers', flow.consumers, (label) => `[["${label}"]]`);
  for (const edge of flow.edges) lines.push(`  ${edge.from} -->${edge.label === undefined ? '' : `|"${escapeMermaid(edge.label)}"|`} ${edge.to}`);
  const flagged = [...flow.producers, ...flow.events, ...flow.consumers].filter((n) => n.flagged).map((n) => n.id);
  if (flagged.length > 0) {
    lines.push('  classDef finding stroke:#d1242f,stroke-width:2px', `  class ${flagged.join(',')} finding`);
  }
  return lines.join('\n');
}

function nodeLabel(node: FlowNode): string {
  const label = escapeMermaid(node.label);
  return node.location === undefined ? label : `${label}<br/>${escapeMermaid(node.location)}`;
}

/** Mermaid entity codes (`#34;`) for the characters that end a quoted label or start markup; `#` first. */
function escapeMermaid(text: string): string {
  return text.replaceAll('#', '#35;').replaceAll('"', '#34;').replaceAll('<', '#60;').replaceAll('>', '#62;').replaceAll('|', '#124;');
}

/** The map for a terminal: one block per event type, with where it comes from and who takes it. */
export function renderFlowText(flow: FlowMap): string[] {
  const byId = new Map([...flow.producers, ...flow.events, ...flow.consumers].map((n) => [n.id, n]));
  const describe = (id: string): string => {
    const node = byId.get(id);
    if (node === undefined) return id;
    return node.location === undefined ? node.label : `${node.label} (${node.location})`;
  };
  const lines: string[] = [];
  for (const event of flow.events) {
    lines.push(`${event.label}${event.flagged ? '  ✗ name' : ''}`);
    for (const edge of flow.edges.filter((e) => e.to === event.id)) lines.push(`  ← ${describe(edge.from)}${edge.label === undefined ? '' : ` via ${edge.label}`}`);
    const takers = flow.edges.filter((e) => e.from === event.id);
    for (const edge of takers) lines.push(`  → ${describe(edge.to)}`);
    if (takers.length === 0) lines.push('  → no consumer found in this project');
  }
  const unconnected = flow.consumers.filter((c) => !flow.edges.some((e) => e.to === c.id));
  if (unconnected.length > 0) {
    lines.push('Consumers whose source the code does not show:');
    for (const consumer of unconnected) lines.push(`  → ${describe(consumer.id)}`);
  }
  return lines;
}
