import { indent, shared, type Context, type EventInfo } from './context.js';
import { Imports } from './imports.js';
import type { MethodKind, WriteStyle } from './plan.js';

/** The service class: use cases that write state and announce events, in the write style the plan gives each method. */

interface MethodSpec {
  readonly kind: MethodKind;
  readonly op: 'insert' | 'update' | 'delete';
  readonly event: EventInfo;
}

export function serviceTs(c: Context): string {
  const { S, s, C, k, plan } = c;
  const { forward, abort } = plan.lifecycle;
  const up = c.up.names;
  const i = new Imports()
    .add('@nestjs/common', 'Injectable')
    .add(`./${k}.repository.js`, `${S}Repository`)
    .add(`./${k}.validation.js`, `validateCreate${S}`, `validateUpdate${S}`)
    .add(`./${k}.errors.js`, `${S}NotFoundError`, `${S}TransitionError`, `${S}ValidationError`)
    .add(`./${k}.mapper.js`, `apply${S}Patch`, `new${S}`, `with${S}Status`)
    .add(`./${k}.types.js`, `can${S}Transition`, `isTerminal${S}Status`)
    .type(`./${k}.types.js`, S, `Create${S}Input`, `${S}Filter`, `Update${S}Input`)
    .add(`./${k}.config.js`, `${s}Config`)
    .add(shared(2, 'utils/ids.js'), 'newId')
    .add(shared(2, 'utils/dates.js'), 'nowIso')
    .add(shared(2, 'logging/logger.js'), 'logger')
    .type(shared(2, 'events/envelope.js'), 'EventEnvelope');

  const ctorParams: string[] = [];
  switch (plan.db) {
    case 'pg':
      i.add('@nestjs/common', 'Inject').type('pg', 'Pool').add(shared(2, 'db/tokens.js'), 'PG_POOL');
      ctorParams.push('@Inject(PG_POOL) private readonly pool: Pool');
      break;
    case 'typeorm':
      i.add('@nestjs/common', 'Inject').type('typeorm', 'DataSource').add(shared(2, 'db/tokens.js'), 'DATA_SOURCE');
      ctorParams.push('@Inject(DATA_SOURCE) private readonly dataSource: DataSource');
      break;
    case 'mongoose':
      i.add('@nestjs/common', 'Inject').type('mongoose', 'Connection').add(shared(2, 'db/tokens.js'), 'MONGO_CONNECTION');
      ctorParams.push('@Inject(MONGO_CONNECTION) private readonly connection: Connection');
      break;
    case 'knex':
      i.add('@nestjs/common', 'Inject').type('knex', 'Knex').add(shared(2, 'db/tokens.js'), 'KNEX');
      ctorParams.push('@Inject(KNEX) private readonly db: Knex');
      break;
  }
  ctorParams.push(`private readonly repository: ${S}Repository`);
  if (plan.publisher === 'injectable') {
    i.add(`./events/${k}.publisher.js`, `${S}EventPublisher`);
    ctorParams.push(`private readonly publisher: ${S}EventPublisher`);
  }
  if (plan.localBus === 'nest') {
    i.add('@nestjs/event-emitter', 'EventEmitter2');
    ctorParams.push('private readonly eventEmitter: EventEmitter2');
  } else {
    i.add(`./${k}.listeners.js`, `${s}LocalEvents`);
  }
  let fields = '';
  if (plan.publisher === 'subclass') {
    i.add(`./events/${k}.publisher.js`, `create${S}Publishers`);
    if (plan.broker === 'kafka') {
      i.add(shared(2, 'messaging/kafka.js'), 'getProducer');
      fields = `\n  private readonly publishers = create${S}Publishers(getProducer());`;
    } else {
      fields = `\n  private readonly publishers = create${S}Publishers();`;
    }
  }
  if (plan.idempotent) i.add(shared(2, 'idempotency/processed-messages.js'), 'hasProcessed', 'markProcessed').add(shared(2, 'db/pg.js'), 'getPool');

  const localEmit = (event: 'created' | 'updated' | 'removed', arg: string): string =>
    plan.localBus === 'nest' ? `this.eventEmitter.emit('${k}.${event}', ${arg});` : `${s}LocalEvents.emit('${event}', ${arg});`;

  const persist = (spec: MethodSpec): string => persistBlock(c, i, spec, plan.writes[spec.kind]);
  const e = c.events;
  // Bodies first: they add the imports they need.
  const bodies = {
    create: indent(persist({ kind: 'create', op: 'insert', event: e.created }), 4),
    update: indent(persist({ kind: 'update', op: 'update', event: e.updated }), 4),
    forward: indent(persist({ kind: 'forward', op: 'update', event: e.forward }), 4),
    abort: indent(persist({ kind: 'abort', op: 'update', event: e.abort }), 4),
    remove: indent(persist({ kind: 'remove', op: 'delete', event: e.deleted }), 4),
  };
  return `${i.render()}

/** Use cases of the ${c.words} module. Every state change also announces itself as an event. */
@Injectable()
export class ${S}Service {
  private readonly log = logger.child('${k}.service');${fields}

  constructor(
${ctorParams.map((p) => `    ${p},`).join('\n')}
  ) {}

  async getById(id: string): Promise<${S}> {
    return this.require(id);
  }

  async list(filter: ${S}Filter = {}): Promise<${S}[]> {
    const limit = Math.min(filter.limit ?? ${s}Config.pageSize, 500);
    return this.repository.list({ ...filter, limit });
  }

  async create(input: Create${S}Input): Promise<${S}> {
    const validation = validateCreate${S}(input);
    if (!validation.ok) throw new ${S}ValidationError(validation.errors);
    const entity = new${S}(input, newId(), nowIso());
${bodies.create}
    ${localEmit('created', 'entity')}
    this.log.info('${c.words} created', { id: entity.id });
    return entity;
  }

  async update(id: string, patch: Update${S}Input): Promise<${S}> {
    const validation = validateUpdate${S}(patch);
    if (!validation.ok) throw new ${S}ValidationError(validation.errors);
    const current = await this.require(id);
    const entity = apply${S}Patch(current, patch, nowIso());
    const changes = Object.keys(patch);
${bodies.update}
    ${localEmit('updated', 'entity')}
    return entity;
  }

  async ${forward.verb}(id: string): Promise<${S}> {
    const current = await this.require(id);
    if (!can${S}Transition(current.status, '${forward.status}')) throw new ${S}TransitionError(current.status, '${forward.status}');
    const from = current.status;
    const entity = with${S}Status(current, '${forward.status}', nowIso());
${bodies.forward}
    this.log.info('${c.words} ${forward.status}', { id, from });
    return entity;
  }

  async ${abort.verb}(id: string, reason = 'unspecified'): Promise<${S}> {
    const current = await this.require(id);
    if (!can${S}Transition(current.status, '${abort.status}')) throw new ${S}TransitionError(current.status, '${abort.status}');
    const from = current.status;
    const entity = with${S}Status(current, '${abort.status}', nowIso());
${bodies.abort}
    this.log.info('${c.words} ${abort.status}', { id, from, reason });
    return entity;
  }

  async remove(id: string): Promise<void> {
    const current = await this.require(id);
    if (!isTerminal${S}Status(current.status) && current.status !== '${c.firstStatus}') {
      throw new ${S}TransitionError(current.status, '${abort.status}');
    }
${bodies.remove}
    ${localEmit('removed', 'id')}
  }

  /** Keeps local ${c.words} data in step with ${up.words} events. */
  async handle${up.pascal}Event(envelope: EventEnvelope<unknown>): Promise<void> {
${
  plan.idempotent
    ? `    if (await hasProcessed(getPool(), ${s}Config.consumerGroup, envelope.id)) {
      this.log.debug('duplicate delivery', { id: envelope.id, type: envelope.type });
      return;
    }
`
    : ''
}    const target = await this.repository.findById(envelope.aggregateId);
    if (target === undefined) {
      this.log.debug('no local ${c.words} for event', { type: envelope.type, aggregateId: envelope.aggregateId });
      return;
    }
    await this.repository.markSynced(target.id, envelope.type);${
      plan.idempotent ? `\n    await markProcessed(getPool(), ${s}Config.consumerGroup, envelope.id);` : ''
    }
  }

  private async require(id: string): Promise<${S}> {
    const found = await this.repository.findById(id);
    if (found === undefined) throw new ${S}NotFoundError(id);
    return found;
  }
}

export const ${C}_SERVICE_METHODS = ['create', 'update', '${forward.verb}', '${abort.verb}', 'remove'] as const;
`;
}

/** The statement(s) that persist a change and announce it, in the given write style. */
function persistBlock(c: Context, i: Imports, spec: MethodSpec, style: WriteStyle): string {
  const { S, s, k, plan } = c;
  const arg = spec.op === 'delete' ? 'id' : 'entity';
  const envelope = `${s}${spec.event.pascal}(${spec.event.args})`;
  const addEnvelope = (): void => {
    i.add(`./events/${k}.events.js`, `${s}${spec.event.pascal}`);
  };
  const publish = (): string => {
    switch (plan.publisher) {
      case 'functions':
        i.add(`./events/${k}.publisher.js`, `publish${S}${spec.event.pascal}`);
        return `await publish${S}${spec.event.pascal}(${spec.event.args});`;
      case 'subclass':
        i.add(`./events/${k}.events.js`, `${s}${spec.event.pascal}Data`);
        return `await this.publishers.${spec.event.key}.publish(${s}${spec.event.pascal}Data(${spec.event.args}), ${arg === 'id' ? 'id' : 'entity.id'});`;
      case 'injectable':
        return `await this.publisher.${spec.event.key}(${spec.event.args});`;
    }
  };
  const plainWrite = `await this.repository.${spec.op}(${arg});`;
  switch (style) {
    case 'dual':
      return `${plainWrite}\n${publish()}`;
    case 'publish-first':
      return `${publish()}\n${plainWrite}`;
    case 'finally':
      return `try {\n  ${plainWrite}\n} finally {\n  ${publish()}\n}`;
    case 'outbox':
    case 'helper-outbox':
      addEnvelope();
      return transactionBlock(c, i, spec, arg, envelope, style === 'helper-outbox', undefined);
    case 'after-commit':
      return `${transactionBlock(c, i, spec, arg, undefined, false, undefined)}\n${publish()}`;
    case 'in-transaction':
      return transactionBlock(c, i, spec, arg, undefined, false, publish());
  }
}

/** A transaction with the state write, then optionally an outbox insert or (a bug) a publish inside it. */
function transactionBlock(
  c: Context,
  i: Imports,
  spec: MethodSpec,
  arg: string,
  outboxEnvelope: string | undefined,
  useHelper: boolean,
  publishInside: string | undefined,
): string {
  const { S, C, k, plan } = c;
  switch (plan.db) {
    case 'pg': {
      const inner = [`await this.repository.${spec.op}With(client, ${arg});`];
      if (outboxEnvelope !== undefined) {
        i.add(shared(2, 'outbox/outbox.js'), 'insertOutbox');
        inner.push(`await insertOutbox(client, '${S}', ${outboxEnvelope});`);
      }
      if (publishInside !== undefined) inner.push(publishInside);
      if (useHelper) {
        i.add(shared(2, 'db/pg.js'), 'withTransaction');
        return `await withTransaction(this.pool, async (client) => {\n${indent(inner.join('\n'), 2)}\n});`;
      }
      return `const client = await this.pool.connect();
try {
  await client.query('BEGIN');
${indent(inner.join('\n'), 2)}
  await client.query('COMMIT');
} catch (error) {
  await client.query('ROLLBACK');
  throw error;
} finally {
  client.release();
}`;
    }
    case 'typeorm': {
      i.add(`./${k}.entity.js`, `${S}Entity`).add(`./${k}.mapper.js`, `to${S}Entity`);
      const write =
        spec.op === 'insert'
          ? `await manager.insert(${S}Entity, to${S}Entity(entity));`
          : spec.op === 'update'
            ? `await manager.save(${S}Entity, to${S}Entity(entity));`
            : `await manager.delete(${S}Entity, { id });`;
      const inner = [write];
      if (outboxEnvelope !== undefined) {
        i.add(shared(2, 'outbox/outbox.entity.js'), 'OutboxEntity', 'toOutboxEntity');
        inner.push(`await manager.insert(OutboxEntity, toOutboxEntity('${S}', ${outboxEnvelope}));`);
      }
      return `await this.dataSource.transaction(async (manager) => {\n${indent(inner.join('\n'), 2)}\n});`;
    }
    case 'mongoose': {
      i.add(`./${k}.model.js`, `${S}Model`).add(`./${k}.mapper.js`, `to${S}Record`);
      const write =
        spec.op === 'insert'
          ? `await ${S}Model.create([to${S}Record(entity)], { session });`
          : spec.op === 'update'
            ? `await ${S}Model.updateOne({ id: entity.id }, { $set: to${S}Record(entity) }, { session });`
            : `await ${S}Model.deleteOne({ id }, { session });`;
      const inner = [write];
      if (outboxEnvelope !== undefined) {
        i.add(shared(2, 'outbox/outbox.model.js'), 'OutboxModel', 'toOutboxRecord');
        inner.push(`await OutboxModel.create([toOutboxRecord('${S}', ${outboxEnvelope})], { session });`);
      }
      return `await this.connection.transaction(async (session) => {\n${indent(inner.join('\n'), 2)}\n});`;
    }
    case 'knex': {
      i.add(`./${k}.sql.js`, `${C}_TABLE`).type(`./${k}.sql.js`, `${S}Row`).add(`./${k}.mapper.js`, `to${S}Row`);
      const write =
        spec.op === 'insert'
          ? `await trx<${S}Row>(${C}_TABLE).insert(to${S}Row(entity));`
          : spec.op === 'update'
            ? `await trx<${S}Row>(${C}_TABLE).where({ id: entity.id }).update(to${S}Row(entity));`
            : `await trx<${S}Row>(${C}_TABLE).where({ id }).del();`;
      const inner = [write];
      if (outboxEnvelope !== undefined) {
        i.add(shared(2, 'outbox/outbox.js'), 'toOutboxRow');
        inner.push(`await trx('outbox').insert(toOutboxRow('${S}', ${outboxEnvelope}));`);
      }
      return `await this.db.transaction(async (trx) => {\n${indent(inner.join('\n'), 2)}\n});`;
    }
  }
}
