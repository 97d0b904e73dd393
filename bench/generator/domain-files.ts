import { shared, type Context } from './context.js';
import { Imports } from './imports.js';
import { capitalize, sampleOf, type Field } from './plan.js';

/** The ordinary part of a service module: types, errors, config, validation, DTOs, mapper, list queries. */

export function typesTs(c: Context): string {
  const { S, s, C, plan } = c;
  const statuses = plan.lifecycle.statuses;
  const last = statuses.at(-1) ?? '';
  const transitions = statuses.map((status, index) => {
    const next = statuses[index + 1];
    const targets = index >= statuses.length - 2 ? [] : [next, last].filter((t): t is string => t !== undefined);
    return `  ${status}: [${targets.map((t) => `'${t}'`).join(', ')}],`;
  });
  const stringFields = c.fields.filter((f) => f.ts === 'string');
  return `/** Domain types of the ${c.words} module. */

export const ${C}_STATUSES = [${statuses.map((st) => `'${st}'`).join(', ')}] as const;

export type ${S}Status = (typeof ${C}_STATUSES)[number];

export interface ${S} {
  readonly id: string;
  status: ${S}Status;
${c.fields.map((f) => `  ${f.name}: ${f.ts};`).join('\n')}
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Create${S}Input {
${c.fields.map((f) => `  ${f.name}: ${f.ts};`).join('\n')}
}

export type Update${S}Input = Partial<Pick<${S}, ${c.fields.map((f) => `'${f.name}'`).join(' | ')}>>;

export interface ${S}Filter {
  readonly status?: ${S}Status;
${stringFields.map((f) => `  readonly ${f.name}?: string;`).join('\n')}
  readonly limit?: number;
  readonly offset?: number;
}

/** Which status may follow which; terminal statuses have no successors. */
export const ${s}Transitions: Readonly<Record<${S}Status, readonly ${S}Status[]>> = {
${transitions.join('\n')}
};

export function is${S}Status(value: unknown): value is ${S}Status {
  return typeof value === 'string' && (${C}_STATUSES as readonly string[]).includes(value);
}

export function can${S}Transition(from: ${S}Status, to: ${S}Status): boolean {
  return ${s}Transitions[from].includes(to);
}

export function isTerminal${S}Status(status: ${S}Status): boolean {
  return ${s}Transitions[status].length === 0;
}

export const ${C}_DEFAULTS: Create${S}Input = {
${c.fields.map((f, i) => `  ${f.name}: ${sampleOf(f, i)},`).join('\n')}
};

export interface ${S}Snapshot {
  readonly id: string;
  readonly status: ${S}Status;
  readonly version: number;
}

export function snapshotOf${S}(entity: ${S}): ${S}Snapshot {
  return { id: entity.id, status: entity.status, version: entity.version };
}
`;
}

export function errorsTs(c: Context): string {
  const { S, C } = c;
  return `import type { FieldError } from '${shared(2, 'validation/validator.js')}';
import type { ${S}Status } from './${c.k}.types.js';

/** Errors of the ${c.words} module, each with a stable code for API responses. */

export class ${S}Error extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ${S}NotFoundError extends ${S}Error {
  constructor(readonly id: string) {
    super(\`${c.words} \${id} not found\`, '${C}_NOT_FOUND');
  }
}

export class ${S}ValidationError extends ${S}Error {
  constructor(readonly errors: readonly FieldError[]) {
    super(\`invalid ${c.words}: \${errors.map((error) => \`\${error.field} \${error.message}\`).join('; ')}\`, '${C}_INVALID');
  }
}

export class ${S}TransitionError extends ${S}Error {
  constructor(
    readonly from: ${S}Status,
    readonly to: ${S}Status,
  ) {
    super(\`${c.words} cannot go from \${from} to \${to}\`, '${C}_BAD_TRANSITION');
  }
}

export class ${S}ConflictError extends ${S}Error {
  constructor(
    readonly id: string,
    readonly expectedVersion: number,
  ) {
    super(\`${c.words} \${id} was changed concurrently (expected version \${String(expectedVersion)})\`, '${C}_CONFLICT');
  }
}

export function is${S}Error(error: unknown): error is ${S}Error {
  return error instanceof ${S}Error;
}

export function httpStatusOf${S}Error(error: ${S}Error): number {
  if (error instanceof ${S}NotFoundError) return 404;
  if (error instanceof ${S}ValidationError) return 400;
  if (error instanceof ${S}TransitionError || error instanceof ${S}ConflictError) return 409;
  return 500;
}
`;
}

export function configTs(c: Context): string {
  const { s, S, C, k } = c;
  const numeric = c.fields.filter((f) => f.ts === 'number');
  return `import { readBoolEnv, readEnv, readIntEnv } from '${shared(2, 'config/env.js')}';
import { queueUrl, topicArn } from '${shared(2, 'messaging/aws.js')}';

/** Configuration of the ${c.words} module, read once at start-up. */
export const ${s}Config = {
  topic: readEnv('${C}_TOPIC', '${k}.events'),
  exchange: readEnv('${C}_EXCHANGE', '${k}'),
  routingKeyPrefix: '${k}',
  queue: readEnv('${C}_QUEUE', '${k}.inbox'),
  queueUrl: queueUrl('${k}-events'),
  topicArn: topicArn('${k}-events'),
  subject: '${k}',
  eventBusName: readEnv('${C}_EVENT_BUS', 'domain-events'),
  source: 'app.${k}',
  consumerGroup: readEnv('${C}_CONSUMER_GROUP', '${k}-service'),
  prefetch: readIntEnv('${C}_PREFETCH', 20),
  pageSize: readIntEnv('${C}_PAGE_SIZE', 50),
  maxRetries: readIntEnv('${C}_MAX_RETRIES', 5),
  auditEnabled: readBoolEnv('${C}_AUDIT', true),
} as const;

export type ${S}Config = typeof ${s}Config;

/** Upper bounds for numeric fields, enforced by validation. */
export const ${s}Limits = {
${numeric.map((f) => `  ${f.name}: readIntEnv('${C}_MAX_${f.column.toUpperCase()}', ${f.kind === 'money' ? '100_000_000' : '10_000'}),`).join('\n')}
} as const;

export function describe${S}Config(config: ${S}Config = ${s}Config): string[] {
  return [
    \`topic=\${config.topic}\`,
    \`exchange=\${config.exchange}\`,
    \`queue=\${config.queue}\`,
    \`group=\${config.consumerGroup}\`,
    \`pageSize=\${String(config.pageSize)}\`,
  ];
}

export function ${s}RoutingKey(event: string): string {
  return \`\${${s}Config.routingKeyPrefix}.\${event}\`;
}

/** Fails start-up on nonsensical settings instead of misbehaving later. */
export function validate${S}Config(config: ${S}Config = ${s}Config): string[] {
  const problems: string[] = [];
  if (config.prefetch <= 0) problems.push('prefetch must be positive');
  if (config.pageSize <= 0 || config.pageSize > 500) problems.push('page size must be between 1 and 500');
  if (config.maxRetries < 0) problems.push('max retries must not be negative');
  if (config.topic.trim() === '') problems.push('topic must not be empty');
  if (config.queue.trim() === '') problems.push('queue must not be empty');
  return problems;
}

export function assertValid${S}Config(config: ${S}Config = ${s}Config): void {
  const problems = validate${S}Config(config);
  if (problems.length > 0) throw new Error(\`invalid ${c.words} config: \${problems.join('; ')}\`);
}
`;
}

function ruleFor(f: Field, c: Context): string {
  switch (f.kind) {
    case 'id':
      return 'required, minLength(3), maxLength(64)';
    case 'money':
    case 'int':
      return `integer, min(0), max(${c.s}Limits.${f.name})`;
    case 'currency':
      return "pattern(/^[A-Z]{3}$/u, 'an ISO-4217 currency code')";
    case 'email':
      return 'email, maxLength(254)';
    case 'text':
      return f.name === 'title' ? 'required, minLength(1), maxLength(200)' : 'maxLength(2000)';
    case 'date':
      return 'isoDate';
    case 'code':
      return `oneOf(${c.s}${capitalize(f.name)}Values)`;
    case 'flag':
      return "(value) => (typeof value === 'boolean' ? undefined : 'must be true or false')";
    case 'country':
      return "pattern(/^[A-Z]{2}$/u, 'an ISO-3166 country code')";
  }
}

export function validationTs(c: Context): string {
  const { S, s } = c;
  const used = new Set(['check', 'validate']);
  for (const f of c.fields) {
    const rule = ruleFor(f, c);
    for (const name of ['required', 'minLength', 'maxLength', 'integer', 'min', 'max', 'pattern', 'email', 'isoDate', 'oneOf']) {
      if (new RegExp(`\\b${name}\\b`, 'u').test(rule)) used.add(name);
    }
  }
  const imports = new Imports()
    .add(shared(2, 'validation/validator.js'), ...used)
    .type(shared(2, 'validation/validator.js'), 'FieldError', 'ValidationResult')
    .type(`./${c.k}.types.js`, `Create${S}Input`, `Update${S}Input`);
  if (c.fields.some((f) => f.kind === 'money' || f.kind === 'int')) imports.add(`./${c.k}.config.js`, `${s}Limits`);
  const codes = c.fields.filter((f) => f.kind === 'code');
  const checks = c.fields.map(
    (f) => `function check${capitalize(f.name)}(value: ${f.ts}): FieldError | undefined {
  return check('${f.name}', value, ${ruleFor(f, c)});
}`,
  );
  const strings = c.fields.filter((f) => f.ts === 'string' && f.kind !== 'code');
  return `${imports.render()}

/** Validation of ${c.words} input. Each field has one check; create and update share them. */

${codes.map((f) => `export const ${s}${capitalize(f.name)}Values = [${(f.values ?? []).map((v) => `'${v}'`).join(', ')}] as const;`).join('\n')}

${checks.join('\n\n')}

export function validateCreate${S}(input: Create${S}Input): ValidationResult {
  return validate([
${c.fields.map((f) => `    check${capitalize(f.name)}(input.${f.name}),`).join('\n')}
  ]);
}

export function validateUpdate${S}(patch: Update${S}Input): ValidationResult {
  return validate([
${c.fields.map((f) => `    patch.${f.name} === undefined ? undefined : check${capitalize(f.name)}(patch.${f.name}),`).join('\n')}
  ]);
}

/** Trims text fields; validation runs on the sanitized input. */
export function sanitize${S}Input(input: Create${S}Input): Create${S}Input {
  return {
    ...input,
${strings.map((f) => `    ${f.name}: input.${f.name}.trim(),`).join('\n')}
  };
}
`;
}

function readerOf(f: Field, optional: boolean): string {
  const base = f.ts === 'string' ? 'String' : f.ts === 'number' ? 'Number' : 'Boolean';
  return optional ? `readOptional${base}` : `read${base}`;
}

export function dtoTs(c: Context): string {
  const { S } = c;
  const readers = new Set<string>(['asRecord']);
  for (const f of c.fields) {
    readers.add(readerOf(f, false));
    readers.add(readerOf(f, true));
  }
  const imports = new Imports()
    .add(shared(2, 'validation/readers.js'), ...readers)
    .add(`./${c.k}.types.js`, `is${S}Status`)
    .type(`./${c.k}.types.js`, S, `${S}Status`, `Create${S}Input`, `Update${S}Input`, `${S}Filter`);
  return `${imports.render()}

/** Request and response shapes of the ${c.words} API. */

export class Create${S}Dto implements Create${S}Input {
${c.fields.map((f) => `  ${f.name}!: ${f.ts};`).join('\n')}

  static fromJson(body: unknown): Create${S}Dto {
    const source = asRecord(body);
    const dto = new Create${S}Dto();
${c.fields.map((f) => `    dto.${f.name} = ${readerOf(f, false)}(source, '${f.name}');`).join('\n')}
    return dto;
  }
}

export class Update${S}Dto implements Update${S}Input {
${c.fields.map((f) => `  ${f.name}?: ${f.ts};`).join('\n')}

  static fromJson(body: unknown): Update${S}Dto {
    const source = asRecord(body);
    const dto = new Update${S}Dto();
${c.fields
  .map((f) => `    const ${f.name} = ${readerOf(f, true)}(source, '${f.name}');
    if (${f.name} !== undefined) dto.${f.name} = ${f.name};`)
  .join('\n')}
    return dto;
  }
}

export class ${S}ResponseDto {
  constructor(
    readonly id: string,
    readonly status: ${S}Status,
${c.fields.map((f) => `    readonly ${f.name}: ${f.ts},`).join('\n')}
    readonly version: number,
    readonly createdAt: string,
    readonly updatedAt: string,
  ) {}

  static from(entity: ${S}): ${S}ResponseDto {
    return new ${S}ResponseDto(entity.id, entity.status, ${c.fields.map((f) => `entity.${f.name}`).join(', ')}, entity.version, entity.createdAt, entity.updatedAt);
  }

  toJson(): Record<string, unknown> {
    return {
      id: this.id,
      status: this.status,
${c.fields.map((f) => `      ${f.name}: this.${f.name},`).join('\n')}
      version: this.version,
      createdAt: this.createdAt,
      updatedAt: this.updatedAt,
    };
  }
}

export class ${S}ListQueryDto implements ${S}Filter {
  status?: ${S}Status;
  limit?: number;
  offset?: number;

  static fromQuery(query: Readonly<Record<string, string | undefined>>): ${S}ListQueryDto {
    const dto = new ${S}ListQueryDto();
    const status = query['status'];
    if (status !== undefined && is${S}Status(status)) dto.status = status;
    if (query['limit'] !== undefined) dto.limit = Number.parseInt(query['limit'], 10);
    if (query['offset'] !== undefined) dto.offset = Number.parseInt(query['offset'], 10);
    return dto;
  }
}
`;
}

export function mapperTs(c: Context): string {
  const { S, s, plan } = c;
  const imports = new Imports()
    .add(`./${c.k}.types.js`, `is${S}Status`)
    .type(`./${c.k}.types.js`, S, `${S}Status`, `Create${S}Input`, `Update${S}Input`);
  let storeMapping: string;
  if (plan.db === 'typeorm') {
    imports.add(`./${c.k}.entity.js`, `${S}Entity`);
    storeMapping = `export function from${S}Entity(entity: ${S}Entity): ${S} {
  return {
    id: entity.id,
    status: is${S}Status(entity.status) ? entity.status : '${c.firstStatus}',
${c.fields.map((f) => `    ${f.name}: entity.${f.name},`).join('\n')}
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

export function to${S}Entity(domain: ${S}): ${S}Entity {
  const entity = new ${S}Entity();
  entity.id = domain.id;
  entity.status = domain.status;
${c.fields.map((f) => `  entity.${f.name} = domain.${f.name};`).join('\n')}
  entity.version = domain.version;
  entity.createdAt = new Date(domain.createdAt);
  entity.updatedAt = new Date(domain.updatedAt);
  return entity;
}`;
  } else if (plan.db === 'mongoose') {
    imports.type(`./${c.k}.model.js`, `${S}Record`);
    storeMapping = `export function from${S}Record(record: ${S}Record): ${S} {
  return {
    id: record.id,
    status: is${S}Status(record.status) ? record.status : '${c.firstStatus}',
${c.fields.map((f) => `    ${f.name}: record.${f.name},`).join('\n')}
    version: record.version,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

export function to${S}Record(domain: ${S}): ${S}Record {
  return {
    id: domain.id,
    status: domain.status,
${c.fields.map((f) => `    ${f.name}: domain.${f.name},`).join('\n')}
    version: domain.version,
    createdAt: new Date(domain.createdAt),
    updatedAt: new Date(domain.updatedAt),
  };
}`;
  } else {
    imports.type(`./${c.k}.sql.js`, `${S}Row`);
    storeMapping = `export function to${S}(row: ${S}Row): ${S} {
  return {
    id: row.id,
    status: is${S}Status(row.status) ? row.status : '${c.firstStatus}',
${c.fields.map((f) => `    ${f.name}: row.${f.column},`).join('\n')}
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function to${S}Row(domain: ${S}): ${S}Row {
  return {
    id: domain.id,
    status: domain.status,
${c.fields.map((f) => `    ${f.column}: domain.${f.name},`).join('\n')}
    version: domain.version,
    created_at: domain.createdAt,
    updated_at: domain.updatedAt,
  };
}`;
  }
  const label = c.fields.find((f) => f.ts === 'string');
  return `${imports.render()}

/** Mapping between the ${c.words} domain type, its storage shape and its inputs. */

${storeMapping}

export function new${S}(input: Create${S}Input, id: string, now: string): ${S} {
  return { id, status: '${c.firstStatus}', ...input, version: 1, createdAt: now, updatedAt: now };
}

export function apply${S}Patch(current: ${S}, patch: Update${S}Input, now: string): ${S} {
  return { ...current, ...patch, version: current.version + 1, updatedAt: now };
}

export function with${S}Status(current: ${S}, status: ${S}Status, now: string): ${S} {
  return { ...current, status, version: current.version + 1, updatedAt: now };
}

export function ${s}Label(entity: ${S}): string {
  return ${label === undefined ? `\`${c.words} \${entity.id}\`` : `\`${c.words} \${entity.${label.name}} (\${entity.id})\``};
}

export function changed${S}Fields(before: ${S}, after: ${S}): string[] {
  const fields = [${c.fields.map((f) => `'${f.name}'`).join(', ')}] as const;
  return fields.filter((field) => before[field] !== after[field]);
}
`;
}

export function queryTs(c: Context): string {
  const { S, s } = c;
  const sortable = c.fields.filter((f) => f.ts !== 'boolean');
  const money = c.fields.filter((f) => f.kind === 'money');
  const texts = c.fields.filter((f) => f.ts === 'string');
  const flags = c.fields.filter((f) => f.ts === 'boolean');
  const statuses = c.plan.lifecycle.statuses;
  return `import { groupBy, sortBy, sum } from '${shared(2, 'utils/collections.js')}';
import type { ${S}, ${S}Status } from './${c.k}.types.js';

/** In-memory queries over ${c.words} lists (reports, exports, admin screens). */

export type ${S}SortKey = 'createdAt' | 'updatedAt'${sortable.map((f) => ` | '${f.name}'`).join('')};

export function sort${S}List(items: readonly ${S}[], key: ${S}SortKey, direction: 'asc' | 'desc' = 'asc'): ${S}[] {
  return sortBy(items, (item) => item[key], direction);
}

export function filter${S}ListByStatus(items: readonly ${S}[], statuses: readonly ${S}Status[]): ${S}[] {
  return items.filter((item) => statuses.includes(item.status));
}

export function count${S}ListByStatus(items: readonly ${S}[]): Record<${S}Status, number> {
  const counts: Record<${S}Status, number> = { ${statuses.map((st) => `${st}: 0`).join(', ')} };
  for (const item of items) counts[item.status]++;
  return counts;
}

export function group${S}ListByStatus(items: readonly ${S}[]): Record<${S}Status, ${S}[]> {
  return groupBy(items, (item) => item.status);
}

export function search${S}List(items: readonly ${S}[], term: string): ${S}[] {
  const needle = term.trim().toLowerCase();
  if (needle.length === 0) return [...items];
  return items.filter((item) => ${texts.length === 0 ? 'item.id.includes(needle)' : texts.map((f) => `item.${f.name}.toLowerCase().includes(needle)`).join(' || ')});
}
${money
  .map(
    (f) => `
export function total${capitalize(f.name)}(items: readonly ${S}[]): number {
  return sum(items.map((item) => item.${f.name}));
}
`,
  )
  .join('')}${flags
  .map(
    (f) => `
export function only${capitalize(f.name)}(items: readonly ${S}[]): ${S}[] {
  return items.filter((item) => item.${f.name});
}
`,
  )
  .join('')}
export function latest${S}(items: readonly ${S}[]): ${S} | undefined {
  return sortBy(items, (item) => item.updatedAt, 'desc')[0];
}

export interface ${S}Stats {
  readonly count: number;
  readonly byStatus: Record<${S}Status, number>;
  readonly newest?: string;
  readonly oldest?: string;
}

export function ${s}Stats(items: readonly ${S}[]): ${S}Stats {
  const byCreation = sortBy(items, (item) => item.createdAt);
  return {
    count: items.length,
    byStatus: count${S}ListByStatus(items),
    ...(byCreation.length === 0 ? {} : { oldest: byCreation[0]?.createdAt, newest: byCreation.at(-1)?.createdAt }),
  };
}
`;
}
