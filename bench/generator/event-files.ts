import { eventList, shared, type Context, type EventInfo } from './context.js';
import { Imports } from './imports.js';

/** Event names, payloads and envelope factories of a service module, and its publisher. */

export function eventsTs(c: Context): string {
  const { S, s, C, k } = c;
  const e = c.events;
  const statusKeys = [e.forward, e.abort];
  return `import { createEnvelope, type EventEnvelope } from '${shared(3, 'events/envelope.js')}';
import { nowIso } from '${shared(3, 'utils/dates.js')}';
import type { ${S}, ${S}Status } from '../${k}.types.js';

/** Events of the ${c.words} module: names, payloads, and envelope factories. */

export const ${C}_EVENTS = {
  created: '${k}.created',
  updated: '${k}.updated',
${statusKeys.map((ev) => `  ${ev.key}: '${k}.${ev.key}',`).join('\n')}
  deleted: '${k}.deleted',
} as const;

export type ${S}EventType = (typeof ${C}_EVENTS)[keyof typeof ${C}_EVENTS];

export const ${C}_EVENT_VERSION = 1;

export interface ${S}CreatedData {
  readonly id: string;
  readonly status: ${S}Status;
${c.fields.map((f) => `  readonly ${f.name}: ${f.ts};`).join('\n')}
}

export interface ${S}UpdatedData {
  readonly id: string;
  readonly changes: readonly string[];
  readonly version: number;
}

export interface ${S}StatusChangedData {
  readonly id: string;
  readonly from: ${S}Status;
  readonly to: ${S}Status;
  readonly version: number;
}

export interface ${S}DeletedData {
  readonly id: string;
  readonly deletedAt: string;
}

export function ${s}CreatedData(entity: ${S}): ${S}CreatedData {
  return { id: entity.id, status: entity.status, ${c.fields.map((f) => `${f.name}: entity.${f.name}`).join(', ')} };
}

export function ${s}UpdatedData(entity: ${S}, changes: readonly string[]): ${S}UpdatedData {
  return { id: entity.id, changes, version: entity.version };
}
${statusKeys
  .map(
    (ev) => `
export function ${s}${ev.pascal}Data(entity: ${S}, from: ${S}Status): ${S}StatusChangedData {
  return { id: entity.id, from, to: entity.status, version: entity.version };
}
`,
  )
  .join('')}
export function ${s}DeletedData(id: string): ${S}DeletedData {
  return { id, deletedAt: nowIso() };
}

export function ${s}Created(entity: ${S}): EventEnvelope<${S}CreatedData> {
  return createEnvelope(${C}_EVENTS.created, ${s}CreatedData(entity), { aggregateId: entity.id, version: ${C}_EVENT_VERSION });
}

export function ${s}Updated(entity: ${S}, changes: readonly string[]): EventEnvelope<${S}UpdatedData> {
  return createEnvelope(${C}_EVENTS.updated, ${s}UpdatedData(entity, changes), { aggregateId: entity.id, version: ${C}_EVENT_VERSION });
}
${statusKeys
  .map(
    (ev) => `
export function ${s}${ev.pascal}(entity: ${S}, from: ${S}Status): EventEnvelope<${S}StatusChangedData> {
  return createEnvelope(${C}_EVENTS.${ev.key}, ${s}${ev.pascal}Data(entity, from), { aggregateId: entity.id, version: ${C}_EVENT_VERSION });
}
`,
  )
  .join('')}
export function ${s}Deleted(id: string): EventEnvelope<${S}DeletedData> {
  return createEnvelope(${C}_EVENTS.deleted, ${s}DeletedData(id), { aggregateId: id, version: ${C}_EVENT_VERSION });
}

export function is${S}Event(envelope: EventEnvelope<unknown>): boolean {
  return (Object.values(${C}_EVENTS) as string[]).includes(envelope.type);
}

export function is${S}CreatedData(value: unknown): value is ${S}CreatedData {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}
`;
}

/** The transport call a wrapper makes with an envelope, per broker. */
function transportCall(c: Context): { readonly imports: (i: Imports) => void; readonly call: string } {
  const events = shared(3, 'events/publisher.js');
  const config = `${c.s}Config`;
  switch (c.plan.broker) {
    case 'kafka':
      return { imports: (i) => i.add(events, 'publishEvent'), call: `publishEvent(${config}.topic, envelope)` };
    case 'rabbitmq':
      return { imports: (i) => i.add(events, 'publishToExchange'), call: `publishToExchange(${config}.exchange, envelope.type, envelope)` };
    case 'sns':
      return { imports: (i) => i.add(events, 'publishNotification'), call: `publishNotification(${config}.topicArn, envelope)` };
    case 'sqs':
      return { imports: (i) => i.add(events, 'enqueueMessage'), call: `enqueueMessage(${config}.queueUrl, envelope, envelope.aggregateId)` };
    case 'nats':
      return { imports: (i) => i.add(events, 'publishToSubject'), call: `publishToSubject(envelope.type, envelope)` };
    case 'eventbridge':
      return { imports: (i) => i.add(events, 'putDomainEvent'), call: `putDomainEvent(${config}.eventBusName, ${config}.source, envelope)` };
    case 'nest':
      throw new Error('Nest transports publish through an injectable ClientProxy wrapper');
  }
}

export function publisherTs(c: Context): string {
  const { S, s, C, k, plan } = c;
  const eventsModule = `./${k}.events.js`;
  if (plan.publisher === 'subclass') {
    const kafka = plan.broker === 'kafka';
    const base = kafka ? 'Publisher' : 'SubjectPublisher';
    const i = new Imports()
      .add(shared(3, kafka ? 'events/publisher-base.js' : 'events/subject-publisher.js'), base)
      .add(eventsModule, `${C}_EVENTS`)
      .type(eventsModule, `${S}CreatedData`, `${S}UpdatedData`, `${S}StatusChangedData`, `${S}DeletedData`);
    if (kafka) i.type('kafkajs', 'Producer').add(`../${k}.config.js`, `${s}Config`);
    const classes = eventList(c).map(
      (ev) => `/** Publishes \`${k}.${ev.key}\`. */
export class ${S}${ev.pascal}Publisher extends ${base}<${ev.dataType}> {
  protected readonly subject = ${C}_EVENTS.${ev.key};
}`,
    );
    const construct = (ev: EventInfo): string => (kafka ? `new ${S}${ev.pascal}Publisher(producer, topic)` : `new ${S}${ev.pascal}Publisher()`);
    return `${i.render()}

/** One typed publisher per ${c.words} event; the base class builds the envelope and sends it. */

${classes.join('\n\n')}

export interface ${S}Publishers {
${eventList(c)
  .map((ev) => `  readonly ${ev.key}: ${S}${ev.pascal}Publisher;`)
  .join('\n')}
}

export function create${S}Publishers(${kafka ? `producer: Producer, topic: string = ${s}Config.topic` : ''}): ${S}Publishers {
  return {
${eventList(c)
  .map((ev) => `    ${ev.key}: ${construct(ev)},`)
  .join('\n')}
  };
}

/** Every subject this module publishes on (for broker permissions and docs). */
export const ${C}_PUBLISHED_SUBJECTS: readonly string[] = Object.values(${C}_EVENTS);

export function describe${S}Publishers(publishers: ${S}Publishers): string[] {
  return Object.entries(publishers).map(([key, publisher]) => \`\${key}: \${String(publisher)}\`);
}
`;
  }
  const factories = eventList(c).map((ev) => `${s}${ev.pascal}`);
  const imports = new Imports().type(`../${k}.types.js`, S, `${S}Status`);
  imports.add(eventsModule, ...factories).type(shared(3, 'events/envelope.js'), 'EventEnvelope');
  if (plan.publisher === 'injectable') {
    imports
      .add('@nestjs/common', 'Inject', 'Injectable')
      .type('@nestjs/microservices', 'ClientProxy')
      .add('rxjs', 'lastValueFrom')
      .add(shared(3, 'logging/logger.js'), 'logger');
    return `${imports.render()}

/** The injection token of the ${c.words} module's broker client. */
export const ${C}_CLIENT = '${C}_CLIENT';

/** Emits ${c.words} events on the Nest microservice transport. */
@Injectable()
export class ${S}EventPublisher {
  private readonly log = logger.child('${k}.publisher');

  constructor(@Inject(${C}_CLIENT) private readonly client: ClientProxy) {}
${eventList(c)
  .map(
    (ev) => `
  async ${ev.key}(${ev.params}): Promise<void> {
    await this.emit(${s}${ev.pascal}(${ev.args}));
  }
`,
  )
  .join('')}
  async createdMany(entities: readonly ${S}[]): Promise<number> {
    for (const entity of entities) await this.emit(${s}Created(entity));
    return entities.length;
  }

  private async emit(envelope: EventEnvelope<unknown>): Promise<void> {
    await lastValueFrom(this.client.emit(envelope.type, envelope));
    this.log.debug('emitted', { type: envelope.type, id: envelope.id });
  }
}

/** Patterns this publisher emits, for the consumers' contract tests. */
export const ${C}_EMITTED_PATTERNS: readonly string[] = [${eventList(c)
    .map((ev) => `'${k}.${ev.key}'`)
    .join(', ')}];
`;
  }
  const transport = transportCall(c);
  transport.imports(imports);
  imports.add(`../${k}.config.js`, `${s}Config`).add(shared(3, 'logging/logger.js'), 'logger');
  return `${imports.render()}

/** Publishing wrappers for ${c.words} events; services call these, never the broker client. */

const log = logger.child('${k}.publisher');

async function send(envelope: EventEnvelope<unknown>): Promise<void> {
  await ${transport.call};
  log.debug('published', { type: envelope.type, id: envelope.id });
}
${eventList(c)
  .map(
    (ev) => `
export async function publish${S}${ev.pascal}(${ev.params}): Promise<void> {
  await send(${s}${ev.pascal}(${ev.args}));
}
`,
  )
  .join('')}
/** Re-announces existing ${c.words} records (backfills for new consumers), a page at a time. */
export async function publish${S}Backfill(entities: readonly ${S}[], onProgress?: (sent: number) => void): Promise<number> {
  let sent = 0;
  for (const entity of entities) {
    await send(${s}Created(entity));
    sent++;
    if (sent % 100 === 0) onProgress?.(sent);
  }
  log.info('backfill done', { sent });
  return sent;
}

export function ${s}EventTypes(): readonly string[] {
  return [${eventList(c)
    .map((ev) => `'${k}.${ev.key}'`)
    .join(', ')}];
}
`;
}
