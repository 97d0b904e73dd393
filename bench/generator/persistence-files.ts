import { shared, type Context } from './context.js';
import { Imports } from './imports.js';
import type { Field } from './plan.js';

/** Storage of a service module: SQL constants (pg, Knex), a TypeORM entity or a Mongoose model, and the repository. */

function sqlType(f: Field): string {
  return f.ts === 'number' ? 'integer' : f.ts === 'boolean' ? 'boolean' : 'text';
}

export function sqlTs(c: Context): string {
  const { S, s, C, table } = c;
  const columns = ['id', 'status', ...c.fields.map((f) => f.column), 'version', 'created_at', 'updated_at'];
  const placeholders = columns.map((_, i) => `$${String(i + 1)}`).join(', ');
  const updated = ['status', ...c.fields.map((f) => f.column)];
  const sets = [...updated.map((col, i) => `${col} = $${String(i + 2)}`), `version = $${String(updated.length + 2)}`, `updated_at = $${String(updated.length + 3)}`];
  return `/** The ${table} table: row shape and the SQL the repository runs, reviewed in one place. */

export interface ${S}Row {
  id: string;
  status: string;
${c.fields.map((f) => `  ${f.column}: ${f.ts};`).join('\n')}
  version: number;
  created_at: string;
  updated_at: string;
}

export const ${C}_TABLE = '${table}';

export const ${C}_COLUMNS = [${columns.map((col) => `'${col}'`).join(', ')}] as const;

export const SELECT_${C} = 'SELECT ${columns.join(', ')} FROM ${table}';

export const SELECT_${C}_BY_ID = 'SELECT ${columns.join(', ')} FROM ${table} WHERE id = $1';

export const INSERT_${C} = 'INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders})';

export const UPDATE_${C} = 'UPDATE ${table} SET ${sets.join(', ')} WHERE id = $1 AND version = $${String(updated.length + 4)}';

export const DELETE_${C} = 'DELETE FROM ${table} WHERE id = $1';

export const COUNT_${C} = 'SELECT count(*) AS count FROM ${table}';

export const MARK_${C}_SYNCED = 'UPDATE ${table} SET version = version + 1, updated_at = now() WHERE id = $1';

export const CREATE_${C}_TABLE = \`
  CREATE TABLE IF NOT EXISTS ${table} (
    id uuid PRIMARY KEY,
    status text NOT NULL,
${c.fields.map((f) => `    ${f.column} ${sqlType(f)} NOT NULL,`).join('\n')}
    version integer NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  )\`;

export function ${s}InsertParams(row: ${S}Row): unknown[] {
  return [${columns.map((col) => `row.${col}`).join(', ')}];
}

export function ${s}UpdateParams(row: ${S}Row): unknown[] {
  return [row.id, ${updated.map((col) => `row.${col}`).join(', ')}, row.version, row.updated_at, row.version - 1];
}
`;
}

export function entityTs(c: Context): string {
  const { S, table } = c;
  const column = (f: Field): string => {
    const type = f.ts === 'number' ? 'integer' : f.ts === 'boolean' ? 'boolean' : 'text';
    return `  @Column('${type}', { name: '${f.column}' })
  ${f.name}!: ${f.ts};`;
  };
  return `import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { registerEntity } from '${shared(2, 'db/typeorm.js')}';

/** The ${table} table as a TypeORM entity. */
@Entity({ name: '${table}' })
@Index(['status', 'createdAt'])
export class ${S}Entity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  status!: string;

${c.fields.map(column).join('\n\n')}

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}

registerEntity(${S}Entity);

export const ${c.C}_ENTITY_COLUMNS = ['id', 'status', ${c.fields.map((f) => `'${f.name}'`).join(', ')}, 'version', 'createdAt', 'updatedAt'] as const;

export type ${S}EntityColumn = (typeof ${c.C}_ENTITY_COLUMNS)[number];

export function is${S}EntityStale(entity: ${S}Entity, maxAgeMs: number, now: number = Date.now()): boolean {
  return now - entity.updatedAt.getTime() > maxAgeMs;
}

export function ${c.s}EntityKey(entity: Pick<${S}Entity, 'id' | 'version'>): string {
  return \`\${entity.id}@\${String(entity.version)}\`;
}
`;
}

export function modelTs(c: Context): string {
  const { S, s, table } = c;
  const schemaType = (f: Field): string => (f.ts === 'number' ? 'Number' : f.ts === 'boolean' ? 'Boolean' : 'String');
  const stringFields = c.fields.filter((f) => f.ts === 'string');
  return `import { Schema, model } from 'mongoose';

/** The ${table} collection. Ids are application UUIDs, not ObjectIds, so events can carry them. */

export interface ${S}Record {
  id: string;
  status: string;
${c.fields.map((f) => `  ${f.name}: ${f.ts};`).join('\n')}
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const ${s}Schema = new Schema<${S}Record>(
  {
    id: { type: String, required: true, unique: true },
    status: { type: String, required: true, index: true },
${c.fields.map((f) => `    ${f.name}: { type: ${schemaType(f)}, required: true },`).join('\n')}
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: '${table}', versionKey: false },
);

${s}Schema.index({ status: 1, createdAt: -1 });

export const ${S}Model = model<${S}Record>('${S}', ${s}Schema);

export const ${c.C}_COLLECTION = '${table}';

export interface ${S}QueryFilter {
  readonly status?: string;
${stringFields.map((f) => `  readonly ${f.name}?: string;`).join('\n')}
}

/** A MongoDB filter from a list filter: exact matches only, so indexes apply. */
export function build${S}Query(filter: ${S}QueryFilter): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  if (filter.status !== undefined) query['status'] = filter.status;
${stringFields.map((f) => `  if (filter.${f.name} !== undefined) query['${f.name}'] = filter.${f.name};`).join('\n')}
  return query;
}
`;
}

export function repositoryTs(c: Context): string {
  const { S, C, plan, fromStore, toStore } = c;
  const imports = new Imports()
    .add('@nestjs/common', 'Injectable')
    .add(`./${c.k}.mapper.js`, fromStore, toStore)
    .type(`./${c.k}.types.js`, S, `${S}Filter`)
    .add(shared(2, 'logging/logger.js'), 'logger');
  let body: string;
  switch (plan.db) {
    case 'pg':
      imports
        .add('@nestjs/common', 'Inject')
        .type('pg', 'Pool', 'PoolClient')
        .add(shared(2, 'db/tokens.js'), 'PG_POOL')
        .add(`./${c.k}.sql.js`, `COUNT_${C}`, `DELETE_${C}`, `INSERT_${C}`, `MARK_${C}_SYNCED`, `SELECT_${C}`, `SELECT_${C}_BY_ID`, `UPDATE_${C}`, `${c.s}InsertParams`, `${c.s}UpdateParams`)
        .type(`./${c.k}.sql.js`, `${S}Row`)
        .add(`./${c.k}.errors.js`, `${S}ConflictError`);
      body = `  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async findById(id: string): Promise<${S} | undefined> {
    const result = await this.pool.query<${S}Row>(SELECT_${C}_BY_ID, [id]);
    const row = result.rows[0];
    return row === undefined ? undefined : ${fromStore}(row);
  }

  async list(filter: ${S}Filter): Promise<${S}[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (filter.status !== undefined) {
      params.push(filter.status);
      conditions.push(\`status = $\${String(params.length)}\`);
    }
    const where = conditions.length === 0 ? '' : \` WHERE \${conditions.join(' AND ')}\`;
    params.push(filter.limit ?? 50, filter.offset ?? 0);
    const sql = \`\${SELECT_${C}}\${where} ORDER BY created_at DESC LIMIT $\${String(params.length - 1)} OFFSET $\${String(params.length)}\`;
    const result = await this.pool.query<${S}Row>(sql, params);
    return result.rows.map(${fromStore});
  }

  async count(): Promise<number> {
    const result = await this.pool.query<{ count: string }>(COUNT_${C});
    return Number(result.rows[0]?.count ?? 0);
  }

  async findByIds(ids: readonly string[]): Promise<${S}[]> {
    if (ids.length === 0) return [];
    const result = await this.pool.query<${S}Row>(\`\${SELECT_${C}} WHERE id = ANY($1)\`, [ids]);
    return result.rows.map(${fromStore});
  }

  async insert(entity: ${S}): Promise<void> {
    await this.insertWith(this.pool, entity);
  }

  async insertWith(db: Pool | PoolClient, entity: ${S}): Promise<void> {
    await db.query(INSERT_${C}, ${c.s}InsertParams(${toStore}(entity)));
  }

  async update(entity: ${S}): Promise<void> {
    await this.updateWith(this.pool, entity);
  }

  async updateWith(db: Pool | PoolClient, entity: ${S}): Promise<void> {
    const result = await db.query(UPDATE_${C}, ${c.s}UpdateParams(${toStore}(entity)));
    if (result.rowCount === 0) throw new ${S}ConflictError(entity.id, entity.version - 1);
  }

  async delete(id: string): Promise<void> {
    await this.deleteWith(this.pool, id);
  }

  async deleteWith(db: Pool | PoolClient, id: string): Promise<void> {
    await db.query(DELETE_${C}, [id]);
  }

  async markSynced(id: string, source: string): Promise<void> {
    await this.pool.query(MARK_${C}_SYNCED, [id]);
    this.log.debug('synced', { id, source });
  }`;
      break;
    case 'knex':
      imports
        .add('@nestjs/common', 'Inject')
        .type('knex', 'Knex')
        .add(shared(2, 'db/tokens.js'), 'KNEX')
        .add(`./${c.k}.sql.js`, `${C}_TABLE`)
        .type(`./${c.k}.sql.js`, `${S}Row`);
      body = `  constructor(@Inject(KNEX) private readonly db: Knex) {}

  async findById(id: string): Promise<${S} | undefined> {
    const row = await this.db<${S}Row>(${C}_TABLE).where({ id }).first();
    return row === undefined ? undefined : ${fromStore}(row);
  }

  async list(filter: ${S}Filter): Promise<${S}[]> {
    const query = this.db<${S}Row>(${C}_TABLE).select('*');
    if (filter.status !== undefined) void query.where('status', filter.status);
    const rows = await query
      .orderBy('created_at', 'desc')
      .limit(filter.limit ?? 50)
      .offset(filter.offset ?? 0);
    return rows.map(${fromStore});
  }

  async count(): Promise<number> {
    const rows = await this.db(${C}_TABLE).count<{ count: string }[]>('* as count');
    return Number(rows[0]?.count ?? 0);
  }

  async findByIds(ids: readonly string[]): Promise<${S}[]> {
    if (ids.length === 0) return [];
    const rows = await this.db<${S}Row>(${C}_TABLE).whereIn('id', [...ids]);
    return rows.map(${fromStore});
  }

  async insert(entity: ${S}): Promise<void> {
    await this.db<${S}Row>(${C}_TABLE).insert(${toStore}(entity));
  }

  async update(entity: ${S}): Promise<void> {
    await this.db<${S}Row>(${C}_TABLE).where({ id: entity.id }).update(${toStore}(entity));
  }

  async delete(id: string): Promise<void> {
    await this.db<${S}Row>(${C}_TABLE).where({ id }).del();
  }

  async markSynced(id: string, source: string): Promise<void> {
    await this.db<${S}Row>(${C}_TABLE).where({ id }).update({ updated_at: new Date().toISOString() });
    this.log.debug('synced', { id, source });
  }`;
      break;
    case 'typeorm':
      imports
        .add('@nestjs/common', 'Inject')
        .add('typeorm', 'In')
        .type('typeorm', 'DataSource', 'FindOptionsWhere', 'Repository')
        .add(shared(2, 'db/tokens.js'), 'DATA_SOURCE')
        .add(`./${c.k}.entity.js`, `${S}Entity`);
      body = `  private readonly repository: Repository<${S}Entity>;

  constructor(@Inject(DATA_SOURCE) dataSource: DataSource) {
    this.repository = dataSource.getRepository(${S}Entity);
  }

  async findById(id: string): Promise<${S} | undefined> {
    const found = await this.repository.findOneBy({ id });
    return found === null ? undefined : ${fromStore}(found);
  }

  async list(filter: ${S}Filter): Promise<${S}[]> {
    const where: FindOptionsWhere<${S}Entity> = {};
    if (filter.status !== undefined) where.status = filter.status;
    const found = await this.repository.find({ where, order: { createdAt: 'DESC' }, take: filter.limit ?? 50, skip: filter.offset ?? 0 });
    return found.map(${fromStore});
  }

  async count(): Promise<number> {
    return this.repository.count();
  }

  async findByIds(ids: readonly string[]): Promise<${S}[]> {
    if (ids.length === 0) return [];
    const found = await this.repository.findBy({ id: In([...ids]) });
    return found.map(${fromStore});
  }

  async insert(entity: ${S}): Promise<void> {
    await this.repository.insert(${toStore}(entity));
  }

  async update(entity: ${S}): Promise<void> {
    await this.repository.save(${toStore}(entity));
  }

  async delete(id: string): Promise<void> {
    await this.repository.delete({ id });
  }

  async markSynced(id: string, source: string): Promise<void> {
    await this.repository.update({ id }, { updatedAt: new Date() });
    this.log.debug('synced', { id, source });
  }`;
      break;
    case 'mongoose':
      imports.add(`./${c.k}.model.js`, `${S}Model`, `build${S}Query`).type(`./${c.k}.model.js`, `${S}Record`);
      body = `  async findById(id: string): Promise<${S} | undefined> {
    const record = await ${S}Model.findOne({ id }).lean<${S}Record>().exec();
    return record === null ? undefined : ${fromStore}(record);
  }

  async list(filter: ${S}Filter): Promise<${S}[]> {
    const records = await ${S}Model.find(build${S}Query(filter))
      .sort({ createdAt: -1 })
      .skip(filter.offset ?? 0)
      .limit(filter.limit ?? 50)
      .lean<${S}Record[]>()
      .exec();
    return records.map(${fromStore});
  }

  async count(): Promise<number> {
    return ${S}Model.countDocuments().exec();
  }

  async findByIds(ids: readonly string[]): Promise<${S}[]> {
    if (ids.length === 0) return [];
    const records = await ${S}Model.find({ id: { $in: [...ids] } }).lean<${S}Record[]>().exec();
    return records.map(${fromStore});
  }

  async insert(entity: ${S}): Promise<void> {
    await ${S}Model.create(${toStore}(entity));
  }

  async update(entity: ${S}): Promise<void> {
    await ${S}Model.updateOne({ id: entity.id }, { $set: ${toStore}(entity) }).exec();
  }

  async delete(id: string): Promise<void> {
    await ${S}Model.deleteOne({ id }).exec();
  }

  async markSynced(id: string, source: string): Promise<void> {
    await ${S}Model.updateOne({ id }, { $set: { updatedAt: new Date() }, $inc: { version: 1 } }).exec();
    this.log.debug('synced', { id, source });
  }`;
      break;
  }
  return `${imports.render()}

/** Persistence of ${c.words} (${plan.db}). Plain writes commit on their own; see the service for transactions. */
@Injectable()
export class ${S}Repository {
  private readonly log = logger.child('${c.k}.repository');

${body}
}
`;
}
