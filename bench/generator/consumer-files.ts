import { shared, type Context } from './context.js';
import { Imports } from './imports.js';

/** How events come in (Kafka, RabbitMQ, Lambda, Nest controllers), in-process listeners, and the Nest module. */

/** How a Lambda handler builds the service without Nest. */
function manualService(c: Context, i: Imports): string {
  const { S, k, plan } = c;
  let db: string;
  switch (plan.db) {
    case 'pg':
      i.add(shared(2, 'db/pg.js'), 'getPool');
      db = 'getPool()';
      break;
    case 'typeorm':
      i.add(shared(2, 'db/typeorm.js'), 'dataSource');
      db = 'dataSource';
      break;
    case 'mongoose':
      i.add(shared(2, 'db/mongo.js'), 'getMongoConnection');
      db = 'getMongoConnection()';
      break;
    case 'knex':
      i.add(shared(2, 'db/knex.js'), 'getKnex');
      db = 'getKnex()';
      break;
  }
  i.add(`./${k}.repository.js`, `${S}Repository`).add(`./${k}.service.js`, `${S}Service`);
  const args = [db, `new ${S}Repository(${plan.db === 'mongoose' ? '' : db})`];
  if (plan.localBus === 'nest') {
    i.add('@nestjs/event-emitter', 'EventEmitter2');
    args.push('new EventEmitter2()');
  }
  return `new ${S}Service(${args.join(', ')})`;
}

export function consumerTs(c: Context): string {
  const { S, s, k, plan } = c;
  const up = c.up.names;
  const upEvents = `${up.constant}_EVENTS`;
  const i = new Imports()
    .add(`../${up.kebab}/events/${up.kebab}.events.js`, upEvents)
    .add(shared(2, 'events/envelope.js'), 'parseEnvelope')
    .type(shared(2, 'events/envelope.js'), 'EventEnvelope')
    .add(shared(2, 'logging/logger.js'), 'logger')
    .add(`./${k}.config.js`, `${s}Config`);
  const dispatch = `async function dispatch(service: ${S}Service, envelope: EventEnvelope<unknown>): Promise<void> {
  switch (envelope.type) {
    case ${upEvents}.created:
    case ${upEvents}.updated:
    case ${upEvents}.deleted:
      await service.handle${up.pascal}Event(envelope);
      break;
    default:
      log.debug('ignored event', { type: envelope.type });
  }
}`;
  if (plan.consumer === 'kafka') {
    i.type('kafkajs', 'Consumer', 'EachMessagePayload')
      .add(shared(2, 'messaging/kafka.js'), 'createConsumer')
      .add(`../${up.kebab}/${up.kebab}.config.js`, `${up.camel}Config`)
      .type(`./${k}.service.js`, `${S}Service`);
    return `${i.render()}

/** Consumes ${up.words} events from Kafka into the ${c.words} module. */

const log = logger.child('${k}.consumer');
let consumer: Consumer | undefined;

export async function start${S}Consumer(service: ${S}Service): Promise<Consumer> {
  const created = createConsumer(${s}Config.consumerGroup);
  await created.connect();
  await created.subscribe({ topics: [${up.camel}Config.topic], fromBeginning: false });
  await created.run({
    partitionsConsumedConcurrently: 4,
    eachMessage: async (payload: EachMessagePayload) => {
      await handleMessage(service, payload);
    },
  });
  consumer = created;
  return created;
}

export async function stop${S}Consumer(): Promise<void> {
  await consumer?.disconnect();
  consumer = undefined;
}

async function handleMessage(service: ${S}Service, { topic, partition, message }: EachMessagePayload): Promise<void> {
  const raw = message.value?.toString('utf8');
  if (raw === undefined) {
    log.warn('empty message', { topic, partition, offset: message.offset });
    return;
  }
  const envelope = parseEnvelope(raw);
  if (envelope === undefined) {
    log.warn('not an envelope', { topic, partition, offset: message.offset });
    return;
  }
  await dispatch(service, envelope);
}

${dispatch}
`;
  }
  if (plan.consumer === 'amqp') {
    i.type('amqplib', 'ConsumeMessage')
      .add(shared(2, 'messaging/rabbitmq.js'), 'getChannel')
      .add(`../${up.kebab}/${up.kebab}.config.js`, `${up.camel}Config`)
      .type(`./${k}.service.js`, `${S}Service`);
    const onMessage = plan.floatingPromise
      ? `    handleDelivery(service, message).then(() => {
      channel.ack(message);
    });`
      : `    handleDelivery(service, message).then(
      () => {
        channel.ack(message);
      },
      (error: unknown) => {
        log.error('delivery failed', { error });
        channel.nack(message, false, false);
      },
    );`;
    return `${i.render()}

/** Consumes ${up.words} events from RabbitMQ into the ${c.words} module. */

const log = logger.child('${k}.consumer');
let consumerTag: string | undefined;

export async function start${S}Consumer(service: ${S}Service): Promise<string> {
  const channel = await getChannel();
  await channel.assertQueue(${s}Config.queue, { durable: true, arguments: { 'x-dead-letter-exchange': 'dead-letters' } });
  await channel.bindQueue(${s}Config.queue, ${up.camel}Config.exchange, '${up.kebab}.*');
  await channel.prefetch(${s}Config.prefetch);
  const reply = await channel.consume(${s}Config.queue, (message: ConsumeMessage | null) => {
    if (message === null) return;
${onMessage}
  });
  consumerTag = reply.consumerTag;
  return reply.consumerTag;
}

export async function stop${S}Consumer(): Promise<void> {
  if (consumerTag === undefined) return;
  const channel = await getChannel();
  await channel.cancel(consumerTag);
  consumerTag = undefined;
}

async function handleDelivery(service: ${S}Service, message: ConsumeMessage): Promise<void> {
  const envelope = parseEnvelope(message.content.toString('utf8'));
  if (envelope === undefined) {
    log.warn('not an envelope', { deliveryTag: message.fields.deliveryTag });
    return;
  }
  await dispatch(service, envelope);
}

${dispatch}
`;
  }
  // Lambda behind an SQS queue subscribed to the upstream SNS topic.
  i.type('aws-lambda', 'Context', 'SQSBatchItemFailure', 'SQSBatchResponse', 'SQSEvent', 'SQSRecord')
    .add(shared(2, 'messaging/aws.js'), 'unwrapSnsBody')
    .type(`./${k}.service.js`, `${S}Service`);
  const construct = manualService(c, i);
  return `${i.render()}

/** Lambda: consumes ${up.words} events from SQS (fanned out from SNS) into the ${c.words} module. */

const log = logger.child('${k}.lambda');
let service: ${S}Service | undefined;

function getService(): ${S}Service {
  service ??= ${construct};
  return service;
}

export const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
  const failures: SQSBatchItemFailure[] = [];
  for (const record of event.Records) {
    try {
      await processRecord(getService(), record);
    } catch (error) {
      log.error('record failed', { messageId: record.messageId, requestId: context.awsRequestId, error });
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures };
};

async function processRecord(target: ${S}Service, record: SQSRecord): Promise<void> {
  const envelope = parseEnvelope(unwrapSnsBody(record.body));
  if (envelope === undefined) {
    log.warn('not an envelope', { messageId: record.messageId, queue: ${s}Config.queue });
    return;
  }
  await dispatch(target, envelope);
}

${dispatch}
`;
}

export function controllerTs(c: Context): string {
  const { S, k } = c;
  const up = c.up.names;
  const upEvents = `${up.constant}_EVENTS`;
  const i = new Imports()
    .add('@nestjs/common', 'Controller')
    .add('@nestjs/microservices', 'Ctx', 'EventPattern', 'MessagePattern', 'Payload')
    .type('@nestjs/microservices', 'KafkaContext')
    .add(`../${up.kebab}/events/${up.kebab}.events.js`, upEvents)
    .type(shared(2, 'events/envelope.js'), 'EventEnvelope')
    .add(shared(2, 'logging/logger.js'), 'logger')
    .add(`./${k}.service.js`, `${S}Service`)
    .add(`./${k}.dto.js`, `${S}ResponseDto`, `${S}ListQueryDto`);
  return `${i.render()}

/** Nest microservice handlers of the ${c.words} module: ${up.words} events in, request/reply queries. */
@Controller()
export class ${S}Controller {
  private readonly log = logger.child('${k}.controller');

  constructor(private readonly service: ${S}Service) {}

  @EventPattern(${upEvents}.created)
  async on${up.pascal}Created(@Payload() envelope: EventEnvelope<unknown>): Promise<void> {
    await this.service.handle${up.pascal}Event(envelope);
  }

  @EventPattern<string>(${upEvents}.updated)
  async on${up.pascal}Updated(@Payload() envelope: EventEnvelope<unknown>, @Ctx() context: KafkaContext): Promise<void> {
    this.log.debug('received', { topic: context.getTopic(), partition: context.getPartition() });
    await this.service.handle${up.pascal}Event(envelope);
  }

  @EventPattern(${upEvents}.deleted)
  async on${up.pascal}Deleted(@Payload() envelope: EventEnvelope<unknown>): Promise<void> {
    await this.service.handle${up.pascal}Event(envelope);
  }

  @MessagePattern('${k}.get')
  async get(@Payload() request: { readonly id: string }): Promise<Record<string, unknown>> {
    const entity = await this.service.getById(request.id);
    return ${S}ResponseDto.from(entity).toJson();
  }

  @MessagePattern('${k}.count')
  async count(@Payload() query: Readonly<Record<string, string | undefined>>): Promise<{ readonly count: number }> {
    const items = await this.service.list(${S}ListQueryDto.fromQuery(query));
    return { count: items.length };
  }

  @MessagePattern('${k}.exists')
  async exists(@Payload() request: { readonly id: string }): Promise<boolean> {
    const items = await this.service.list({ limit: 500 });
    return items.some((item) => item.id === request.id);
  }

  @MessagePattern('${k}.list')
  async list(@Payload() query: Readonly<Record<string, string | undefined>>): Promise<Record<string, unknown>[]> {
    const items = await this.service.list(${S}ListQueryDto.fromQuery(query));
    return items.map((item) => ${S}ResponseDto.from(item).toJson());
  }
}
`;
}

export function listenersTs(c: Context): string {
  const { S, s, k, plan } = c;
  if (plan.localBus === 'node') {
    return `import { EventEmitter } from 'node:events';
import { count, entityChanged, invalidateCache } from '${shared(2, 'events/in-process-bus.js')}';
import { logger } from '${shared(2, 'logging/logger.js')}';
import type { ${S} } from './${k}.types.js';

/** In-process notifications of the ${c.words} module: metrics, cache invalidation, recent ids. */

export interface ${S}LocalEventMap {
  created: [${S}];
  updated: [${S}];
  removed: [string];
}

export const ${s}LocalEvents = new EventEmitter<${S}LocalEventMap>();

const log = logger.child('${k}.listeners');
const recentIds: string[] = [];
const maxRecent = 100;

function remember(id: string): void {
  recentIds.push(id);
  if (recentIds.length > maxRecent) recentIds.shift();
}

export function register${S}Listeners(): void {
  ${s}LocalEvents.on('created', (entity) => {
    count('${k}.created');
    remember(entity.id);
    entityChanged('${k}', entity.id, 'created');
  });
  ${s}LocalEvents.on('updated', (entity) => {
    invalidateCache('${k}', entity.id);
    log.debug('updated', { id: entity.id, version: entity.version });
  });
  ${s}LocalEvents.on('removed', (id) => {
    invalidateCache('${k}', id);
    count('${k}.removed');
  });
}

export function recent${S}Ids(): readonly string[] {
  return recentIds;
}

export function ${s}ListenerCounts(): Record<keyof ${S}LocalEventMap, number> {
  return {
    created: ${s}LocalEvents.listenerCount('created'),
    updated: ${s}LocalEvents.listenerCount('updated'),
    removed: ${s}LocalEvents.listenerCount('removed'),
  };
}

export function clear${S}Listeners(): void {
  ${s}LocalEvents.removeAllListeners();
  recentIds.length = 0;
}

register${S}Listeners();
`;
  }
  return `import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { count, invalidateCache } from '${shared(2, 'events/in-process-bus.js')}';
import { logger } from '${shared(2, 'logging/logger.js')}';
import type { ${S} } from './${k}.types.js';

/** In-process listeners of the ${c.words} module (Nest event emitter): metrics and caches. */
@Injectable()
export class ${S}Listeners {
  private readonly log = logger.child('${k}.listeners');
  private created = 0;
  private removed = 0;
  private readonly lastSeen = new Map<string, string>();

  @OnEvent('${k}.created')
  onCreated(entity: ${S}): void {
    this.created++;
    count('${k}.created');
    this.log.debug('created', { id: entity.id });
  }

  @OnEvent('${k}.updated', { async: true })
  onUpdated(entity: ${S}): void {
    invalidateCache('${k}', entity.id);
  }

  @OnEvent('${k}.removed')
  onRemoved(id: string): void {
    this.removed++;
    invalidateCache('${k}', id);
  }

  @OnEvent('${k}.*')
  onAny(payload: ${S} | string): void {
    const id = typeof payload === 'string' ? payload : payload.id;
    this.lastSeen.set(id, new Date().toISOString());
    if (this.lastSeen.size > 1_000) {
      const oldest = this.lastSeen.keys().next();
      if (oldest.done !== true) this.lastSeen.delete(oldest.value);
    }
  }

  lastSeenAt(id: string): string | undefined {
    return this.lastSeen.get(id);
  }

  stats(): { readonly created: number; readonly removed: number; readonly tracked: number } {
    return { created: this.created, removed: this.removed, tracked: this.lastSeen.size };
  }
}
`;
}

export function moduleTs(c: Context): string {
  const { S, C, k, plan } = c;
  const i = new Imports()
    .add('@nestjs/common', 'Module')
    .type('@nestjs/common', 'OnModuleDestroy', 'OnModuleInit')
    .add(`./${k}.service.js`, `${S}Service`)
    .add(`./${k}.repository.js`, `${S}Repository`)
    .add(shared(2, 'logging/logger.js'), 'logger');
  const providers = [`${S}Service`, `${S}Repository`];
  const controllers: string[] = [];
  const imports: string[] = [];
  if (plan.consumer === 'nest') {
    i.add(`./${k}.controller.js`, `${S}Controller`);
    controllers.push(`${S}Controller`);
  }
  if (plan.publisher === 'injectable') {
    i.add(`./events/${k}.publisher.js`, `${S}EventPublisher`, `${C}_CLIENT`).add('@nestjs/microservices', 'ClientsModule', 'Transport');
    providers.push(`${S}EventPublisher`);
    imports.push(`ClientsModule.register([
      {
        name: ${C}_CLIENT,
        transport: Transport.KAFKA,
        options: { client: { clientId: '${k}', brokers: ['localhost:9092'] }, producerOnlyMode: true },
      },
    ])`);
  }
  if (plan.localBus === 'nest') {
    i.add(`./${k}.listeners.js`, `${S}Listeners`);
    providers.push(`${S}Listeners`);
  }
  const startsConsumer = plan.consumer === 'kafka' || plan.consumer === 'amqp';
  if (startsConsumer) i.add(`./${k}.consumer.js`, `start${S}Consumer`, `stop${S}Consumer`);
  return `${i.render()}

/**
 * The ${c.words} feature module. Consumers that are not Nest transports (raw Kafka or
 * RabbitMQ) are started and stopped with the module.
 */
@Module({
  imports: [${imports.length === 0 ? '' : `\n    ${imports.join(',\n    ')},\n  `}],
  controllers: [${controllers.join(', ')}],
  providers: [${providers.join(', ')}],
  exports: [${S}Service],
})
export class ${S}Module implements OnModuleInit, OnModuleDestroy {
  private readonly log = logger.child('${k}.module');
  private startedAt: string | undefined;

  constructor(private readonly service: ${S}Service) {}

  /** Liveness for the module's health endpoint: started, and the repository answers. */
  async health(): Promise<{ readonly module: string; readonly up: boolean; readonly startedAt?: string }> {
    try {
      await this.service.list({ limit: 1 });
      return { module: '${k}', up: this.startedAt !== undefined, ...(this.startedAt === undefined ? {} : { startedAt: this.startedAt }) };
    } catch (error) {
      this.log.warn('health check failed', { error });
      return { module: '${k}', up: false };
    }
  }

  async onModuleInit(): Promise<void> {
${startsConsumer ? `    await start${S}Consumer(this.service);\n    this.log.info('consumer started');` : `    await Promise.resolve();\n    this.log.info('ready', { consumer: '${plan.consumer}' });`}
    this.startedAt = new Date().toISOString();
  }

  async onModuleDestroy(): Promise<void> {
${startsConsumer ? `    await stop${S}Consumer();` : '    await Promise.resolve();'}
    this.startedAt = undefined;
    this.log.info('stopped');
  }
}

export const ${C}_MODULE = {
  name: '${k}',
  database: '${plan.db}',
  broker: '${plan.broker}',
  consumer: '${plan.consumer}',
} as const;
`;
}
