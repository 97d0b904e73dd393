import type { ServicePlan } from './plan.js';

/** Path (relative to the project root) → file text. */
export type FileMap = Map<string, string>;

/**
 * The project's shared kernel: configuration, logging, utilities, validation, the event
 * envelope, broker and database clients, publisher wrappers and base classes, the outbox.
 * Written once per project; the services import from here across directories.
 */
export function sharedFiles(plans: readonly ServicePlan[]): FileMap {
  const files: FileMap = new Map();
  files.set('src/shared/config/env.ts', envTs);
  files.set('src/shared/logging/logger.ts', loggerTs);
  files.set('src/shared/utils/strings.ts', stringsTs);
  files.set('src/shared/utils/dates.ts', datesTs);
  files.set('src/shared/utils/money.ts', moneyTs);
  files.set('src/shared/utils/collections.ts', collectionsTs);
  files.set('src/shared/utils/result.ts', resultTs);
  files.set('src/shared/utils/retry.ts', retryTs);
  files.set('src/shared/utils/ids.ts', idsTs);
  files.set('src/shared/validation/validator.ts', validatorTs);
  files.set('src/shared/validation/readers.ts', readersTs);
  files.set('src/shared/http/pagination.ts', paginationTs);
  files.set('src/shared/events/envelope.ts', envelopeTs);
  files.set('src/shared/events/publisher-base.ts', publisherBaseTs);
  files.set('src/shared/events/subject-publisher.ts', subjectPublisherTs);
  files.set('src/shared/events/publisher.ts', publisherTs);
  files.set('src/shared/events/in-process-bus.ts', inProcessBusTs);
  files.set('src/shared/messaging/kafka.ts', kafkaTs);
  files.set('src/shared/messaging/rabbitmq.ts', rabbitTs);
  files.set('src/shared/messaging/aws.ts', awsTs);
  files.set('src/shared/messaging/nats.ts', natsTs);
  files.set('src/shared/db/tokens.ts', tokensTs);
  files.set('src/shared/db/pg.ts', pgTs);
  files.set('src/shared/db/knex.ts', knexTs);
  files.set('src/shared/db/typeorm.ts', typeormTs);
  files.set('src/shared/db/mongo.ts', mongoTs);
  files.set('src/shared/db/database.module.ts', databaseModuleTs);
  files.set('src/shared/outbox/outbox.ts', outboxTs);
  files.set('src/shared/outbox/outbox.entity.ts', outboxEntityTs);
  files.set('src/shared/outbox/outbox.model.ts', outboxModelTs);
  files.set('src/shared/outbox/outbox-relay.ts', outboxRelayTs);
  files.set('src/shared/idempotency/processed-messages.ts', processedMessagesTs);
  files.set('src/app.module.ts', appModuleTs(plans));
  files.set('src/main.ts', mainTs);
  return files;
}

const envTs = `/**
 * Typed access to environment variables. Every service reads its configuration through
 * these helpers so that missing or malformed values fail at start-up, not at first use.
 */

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(\`\${variable}: \${message}\`);
    this.name = 'ConfigError';
  }
}

export function readEnv(name: string, fallback?: string): string {
  const value = process.env[name];
  if (value !== undefined && value !== '') return value;
  if (fallback !== undefined) return fallback;
  throw new ConfigError(name, 'is required');
}

export function readOptionalEnv(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

export function readIntEnv(name: string, fallback: number): number {
  const raw = readOptionalEnv(name);
  if (raw === undefined) return fallback;
  const parsed = Number.parseInt(raw, 10);
  if (!Number.isFinite(parsed)) throw new ConfigError(name, \`expected an integer, got "\${raw}"\`);
  return parsed;
}

export function readBoolEnv(name: string, fallback: boolean): boolean {
  const raw = readOptionalEnv(name);
  if (raw === undefined) return fallback;
  switch (raw.toLowerCase()) {
    case '1':
    case 'true':
    case 'yes':
      return true;
    case '0':
    case 'false':
    case 'no':
      return false;
    default:
      throw new ConfigError(name, \`expected a boolean, got "\${raw}"\`);
  }
}

export function readListEnv(name: string, fallback: readonly string[]): string[] {
  const raw = readOptionalEnv(name);
  if (raw === undefined) return [...fallback];
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

export const environment = {
  name: readEnv('APP_ENV', 'development'),
  region: readEnv('AWS_REGION', 'eu-west-1'),
  serviceName: readEnv('SERVICE_NAME', 'bench-app'),
  isProduction: readEnv('APP_ENV', 'development') === 'production',
} as const;
`;

const loggerTs = `/** A tiny structured logger: JSON lines on stdout, one child logger per component. */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const levelOrder: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogFields = Record<string, unknown>;

export class Logger {
  constructor(
    private readonly component: string,
    private readonly minimum: LogLevel = 'info',
    private readonly base: LogFields = {},
  ) {}

  child(component: string, fields: LogFields = {}): Logger {
    return new Logger(\`\${this.component}.\${component}\`, this.minimum, { ...this.base, ...fields });
  }

  debug(message: string, fields: LogFields = {}): void {
    this.write('debug', message, fields);
  }

  info(message: string, fields: LogFields = {}): void {
    this.write('info', message, fields);
  }

  warn(message: string, fields: LogFields = {}): void {
    this.write('warn', message, fields);
  }

  error(message: string, fields: LogFields = {}): void {
    this.write('error', message, fields);
  }

  private write(level: LogLevel, message: string, fields: LogFields): void {
    if (levelOrder[level] < levelOrder[this.minimum]) return;
    const line = {
      level,
      component: this.component,
      message,
      time: new Date().toISOString(),
      ...this.base,
      ...fields,
    };
    process.stdout.write(\`\${JSON.stringify(line, errorReplacer)}\\n\`);
  }
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return \`\${error.name}: \${error.message}\`;
  return String(error);
}

export const logger = new Logger('app', process.env['LOG_LEVEL'] === 'debug' ? 'debug' : 'info');
`;

const stringsTs = `/** String helpers used by DTOs, mappers and log messages. */

export function isBlank(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim().length === 0;
}

export function truncate(value: string, max: number, suffix = '…'): string {
  if (value.length <= max) return value;
  return value.slice(0, Math.max(0, max - suffix.length)) + suffix;
}

export function toKebabCase(value: string): string {
  return value
    .replace(/([a-z0-9])([A-Z])/gu, '$1-$2')
    .replace(/[\\s_]+/gu, '-')
    .toLowerCase();
}

export function toSnakeCase(value: string): string {
  return toKebabCase(value).replaceAll('-', '_');
}

export function toTitleCase(value: string): string {
  return value
    .split(/[\\s_-]+/u)
    .filter((word) => word.length > 0)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join(' ');
}

export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at <= 1) return email;
  return \`\${email.charAt(0)}\${'*'.repeat(at - 1)}\${email.slice(at)}\`;
}

export function pluralize(count: number, singular: string, plural = \`\${singular}s\`): string {
  return \`\${String(count)} \${count === 1 ? singular : plural}\`;
}

export function normalizeWhitespace(value: string): string {
  return value.replace(/\\s+/gu, ' ').trim();
}

export function slugify(value: string): string {
  return normalizeWhitespace(value)
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '');
}

export function padLeft(value: string | number, width: number, fill = '0'): string {
  return String(value).padStart(width, fill);
}

export function joinNonEmpty(parts: readonly (string | undefined)[], separator = ' '): string {
  return parts.filter((part): part is string => part !== undefined && part.length > 0).join(separator);
}
`;

const datesTs = `/** Date helpers: everything is stored and sent as ISO-8601 UTC strings. */

export function nowIso(): string {
  return new Date().toISOString();
}

export function isIsoDate(value: string): boolean {
  return !Number.isNaN(Date.parse(value));
}

export function addMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

export function addDays(iso: string, days: number): string {
  return addMinutes(iso, days * 24 * 60);
}

export function isBefore(a: string, b: string): boolean {
  return Date.parse(a) < Date.parse(b);
}

export function isExpired(iso: string, now: string = nowIso()): boolean {
  return isBefore(iso, now);
}

export function startOfDay(iso: string): string {
  const date = new Date(iso);
  date.setUTCHours(0, 0, 0, 0);
  return date.toISOString();
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

export function toDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

export function toIso(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

export function formatDay(iso: string): string {
  return iso.slice(0, 10);
}

export interface DateRange {
  readonly from: string;
  readonly to: string;
}

export function inRange(iso: string, range: DateRange): boolean {
  const time = Date.parse(iso);
  return time >= Date.parse(range.from) && time <= Date.parse(range.to);
}
`;

const moneyTs = `/** Money in integer minor units (cents), never floats. */

export interface Money {
  readonly amountCents: number;
  readonly currency: string;
}

export const supportedCurrencies = ['EUR', 'USD', 'GBP', 'CHF', 'SEK'] as const;
export type Currency = (typeof supportedCurrencies)[number];

export function isCurrency(value: string): value is Currency {
  return (supportedCurrencies as readonly string[]).includes(value);
}

export function money(amountCents: number, currency: string): Money {
  if (!Number.isInteger(amountCents)) throw new RangeError(\`amount must be whole cents, got \${String(amountCents)}\`);
  return { amountCents, currency };
}

export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amountCents + b.amountCents, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amountCents - b.amountCents, a.currency);
}

export function multiply(a: Money, factor: number): Money {
  return money(Math.round(a.amountCents * factor), a.currency);
}

export function allocate(total: Money, parts: number): Money[] {
  const base = Math.floor(total.amountCents / parts);
  const remainder = total.amountCents - base * parts;
  return Array.from({ length: parts }, (_, index) => money(base + (index < remainder ? 1 : 0), total.currency));
}

export function formatMoney(value: Money, locale = 'en-GB'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: value.currency }).format(value.amountCents / 100);
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(\`currency mismatch: \${a.currency} vs \${b.currency}\`);
}

export const zero = (currency: string): Money => money(0, currency);

export function isZero(value: Money): boolean {
  return value.amountCents === 0;
}

export function compare(a: Money, b: Money): number {
  assertSameCurrency(a, b);
  return a.amountCents - b.amountCents;
}
`;

const collectionsTs = `/** Small collection helpers that the standard library still lacks. */

export function groupBy<T, K extends string>(items: readonly T[], keyOf: (item: T) => K): Record<K, T[]> {
  const groups = {} as Record<K, T[]>;
  for (const item of items) {
    const key = keyOf(item);
    (groups[key] ??= []).push(item);
  }
  return groups;
}

export function indexBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [keyOf(item), item]));
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (size <= 0) throw new RangeError('chunk size must be positive');
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}

export function uniqueBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = keyOf(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function sortBy<T>(items: readonly T[], keyOf: (item: T) => string | number, direction: 'asc' | 'desc' = 'asc'): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    if (ka < kb) return -sign;
    if (ka > kb) return sign;
    return 0;
  });
}

export function partition<T>(items: readonly T[], predicate: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (predicate(item) ? yes : no).push(item);
  return [yes, no];
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export function compact<T>(items: readonly (T | null | undefined)[]): T[] {
  return items.filter((item): item is T => item !== null && item !== undefined);
}
`;

const resultTs = `/** A Result type for expected failures (validation, not-found), so exceptions stay exceptional. */

export type Result<T, E = string> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

export function err<E>(error: E): Result<never, E> {
  return { ok: false, error };
}

export function map<T, U, E>(result: Result<T, E>, transform: (value: T) => U): Result<U, E> {
  return result.ok ? ok(transform(result.value)) : result;
}

export function flatMap<T, U, E>(result: Result<T, E>, next: (value: T) => Result<U, E>): Result<U, E> {
  return result.ok ? next(result.value) : result;
}

export function unwrap<T, E>(result: Result<T, E>): T {
  if (result.ok) return result.value;
  throw new Error(\`unwrap on error: \${String(result.error)}\`);
}

export function unwrapOr<T, E>(result: Result<T, E>, fallback: T): T {
  return result.ok ? result.value : fallback;
}

export function all<T, E>(results: readonly Result<T, E>[]): Result<T[], E> {
  const values: T[] = [];
  for (const result of results) {
    if (!result.ok) return result;
    values.push(result.value);
  }
  return ok(values);
}

export async function fromPromise<T>(promise: Promise<T>): Promise<Result<T, Error>> {
  try {
    return ok(await promise);
  } catch (error) {
    return err(error instanceof Error ? error : new Error(String(error)));
  }
}

export function isOk<T, E>(result: Result<T, E>): result is { readonly ok: true; readonly value: T } {
  return result.ok;
}

export function errors<T, E>(results: readonly Result<T, E>[]): E[] {
  return results.flatMap((result) => (result.ok ? [] : [result.error]));
}
`;

const retryTs = `/** Retries with exponential backoff and jitter for calls to flaky dependencies. */

export interface RetryOptions {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly retryable?: (error: unknown) => boolean;
}

export const defaultRetry: RetryOptions = { attempts: 3, baseDelayMs: 100, maxDelayMs: 2_000 };

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function backoff(attempt: number, options: RetryOptions): number {
  const exponential = options.baseDelayMs * 2 ** attempt;
  const capped = Math.min(options.maxDelayMs, exponential);
  return Math.round(capped / 2 + (capped / 2) * ((attempt * 7919) % 100) / 100);
}

export async function retry<T>(operation: () => Promise<T>, options: RetryOptions = defaultRetry): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt < options.attempts; attempt++) {
    try {
      return await operation();
    } catch (error) {
      lastError = error;
      if (options.retryable !== undefined && !options.retryable(error)) break;
      if (attempt < options.attempts - 1) await sleep(backoff(attempt, options));
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}

export class CircuitOpenError extends Error {
  constructor(readonly circuit: string) {
    super(\`circuit \${circuit} is open\`);
  }
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;

  constructor(
    private readonly name: string,
    private readonly threshold = 5,
    private readonly coolDownMs = 30_000,
  ) {}

  async run<T>(operation: () => Promise<T>): Promise<T> {
    if (this.openedAt !== undefined && Date.now() - this.openedAt < this.coolDownMs) throw new CircuitOpenError(this.name);
    try {
      const result = await operation();
      this.failures = 0;
      this.openedAt = undefined;
      return result;
    } catch (error) {
      this.failures++;
      if (this.failures >= this.threshold) this.openedAt = Date.now();
      throw error;
    }
  }
}
`;

const idsTs = `import { createHash, randomUUID } from 'node:crypto';

/** Identifiers: UUIDs for entities and events, stable hashes for idempotency keys. */

export function newId(): string {
  return randomUUID();
}

export function prefixedId(prefix: string): string {
  return \`\${prefix}_\${randomUUID().replaceAll('-', '')}\`;
}

export function stableKey(...parts: readonly (string | number)[]): string {
  return createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 32);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/iu;

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

export function assertId(value: unknown, what = 'id'): string {
  if (typeof value !== 'string' || value.length === 0) throw new TypeError(\`\${what} must be a non-empty string\`);
  return value;
}

export function shortId(id: string): string {
  return id.replaceAll('-', '').slice(0, 8);
}

export function correlationIdFrom(headers: Record<string, unknown>): string {
  const value = headers['x-correlation-id'];
  return typeof value === 'string' && value.length > 0 ? value : newId();
}

export interface IdGenerator {
  next(): string;
}

export class SequentialIds implements IdGenerator {
  private counter = 0;

  constructor(private readonly prefix: string) {}

  next(): string {
    this.counter++;
    return \`\${this.prefix}-\${String(this.counter).padStart(6, '0')}\`;
  }
}

export const uuidGenerator: IdGenerator = { next: newId };
`;

const validatorTs = `/** Declarative validation: each rule returns an error message or undefined. */

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export type ValidationResult = { readonly ok: true } | { readonly ok: false; readonly errors: readonly FieldError[] };

export type Rule<T> = (value: T) => string | undefined;

export function validate(checks: readonly (FieldError | undefined)[]): ValidationResult {
  const errors = checks.filter((check): check is FieldError => check !== undefined);
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

export function check<T>(field: string, value: T, ...rules: readonly Rule<T>[]): FieldError | undefined {
  for (const rule of rules) {
    const message = rule(value);
    if (message !== undefined) return { field, message };
  }
  return undefined;
}

export const required: Rule<unknown> = (value) => (value === undefined || value === null || value === '' ? 'is required' : undefined);

export const maxLength =
  (max: number): Rule<string> =>
  (value) =>
    value.length > max ? \`must be at most \${String(max)} characters\` : undefined;

export const minLength =
  (min: number): Rule<string> =>
  (value) =>
    value.length < min ? \`must be at least \${String(min)} characters\` : undefined;

export const pattern =
  (regex: RegExp, description: string): Rule<string> =>
  (value) =>
    regex.test(value) ? undefined : \`must be \${description}\`;

export const integer: Rule<number> = (value) => (Number.isInteger(value) ? undefined : 'must be an integer');

export const min =
  (lower: number): Rule<number> =>
  (value) =>
    value < lower ? \`must be at least \${String(lower)}\` : undefined;

export const max =
  (upper: number): Rule<number> =>
  (value) =>
    value > upper ? \`must be at most \${String(upper)}\` : undefined;

export const oneOf =
  <T extends string>(allowed: readonly T[]): Rule<string> =>
  (value) =>
    (allowed as readonly string[]).includes(value) ? undefined : \`must be one of \${allowed.join(', ')}\`;

export const isoDate: Rule<string> = (value) => (Number.isNaN(Date.parse(value)) ? 'must be an ISO-8601 date' : undefined);

export const email: Rule<string> = (value) => (/^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$/u.test(value) ? undefined : 'must be an email address');

export function describe(result: ValidationResult): string {
  return result.ok ? 'valid' : result.errors.map((error) => \`\${error.field} \${error.message}\`).join('; ');
}
`;

const readersTs = `/** Reading untrusted JSON bodies into typed values without \`any\`. */

export class BodyError extends Error {
  constructor(readonly field: string, message: string) {
    super(\`\${field}: \${message}\`);
    this.name = 'BodyError';
  }
}

export function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BodyError('body', 'must be an object');
  return value as Record<string, unknown>;
}

export function readString(source: Record<string, unknown>, field: string): string {
  const value = source[field];
  if (typeof value !== 'string') throw new BodyError(field, 'must be a string');
  return value;
}

export function readOptionalString(source: Record<string, unknown>, field: string): string | undefined {
  const value = source[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new BodyError(field, 'must be a string');
  return value;
}

export function readNumber(source: Record<string, unknown>, field: string): number {
  const value = source[field];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  throw new BodyError(field, 'must be a number');
}

export function readOptionalNumber(source: Record<string, unknown>, field: string): number | undefined {
  return source[field] === undefined ? undefined : readNumber(source, field);
}

export function readBoolean(source: Record<string, unknown>, field: string): boolean {
  const value = source[field];
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new BodyError(field, 'must be a boolean');
}

export function readOptionalBoolean(source: Record<string, unknown>, field: string): boolean | undefined {
  return source[field] === undefined ? undefined : readBoolean(source, field);
}

export function readStringArray(source: Record<string, unknown>, field: string): string[] {
  const value = source[field];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw new BodyError(field, 'must be a list of strings');
  return value as string[];
}
`;

const paginationTs = `/** Offset pagination shared by every list endpoint and repository. */

export interface PageRequest {
  readonly limit: number;
  readonly offset: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export const defaultPageSize = 50;
export const maxPageSize = 500;

export function pageRequest(limit: number | undefined, offset: number | undefined): PageRequest {
  const safeLimit = Math.min(maxPageSize, Math.max(1, Math.trunc(limit ?? defaultPageSize)));
  const safeOffset = Math.max(0, Math.trunc(offset ?? 0));
  return { limit: safeLimit, offset: safeOffset };
}

export function page<T>(items: readonly T[], total: number, request: PageRequest): Page<T> {
  return { items, total, limit: request.limit, offset: request.offset };
}

export function hasNextPage(current: Page<unknown>): boolean {
  return current.offset + current.items.length < current.total;
}

export function nextPage(current: Page<unknown>): PageRequest | undefined {
  return hasNextPage(current) ? { limit: current.limit, offset: current.offset + current.limit } : undefined;
}

export function mapPage<T, U>(current: Page<T>, transform: (item: T) => U): Page<U> {
  return { ...current, items: current.items.map(transform) };
}

export function slicePage<T>(items: readonly T[], request: PageRequest): Page<T> {
  return page(items.slice(request.offset, request.offset + request.limit), items.length, request);
}

export function pageLinks(path: string, current: Page<unknown>): Record<string, string> {
  const links: Record<string, string> = { self: \`\${path}?limit=\${String(current.limit)}&offset=\${String(current.offset)}\` };
  const next = nextPage(current);
  if (next !== undefined) links['next'] = \`\${path}?limit=\${String(next.limit)}&offset=\${String(next.offset)}\`;
  if (current.offset > 0) {
    links['prev'] = \`\${path}?limit=\${String(current.limit)}&offset=\${String(Math.max(0, current.offset - current.limit))}\`;
  }
  return links;
}
`;

const envelopeTs = `import { newId } from '../utils/ids.js';
import { nowIso } from '../utils/dates.js';

/**
 * Every event crosses the wire in this envelope: a unique id (the consumers' idempotency
 * key), a type, a schema version, when it happened, the aggregate it is about, and the data.
 */
export interface EventEnvelope<T> {
  readonly id: string;
  readonly type: string;
  readonly version: number;
  readonly occurredAt: string;
  readonly aggregateId: string;
  readonly correlationId?: string;
  readonly data: T;
}

export interface EnvelopeOptions {
  readonly aggregateId: string;
  readonly version?: number;
  readonly correlationId?: string;
  readonly occurredAt?: string;
}

export function createEnvelope<T>(type: string, data: T, options: EnvelopeOptions): EventEnvelope<T> {
  return {
    id: newId(),
    type,
    version: options.version ?? 1,
    occurredAt: options.occurredAt ?? nowIso(),
    aggregateId: options.aggregateId,
    ...(options.correlationId === undefined ? {} : { correlationId: options.correlationId }),
    data,
  };
}

export function isEnvelope(value: unknown): value is EventEnvelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate['id'] === 'string' &&
    typeof candidate['type'] === 'string' &&
    typeof candidate['version'] === 'number' &&
    typeof candidate['occurredAt'] === 'string' &&
    typeof candidate['aggregateId'] === 'string' &&
    'data' in candidate
  );
}

export function parseEnvelope(raw: string): EventEnvelope<unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return isEnvelope(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function serializeEnvelope(envelope: EventEnvelope<unknown>): string {
  return JSON.stringify(envelope);
}

export function envelopeHeaders(envelope: EventEnvelope<unknown>): Record<string, string> {
  return {
    'event-id': envelope.id,
    'event-type': envelope.type,
    'event-version': String(envelope.version),
    ...(envelope.correlationId === undefined ? {} : { 'correlation-id': envelope.correlationId }),
  };
}

export function dataOf<T>(envelope: EventEnvelope<unknown>, guard: (value: unknown) => value is T): T | undefined {
  return guard(envelope.data) ? envelope.data : undefined;
}
`;

const publisherBaseTs = `import type { Producer } from 'kafkajs';
import { createEnvelope, envelopeHeaders, serializeEnvelope, type EventEnvelope } from './envelope.js';
import { logger } from '../logging/logger.js';

const log = logger.child('publisher');

/**
 * Base class for typed Kafka publishers. A subclass only names its subject (the event type):
 *
 *   class OrderCreatedPublisher extends Publisher<OrderCreatedData> {
 *     protected readonly subject = 'order.created';
 *   }
 */
export abstract class Publisher<T> {
  protected abstract readonly subject: string;
  protected readonly schemaVersion: number = 1;

  constructor(
    protected readonly producer: Producer,
    private readonly topic: string,
  ) {}

  async publish(data: T, aggregateId: string, correlationId?: string): Promise<EventEnvelope<T>> {
    const envelope = createEnvelope(this.subject, data, { aggregateId, version: this.schemaVersion, ...(correlationId === undefined ? {} : { correlationId }) });
    await this.producer.send({
      topic: this.topic,
      messages: [{ key: aggregateId, value: serializeEnvelope(envelope), headers: envelopeHeaders(envelope) }],
    });
    log.debug('published', { subject: this.subject, id: envelope.id });
    return envelope;
  }

  async publishAll(items: readonly { readonly data: T; readonly aggregateId: string }[]): Promise<number> {
    if (items.length === 0) return 0;
    const envelopes = items.map((item) => createEnvelope(this.subject, item.data, { aggregateId: item.aggregateId, version: this.schemaVersion }));
    await this.producer.send({
      topic: this.topic,
      messages: envelopes.map((envelope) => ({ key: envelope.aggregateId, value: serializeEnvelope(envelope), headers: envelopeHeaders(envelope) })),
    });
    return envelopes.length;
  }

  describe(): string {
    return \`\${this.constructor.name} → \${this.topic} (\${this.subject} v\${String(this.schemaVersion)})\`;
  }

  toString(): string {
    return this.describe();
  }

  topicName(): string {
    return this.topic;
  }
}

export type PublisherData<P> = P extends Publisher<infer T> ? T : never;
`;

const subjectPublisherTs = `import type { NatsConnection } from 'nats';
import { createEnvelope, serializeEnvelope, type EventEnvelope } from './envelope.js';
import { getNats } from '../messaging/nats.js';

const encoder = new TextEncoder();

/**
 * Base class for typed NATS publishers: the subclass sets the subject, the base class builds
 * the envelope and publishes it on the shared connection.
 */
export abstract class SubjectPublisher<T> {
  protected abstract readonly subject: string;

  constructor(private readonly connection: () => Promise<NatsConnection> = getNats) {}

  async publish(data: T, aggregateId: string): Promise<EventEnvelope<T>> {
    const envelope = createEnvelope(this.subject, data, { aggregateId });
    const nats = await this.connection();
    nats.publish(this.subject, encoder.encode(serializeEnvelope(envelope)));
    return envelope;
  }

  async publishMany(items: readonly { readonly data: T; readonly aggregateId: string }[]): Promise<void> {
    const nats = await this.connection();
    for (const item of items) {
      const envelope = createEnvelope(this.subject, item.data, { aggregateId: item.aggregateId });
      nats.publish(this.subject, encoder.encode(serializeEnvelope(envelope)));
    }
    await nats.flush();
  }

  subjectName(): string {
    return this.subject;
  }

  toString(): string {
    return \`SubjectPublisher(\${this.subject})\`;
  }
}

export function isValidSubject(subject: string): boolean {
  return subject.length > 0 && !subject.includes(' ') && !subject.startsWith('.') && !subject.endsWith('.');
}

export function subjectFor(prefix: string, event: string): string {
  return \`\${prefix}.\${event}\`;
}

export function subjectPrefix(subject: string): string {
  const dot = subject.indexOf('.');
  return dot === -1 ? subject : subject.slice(0, dot);
}
`;

const publisherTs = `import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { PublishCommand } from '@aws-sdk/client-sns';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { envelopeHeaders, serializeEnvelope, type EventEnvelope } from './envelope.js';
import { getEventBridgeClient, getSnsClient, getSqsClient } from '../messaging/aws.js';
import { connectedProducer } from '../messaging/kafka.js';
import { getNats } from '../messaging/nats.js';
import { getChannel, waitForDrain } from '../messaging/rabbitmq.js';
import { logger } from '../logging/logger.js';
import { retry } from '../utils/retry.js';

/**
 * The publishing wrappers the services call: one per transport, each taking an envelope.
 * Services never touch the broker clients directly.
 */

const log = logger.child('events');
const encoder = new TextEncoder();

export async function publishEvent<T>(topic: string, envelope: EventEnvelope<T>, key: string = envelope.aggregateId): Promise<void> {
  const producer = await connectedProducer();
  await producer.send({ topic, messages: [{ key, value: serializeEnvelope(envelope), headers: envelopeHeaders(envelope) }] });
  log.debug('kafka publish', { topic, type: envelope.type, id: envelope.id });
}

export async function publishToExchange<T>(exchange: string, routingKey: string, envelope: EventEnvelope<T>): Promise<void> {
  const channel = await getChannel();
  const accepted = channel.publish(exchange, routingKey, Buffer.from(serializeEnvelope(envelope)), {
    persistent: true,
    messageId: envelope.id,
    type: envelope.type,
    contentType: 'application/json',
    headers: envelopeHeaders(envelope),
  });
  if (!accepted) await waitForDrain(channel);
}

export async function publishNotification<T>(topicArn: string, envelope: EventEnvelope<T>): Promise<void> {
  await retry(() =>
    getSnsClient().send(
      new PublishCommand({
        TopicArn: topicArn,
        Message: serializeEnvelope(envelope),
        MessageAttributes: { type: { DataType: 'String', StringValue: envelope.type } },
      }),
    ),
  );
}

export async function enqueueMessage<T>(queueUrl: string, envelope: EventEnvelope<T>, groupId?: string): Promise<void> {
  await getSqsClient().send(
    new SendMessageCommand({
      QueueUrl: queueUrl,
      MessageBody: serializeEnvelope(envelope),
      ...(groupId === undefined ? {} : { MessageGroupId: groupId, MessageDeduplicationId: envelope.id }),
    }),
  );
}

export async function publishToSubject<T>(subject: string, envelope: EventEnvelope<T>): Promise<void> {
  const nats = await getNats();
  nats.publish(subject, encoder.encode(serializeEnvelope(envelope)));
}

export async function putDomainEvent<T>(eventBusName: string, source: string, envelope: EventEnvelope<T>): Promise<void> {
  const result = await getEventBridgeClient().send(
    new PutEventsCommand({
      Entries: [{ EventBusName: eventBusName, Source: source, DetailType: envelope.type, Detail: serializeEnvelope(envelope) }],
    }),
  );
  if ((result.FailedEntryCount ?? 0) > 0) throw new Error(\`EventBridge rejected \${envelope.type} \${envelope.id}\`);
}
`;

const inProcessBusTs = `import { EventEmitter } from 'node:events';
import { logger } from '../logging/logger.js';

/**
 * The in-process bus: notifications inside this process only (cache invalidation, metrics).
 * Nothing here leaves the process, so it is not a broker and needs no outbox.
 */

const log = logger.child('bus');

export interface LocalEventMap {
  'entity.changed': [{ readonly module: string; readonly id: string; readonly change: string }];
  'cache.invalidate': [{ readonly module: string; readonly key: string }];
  'metrics.count': [{ readonly name: string; readonly value: number }];
}

export const localBus = new EventEmitter<LocalEventMap>();
localBus.setMaxListeners(500);

export function entityChanged(module: string, id: string, change: string): void {
  localBus.emit('entity.changed', { module, id, change });
}

export function invalidateCache(module: string, key: string): void {
  localBus.emit('cache.invalidate', { module, key });
}

export function count(name: string, value = 1): void {
  localBus.emit('metrics.count', { name, value });
}

const counters = new Map<string, number>();

localBus.on('metrics.count', ({ name, value }) => {
  counters.set(name, (counters.get(name) ?? 0) + value);
});

localBus.on('entity.changed', ({ module, id, change }) => {
  log.debug('entity changed', { module, id, change });
});

export function counter(name: string): number {
  return counters.get(name) ?? 0;
}

export function resetCounters(): void {
  counters.clear();
}

export function snapshotCounters(): Record<string, number> {
  return Object.fromEntries(counters);
}
`;

const kafkaTs = `import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { readEnv, readListEnv } from '../config/env.js';
import { logger } from '../logging/logger.js';

/** One Kafka client and one idempotent producer per process; consumers per group. */

const log = logger.child('kafka');

export const kafka = new Kafka({
  clientId: readEnv('KAFKA_CLIENT_ID', 'bench-app'),
  brokers: readListEnv('KAFKA_BROKERS', ['localhost:9092']),
  logLevel: logLevel.WARN,
  retry: { retries: 8, initialRetryTime: 300 },
});

let producer: Producer | undefined;
let connecting: Promise<Producer> | undefined;

export function getProducer(): Producer {
  producer ??= kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  return producer;
}

export async function connectedProducer(): Promise<Producer> {
  connecting ??= (async () => {
    const instance = getProducer();
    await instance.connect();
    log.info('producer connected');
    return instance;
  })();
  return connecting;
}

export function createConsumer(groupId: string): Consumer {
  return kafka.consumer({ groupId, sessionTimeout: 30_000, heartbeatInterval: 3_000, maxBytesPerPartition: 1_048_576 });
}

export async function disconnectProducer(): Promise<void> {
  if (producer === undefined) return;
  await producer.disconnect();
  producer = undefined;
  connecting = undefined;
  log.info('producer disconnected');
}

export async function shutdownConsumers(consumers: readonly Consumer[]): Promise<void> {
  await Promise.all(consumers.map((consumer) => consumer.disconnect()));
}

export function topicName(module: string, suffix = 'events'): string {
  return \`\${module}.\${suffix}\`;
}
`;

const rabbitTs = `import { connect, type Channel, type ChannelModel } from 'amqplib';
import { readEnv } from '../config/env.js';
import { logger } from '../logging/logger.js';

/** One AMQP connection and one publishing channel per process, created lazily. */

const log = logger.child('rabbitmq');
let connection: ChannelModel | undefined;
let channel: Promise<Channel> | undefined;

export async function getConnection(): Promise<ChannelModel> {
  if (connection !== undefined) return connection;
  const created = await connect(readEnv('AMQP_URL', 'amqp://localhost:5672'));
  created.on('error', (error: Error) => {
    log.error('connection error', { error });
  });
  created.on('close', () => {
    connection = undefined;
    channel = undefined;
  });
  connection = created;
  return created;
}

export function getChannel(): Promise<Channel> {
  channel ??= getConnection().then((open) => open.createChannel());
  return channel;
}

export function waitForDrain(target: Channel): Promise<void> {
  return new Promise((resolve) => {
    target.once('drain', () => {
      resolve();
    });
  });
}

export async function declareExchange(name: string, type: 'topic' | 'fanout' | 'direct' = 'topic'): Promise<void> {
  const open = await getChannel();
  await open.assertExchange(name, type, { durable: true });
}

export async function assertQueueBound(queue: string, exchange: string, pattern: string): Promise<void> {
  const open = await getChannel();
  await open.assertQueue(queue, { durable: true });
  await open.bindQueue(queue, exchange, pattern);
}

export async function closeRabbit(): Promise<void> {
  const open = channel === undefined ? undefined : await channel;
  await open?.close();
  await connection?.close();
  channel = undefined;
  connection = undefined;
}
`;

const awsTs = `import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { environment } from '../config/env.js';

/** AWS SDK v3 clients are safe to share; create each once. */

let sns: SNSClient | undefined;
let sqs: SQSClient | undefined;
let eventBridge: EventBridgeClient | undefined;

export function getSnsClient(): SNSClient {
  sns ??= new SNSClient({ region: environment.region, maxAttempts: 5 });
  return sns;
}

export function getSqsClient(): SQSClient {
  sqs ??= new SQSClient({ region: environment.region, maxAttempts: 5 });
  return sqs;
}

export function getEventBridgeClient(): EventBridgeClient {
  eventBridge ??= new EventBridgeClient({ region: environment.region });
  return eventBridge;
}

export function topicArn(name: string, accountId = process.env['AWS_ACCOUNT_ID'] ?? '000000000000'): string {
  return \`arn:aws:sns:\${environment.region}:\${accountId}:\${name}\`;
}

export function queueUrl(name: string, accountId = process.env['AWS_ACCOUNT_ID'] ?? '000000000000'): string {
  return \`https://sqs.\${environment.region}.amazonaws.com/\${accountId}/\${name}\`;
}

export function destroyAwsClients(): void {
  sns?.destroy();
  sqs?.destroy();
  eventBridge?.destroy();
  sns = undefined;
  sqs = undefined;
  eventBridge = undefined;
}

export interface SnsEnvelopeBody {
  readonly Type?: string;
  readonly MessageId?: string;
  readonly Message: string;
}

export function unwrapSnsBody(body: string): string {
  const parsed: unknown = JSON.parse(body);
  if (typeof parsed === 'object' && parsed !== null && typeof (parsed as SnsEnvelopeBody).Message === 'string') {
    return (parsed as SnsEnvelopeBody).Message;
  }
  return body;
}
`;

const natsTs = `import { connect, type NatsConnection } from 'nats';
import { readListEnv } from '../config/env.js';
import { logger } from '../logging/logger.js';

/** A shared NATS connection, opened on first use. */

const log = logger.child('nats');
let connection: Promise<NatsConnection> | undefined;

export function getNats(): Promise<NatsConnection> {
  connection ??= connect({ servers: readListEnv('NATS_SERVERS', ['nats://localhost:4222']), maxReconnectAttempts: -1 }).then((nc) => {
    log.info('connected', { server: nc.getServer() });
    return nc;
  });
  return connection;
}

export async function drainNats(): Promise<void> {
  if (connection === undefined) return;
  const nc = await connection;
  await nc.drain();
  connection = undefined;
}

export async function natsRequest(subject: string, payload: Uint8Array, timeoutMs = 2_000): Promise<Uint8Array> {
  const nc = await getNats();
  const reply = await nc.request(subject, payload, { timeout: timeoutMs });
  return reply.data;
}

export function natsSubject(...parts: readonly string[]): string {
  return parts.filter((part) => part.length > 0).join('.');
}

export async function natsStatus(): Promise<string> {
  const nc = await getNats();
  return nc.isClosed() ? 'closed' : nc.isDraining() ? 'draining' : 'open';
}

export async function withNats<T>(work: (nc: NatsConnection) => Promise<T>): Promise<T> {
  const nc = await getNats();
  return work(nc);
}

export const natsQueueGroup = (service: string): string => \`\${service}-workers\`;

export async function natsHealth(): Promise<{ readonly ok: boolean; readonly rttMs?: number }> {
  try {
    const nc = await getNats();
    return { ok: true, rttMs: await nc.rtt() };
  } catch {
    return { ok: false };
  }
}
`;

const tokensTs = `/**
 * Nest injection tokens for the infrastructure clients, so services can depend on
 * \`Pool\`, \`Knex\` and \`Connection\` without Nest knowing how to build them.
 */

export const PG_POOL = Symbol('PG_POOL');
export const KNEX = Symbol('KNEX');
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const MONGO_CONNECTION = Symbol('MONGO_CONNECTION');
export const KAFKA_PRODUCER = Symbol('KAFKA_PRODUCER');

export type InfrastructureToken = typeof PG_POOL | typeof KNEX | typeof DATA_SOURCE | typeof MONGO_CONNECTION | typeof KAFKA_PRODUCER;

export const tokenNames: ReadonlyMap<InfrastructureToken, string> = new Map<InfrastructureToken, string>([
  [PG_POOL, 'PostgreSQL pool'],
  [KNEX, 'Knex query builder'],
  [DATA_SOURCE, 'TypeORM data source'],
  [MONGO_CONNECTION, 'Mongoose connection'],
  [KAFKA_PRODUCER, 'Kafka producer'],
]);

export function describeToken(token: InfrastructureToken): string {
  return tokenNames.get(token) ?? 'unknown';
}

export interface HealthIndicator {
  readonly name: string;
  check(): Promise<boolean>;
}

export function healthSummary(results: ReadonlyMap<string, boolean>): string {
  const failing = [...results].filter(([, healthy]) => !healthy).map(([name]) => name);
  return failing.length === 0 ? 'healthy' : \`unhealthy: \${failing.join(', ')}\`;
}

export const defaultTimeouts = {
  connectMs: 5_000,
  queryMs: 15_000,
  shutdownMs: 10_000,
} as const;

export type TimeoutName = keyof typeof defaultTimeouts;

export function timeoutOf(name: TimeoutName): number {
  return defaultTimeouts[name];
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(\`\${what} timed out after \${String(ms)} ms\`));
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
`;

const pgTs = `import { Pool, type PoolClient, type QueryResultRow } from 'pg';
import { readEnv, readIntEnv } from '../config/env.js';
import { logger } from '../logging/logger.js';

/** The PostgreSQL pool and a transaction helper for code that does not want BEGIN/COMMIT by hand. */

const log = logger.child('pg');
let pool: Pool | undefined;

export function getPool(): Pool {
  pool ??= new Pool({
    connectionString: readEnv('DATABASE_URL', 'postgres://localhost:5432/app'),
    max: readIntEnv('PG_POOL_SIZE', 10),
    idleTimeoutMillis: 30_000,
  });
  return pool;
}

export async function withTransaction<T>(db: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    log.warn('transaction rolled back', { error });
    throw error;
  } finally {
    client.release();
  }
}

export async function queryOne<R extends QueryResultRow>(db: Pool | PoolClient, text: string, values: unknown[]): Promise<R | undefined> {
  const result = await db.query<R>(text, values);
  return result.rows[0];
}

export async function queryMany<R extends QueryResultRow>(db: Pool | PoolClient, text: string, values: unknown[]): Promise<R[]> {
  const result = await db.query<R>(text, values);
  return result.rows;
}

export async function countRows(db: Pool, table: string): Promise<number> {
  const result = await db.query<{ count: string }>(\`SELECT count(*) AS count FROM \${table}\`);
  return Number(result.rows[0]?.count ?? 0);
}

export async function closePool(): Promise<void> {
  await pool?.end();
  pool = undefined;
}
`;

const knexTs = `import knexFactory, { type Knex } from 'knex';
import { readEnv, readIntEnv } from '../config/env.js';

/** The shared Knex instance (PostgreSQL dialect). */

let instance: Knex | undefined;

export function getKnex(): Knex {
  instance ??= knexFactory({
    client: 'pg',
    connection: readEnv('DATABASE_URL', 'postgres://localhost:5432/app'),
    pool: { min: 0, max: readIntEnv('KNEX_POOL_SIZE', 10) },
    acquireConnectionTimeout: 10_000,
  });
  return instance;
}

export async function destroyKnex(): Promise<void> {
  await instance?.destroy();
  instance = undefined;
}

export function paginate<T extends object>(query: Knex.QueryBuilder<T>, limit: number, offset: number): Knex.QueryBuilder<T> {
  return query.limit(limit).offset(offset);
}

export function orderByNewest<T extends object>(query: Knex.QueryBuilder<T>, column = 'created_at'): Knex.QueryBuilder<T> {
  return query.orderBy(column, 'desc');
}

export function likePattern(term: string): string {
  return \`%\${term.replaceAll('%', '\\\\%').replaceAll('_', '\\\\_')}%\`;
}

export interface KnexHealth {
  readonly ok: boolean;
  readonly latencyMs: number;
}

export async function knexHealth(db: Knex = getKnex()): Promise<KnexHealth> {
  const started = Date.now();
  try {
    await db.raw('select 1');
    return { ok: true, latencyMs: Date.now() - started };
  } catch {
    return { ok: false, latencyMs: Date.now() - started };
  }
}

export const knexTables = {
  outbox: 'outbox',
  processedMessages: 'processed_messages',
} as const;
`;

const typeormTs = `import { DataSource } from 'typeorm';
import { OutboxEntity } from '../outbox/outbox.entity.js';
import { readEnv, readBoolEnv } from '../config/env.js';

/** The TypeORM data source. Entities register themselves through \`registerEntity\`. */

const entities: Function[] = [OutboxEntity];

export function registerEntity(entity: Function): void {
  if (!entities.includes(entity)) entities.push(entity);
}

export const dataSource = new DataSource({
  type: 'postgres',
  url: readEnv('DATABASE_URL', 'postgres://localhost:5432/app'),
  entities,
  synchronize: false,
  logging: readBoolEnv('TYPEORM_LOGGING', false),
});

export async function initializeDataSource(): Promise<DataSource> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  return dataSource;
}

export async function destroyDataSource(): Promise<void> {
  if (dataSource.isInitialized) await dataSource.destroy();
}

export function registeredEntityNames(): string[] {
  return entities.map((entity) => entity.name);
}

export interface MigrationStatus {
  readonly pending: boolean;
  readonly checkedAt: string;
}

export async function migrationStatus(source: DataSource = dataSource): Promise<MigrationStatus> {
  const pending = await source.showMigrations();
  return { pending, checkedAt: new Date().toISOString() };
}

export const typeormDefaults = {
  pageSize: 50,
  maxPageSize: 500,
} as const;

export function clampTake(take: number | undefined): number {
  return Math.min(typeormDefaults.maxPageSize, Math.max(1, take ?? typeormDefaults.pageSize));
}
`;

const mongoTs = `import mongoose, { type Connection } from 'mongoose';
import { readEnv } from '../config/env.js';
import { logger } from '../logging/logger.js';

/** The shared Mongoose connection. Transactions need a replica set, as in production. */

const log = logger.child('mongo');

export function getMongoConnection(): Connection {
  return mongoose.connection;
}

export async function connectMongo(): Promise<Connection> {
  if (mongoose.connection.readyState === mongoose.ConnectionStates.connected) return mongoose.connection;
  await mongoose.connect(readEnv('MONGO_URL', 'mongodb://localhost:27017/app'), { maxPoolSize: 20 });
  log.info('connected');
  return mongoose.connection;
}

export async function disconnectMongo(): Promise<void> {
  await mongoose.disconnect();
}

export function isMongoDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

export function escapeRegex(term: string): string {
  return term.replace(/[.*+?^\${}()|[\\]\\\\]/gu, '\\\\$&');
}

export interface MongoPage<T> {
  readonly items: T[];
  readonly limit: number;
  readonly skip: number;
}

export function mongoPage<T>(items: T[], limit: number, skip: number): MongoPage<T> {
  return { items, limit, skip };
}

export const collections = {
  outbox: 'outbox',
} as const;

export function mongoState(): string {
  switch (mongoose.connection.readyState) {
    case mongoose.ConnectionStates.connected:
      return 'connected';
    case mongoose.ConnectionStates.connecting:
      return 'connecting';
    case mongoose.ConnectionStates.disconnecting:
      return 'disconnecting';
    default:
      return 'disconnected';
  }
}
`;

const databaseModuleTs = `import { Global, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DATA_SOURCE, KAFKA_PRODUCER, KNEX, MONGO_CONNECTION, PG_POOL } from './tokens.js';
import { closePool, getPool } from './pg.js';
import { destroyKnex, getKnex } from './knex.js';
import { dataSource, destroyDataSource } from './typeorm.js';
import { disconnectMongo, getMongoConnection } from './mongo.js';
import { disconnectProducer, getProducer } from '../messaging/kafka.js';
import { logger } from '../logging/logger.js';

/**
 * Provides the infrastructure clients to every module (global), and closes them on shutdown
 * in reverse order of dependency.
 */
@Global()
@Module({
  providers: [
    { provide: PG_POOL, useFactory: getPool },
    { provide: KNEX, useFactory: getKnex },
    { provide: DATA_SOURCE, useValue: dataSource },
    { provide: MONGO_CONNECTION, useFactory: getMongoConnection },
    { provide: KAFKA_PRODUCER, useFactory: getProducer },
  ],
  exports: [PG_POOL, KNEX, DATA_SOURCE, MONGO_CONNECTION, KAFKA_PRODUCER],
})
export class DatabaseModule implements OnApplicationShutdown {
  private readonly log = logger.child('database-module');

  async onApplicationShutdown(signal?: string): Promise<void> {
    this.log.info('closing infrastructure', { signal });
    await disconnectProducer();
    await destroyDataSource();
    await destroyKnex();
    await disconnectMongo();
    await closePool();
  }
}

export const infrastructureTokens = [PG_POOL, KNEX, DATA_SOURCE, MONGO_CONNECTION, KAFKA_PRODUCER] as const;

export function describeInfrastructure(): string[] {
  return infrastructureTokens.map((token) => token.description ?? 'unnamed');
}

export function isInfrastructureToken(value: unknown): boolean {
  return typeof value === 'symbol' && (infrastructureTokens as readonly symbol[]).includes(value);
}

export const shutdownOrder = ['kafka', 'typeorm', 'knex', 'mongo', 'pg'] as const;

export type ShutdownStep = (typeof shutdownOrder)[number];

export function shutdownIndex(step: ShutdownStep): number {
  return shutdownOrder.indexOf(step);
}
`;

const outboxTs = `import type { PoolClient } from 'pg';
import type { Knex } from 'knex';
import type { EventEnvelope } from '../events/envelope.js';

/**
 * The transactional outbox: services write their events to the \`outbox\` table in the same
 * transaction as the state change; the relay publishes them afterwards.
 */

export interface OutboxRow {
  readonly id: string;
  readonly aggregate_type: string;
  readonly aggregate_id: string;
  readonly event_type: string;
  readonly payload: string;
  readonly occurred_at: string;
  readonly published_at: string | null;
}

const INSERT_OUTBOX =
  'INSERT INTO outbox (id, aggregate_type, aggregate_id, event_type, payload, occurred_at) VALUES ($1, $2, $3, $4, $5, $6)';

export function toOutboxRow(aggregateType: string, envelope: EventEnvelope<unknown>): OutboxRow {
  return {
    id: envelope.id,
    aggregate_type: aggregateType,
    aggregate_id: envelope.aggregateId,
    event_type: envelope.type,
    payload: JSON.stringify(envelope),
    occurred_at: envelope.occurredAt,
    published_at: null,
  };
}

/** Must be called with the client of an open transaction. */
export async function insertOutbox(client: PoolClient, aggregateType: string, envelope: EventEnvelope<unknown>): Promise<void> {
  const row = toOutboxRow(aggregateType, envelope);
  await client.query(INSERT_OUTBOX, [row.id, row.aggregate_type, row.aggregate_id, row.event_type, row.payload, row.occurred_at]);
}

export async function insertOutboxWithKnex(trx: Knex.Transaction, aggregateType: string, envelope: EventEnvelope<unknown>): Promise<void> {
  await trx('outbox').insert(toOutboxRow(aggregateType, envelope));
}

export function outboxAge(row: OutboxRow, now: number = Date.now()): number {
  return now - Date.parse(row.occurred_at);
}

export function isPublished(row: OutboxRow): boolean {
  return row.published_at !== null;
}

export interface OutboxStats {
  readonly pending: number;
  readonly oldestAgeMs: number;
}

export function outboxStats(rows: readonly OutboxRow[], now: number = Date.now()): OutboxStats {
  const pending = rows.filter((row) => !isPublished(row));
  return { pending: pending.length, oldestAgeMs: pending.reduce((oldest, row) => Math.max(oldest, outboxAge(row, now)), 0) };
}
`;

const outboxEntityTs = `import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { EventEnvelope } from '../events/envelope.js';

/** The outbox table as a TypeORM entity, for services that write through an EntityManager. */
@Entity({ name: 'outbox' })
@Index(['publishedAt', 'occurredAt'])
export class OutboxEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'aggregate_type' })
  aggregateType!: string;

  @Column('text', { name: 'aggregate_id' })
  aggregateId!: string;

  @Column('text', { name: 'event_type' })
  eventType!: string;

  @Column('jsonb')
  payload!: string;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}

export function toOutboxEntity(aggregateType: string, envelope: EventEnvelope<unknown>): OutboxEntity {
  const entity = new OutboxEntity();
  entity.id = envelope.id;
  entity.aggregateType = aggregateType;
  entity.aggregateId = envelope.aggregateId;
  entity.eventType = envelope.type;
  entity.payload = JSON.stringify(envelope);
  entity.occurredAt = new Date(envelope.occurredAt);
  entity.publishedAt = null;
  return entity;
}

export function isOutboxEntityPending(entity: OutboxEntity): boolean {
  return entity.publishedAt === null;
}

export function outboxEntityAge(entity: OutboxEntity, now: number = Date.now()): number {
  return now - entity.occurredAt.getTime();
}
`;

const outboxModelTs = `import { Schema, model } from 'mongoose';
import type { EventEnvelope } from '../events/envelope.js';

/** The outbox collection for services on MongoDB; written in the same session as the change. */

export interface OutboxRecord {
  id: string;
  aggregateType: string;
  aggregateId: string;
  eventType: string;
  payload: string;
  occurredAt: Date;
  publishedAt: Date | null;
}

const outboxSchema = new Schema<OutboxRecord>(
  {
    id: { type: String, required: true, unique: true },
    aggregateType: { type: String, required: true },
    aggregateId: { type: String, required: true, index: true },
    eventType: { type: String, required: true },
    payload: { type: String, required: true },
    occurredAt: { type: Date, required: true },
    publishedAt: { type: Date, default: null },
  },
  { collection: 'outbox', versionKey: false },
);

outboxSchema.index({ publishedAt: 1, occurredAt: 1 });

export const OutboxModel = model<OutboxRecord>('Outbox', outboxSchema);

export function toOutboxRecord(aggregateType: string, envelope: EventEnvelope<unknown>): OutboxRecord {
  return {
    id: envelope.id,
    aggregateType,
    aggregateId: envelope.aggregateId,
    eventType: envelope.type,
    payload: JSON.stringify(envelope),
    occurredAt: new Date(envelope.occurredAt),
    publishedAt: null,
  };
}

export function pendingOutboxFilter(): { publishedAt: null } {
  return { publishedAt: null };
}

export function outboxRecordAge(record: OutboxRecord, now: number = Date.now()): number {
  return now - record.occurredAt.getTime();
}
`;

const outboxRelayTs = `import type { Pool } from 'pg';
import type { Producer } from 'kafkajs';
import type { OutboxRow } from './outbox.js';
import { logger } from '../logging/logger.js';
import { sleep } from '../utils/retry.js';

/**
 * Publishes outbox rows in order, at least once: lock a batch, send it, mark it published, commit.
 * A crash between send and commit re-sends the batch, which is why consumers dedupe on the event id.
 */

const log = logger.child('outbox-relay');

const SELECT_BATCH =
  'SELECT id, aggregate_type, aggregate_id, event_type, payload, occurred_at, published_at FROM outbox WHERE published_at IS NULL ORDER BY occurred_at LIMIT $1 FOR UPDATE SKIP LOCKED';
const MARK_PUBLISHED = 'UPDATE outbox SET published_at = now() WHERE id = ANY($1)';

export class OutboxRelay {
  private running = false;

  constructor(
    private readonly pool: Pool,
    private readonly producer: Producer,
    private readonly topicOf: (row: OutboxRow) => string,
    private readonly batchSize = 100,
  ) {}

  async relayBatch(): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<OutboxRow>(SELECT_BATCH, [this.batchSize]);
      if (rows.length > 0) {
        await this.producer.send({
          topic: this.topicOf(rows[0] as OutboxRow),
          messages: rows.map((row) => ({ key: row.aggregate_id, value: row.payload })),
        });
        await client.query(MARK_PUBLISHED, [rows.map((row) => row.id)]);
      }
      await client.query('COMMIT');
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async run(pollMs = 500): Promise<void> {
    this.running = true;
    while (this.running) {
      try {
        const sent = await this.relayBatch();
        if (sent === 0) await sleep(pollMs);
      } catch (error) {
        log.error('relay failed', { error });
        await sleep(pollMs * 4);
      }
    }
  }

  stop(): void {
    this.running = false;
  }
}
`;

const processedMessagesTs = `import type { Pool, PoolClient } from 'pg';

/**
 * Consumer-side idempotency: remember which message ids a consumer group has processed, so
 * at-least-once redelivery does not apply an event twice.
 */

const SELECT_PROCESSED = 'SELECT 1 FROM processed_messages WHERE consumer = $1 AND message_id = $2';
const INSERT_PROCESSED =
  'INSERT INTO processed_messages (consumer, message_id, processed_at) VALUES ($1, $2, now()) ON CONFLICT (consumer, message_id) DO NOTHING';

export async function hasProcessed(db: Pool | PoolClient, consumer: string, messageId: string): Promise<boolean> {
  const result = await db.query(SELECT_PROCESSED, [consumer, messageId]);
  return (result.rowCount ?? 0) > 0;
}

export async function markProcessed(db: Pool | PoolClient, consumer: string, messageId: string): Promise<boolean> {
  const result = await db.query(INSERT_PROCESSED, [consumer, messageId]);
  return (result.rowCount ?? 0) > 0;
}

export class ProcessedMessages {
  private readonly recent = new Set<string>();

  constructor(
    private readonly db: Pool,
    private readonly consumer: string,
    private readonly memoryLimit = 10_000,
  ) {}

  async seen(messageId: string): Promise<boolean> {
    if (this.recent.has(messageId)) return true;
    return hasProcessed(this.db, this.consumer, messageId);
  }

  async remember(messageId: string): Promise<void> {
    await markProcessed(this.db, this.consumer, messageId);
    this.recent.add(messageId);
    if (this.recent.size > this.memoryLimit) {
      const oldest = this.recent.values().next();
      if (oldest.done !== true) this.recent.delete(oldest.value);
    }
  }

  forget(messageId: string): void {
    this.recent.delete(messageId);
  }

  get cached(): number {
    return this.recent.size;
  }

  consumerName(): string {
    return this.consumer;
  }
}
`;

function appModuleTs(plans: readonly ServicePlan[]): string {
  const imports = plans.map((plan) => `import { ${plan.names.pascal}Module } from './modules/${plan.names.kebab}/${plan.names.kebab}.module.js';`);
  const modules = plans.map((plan) => `    ${plan.names.pascal}Module,`);
  return `import { Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { DatabaseModule } from './shared/db/database.module.js';
${imports.join('\n')}

/** The root module: infrastructure, the in-process event emitter, and every feature module. */
@Module({
  imports: [
    DatabaseModule,
    EventEmitterModule.forRoot({ wildcard: true, delimiter: '.', maxListeners: 50 }),
${modules.join('\n')}
  ],
})
export class AppModule {}

/** Feature module names, for the admin endpoint that lists what this deployment runs. */
export const featureModuleNames: readonly string[] = [
${plans.map((plan) => `  '${plan.names.kebab}',`).join('\n')}
];

export const featureModuleCount = featureModuleNames.length;

export function hasFeatureModule(name: string): boolean {
  return featureModuleNames.includes(name);
}
`;
}

const mainTs = `import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { AppModule } from './app.module.js';
import { readEnv, readIntEnv, readListEnv } from './shared/config/env.js';
import { connectMongo } from './shared/db/mongo.js';
import { initializeDataSource } from './shared/db/typeorm.js';
import { describeError, logger } from './shared/logging/logger.js';

/** Boots the HTTP app and the Kafka microservice transport for the @EventPattern handlers. */

const log = logger.child('main');

async function bootstrap(): Promise<void> {
  await initializeDataSource();
  await connectMongo();
  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  app.connectMicroservice<MicroserviceOptions>({
    transport: Transport.KAFKA,
    options: {
      client: { clientId: readEnv('KAFKA_CLIENT_ID', 'bench-app'), brokers: readListEnv('KAFKA_BROKERS', ['localhost:9092']) },
      consumer: { groupId: readEnv('KAFKA_GROUP', 'bench-app-nest') },
    },
  });
  app.enableShutdownHooks();
  await app.startAllMicroservices();
  const port = readIntEnv('PORT', 3000);
  await app.listen(port);
  log.info('listening', { port });
}

process.on('unhandledRejection', (reason: unknown) => {
  log.error('unhandled rejection', { error: describeError(reason) });
});

process.on('uncaughtException', (error: Error) => {
  log.error('uncaught exception', { error: describeError(error) });
  process.exitCode = 1;
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info('shutting down', { signal });
  });
}

bootstrap().catch((error: unknown) => {
  log.error('failed to start', { error: describeError(error) });
  process.exitCode = 1;
});
`;
