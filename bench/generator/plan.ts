import type { Random } from './random.js';

/** The spellings of one service name that the templates need. */
export interface Names {
  /** `partner-invoice`: file and directory names, event-name prefixes. */
  readonly kebab: string;
  /** `partnerInvoice` */
  readonly camel: string;
  /** `PartnerInvoice` */
  readonly pascal: string;
  /** `PARTNER_INVOICE` */
  readonly constant: string;
  /** `partner_invoices`: the table or collection. */
  readonly table: string;
  /** `partner invoice`: log and error text. */
  readonly words: string;
}

export type FieldKind = 'id' | 'money' | 'int' | 'currency' | 'email' | 'text' | 'date' | 'code' | 'flag' | 'country';

export interface Field {
  readonly name: string;
  readonly column: string;
  readonly kind: FieldKind;
  readonly ts: 'string' | 'number' | 'boolean';
  /** Allowed values, for `code` fields. */
  readonly values?: readonly string[];
}

/** One lifecycle step: the status it reaches, the service method and the event it raises. */
export interface Transition {
  readonly status: string;
  readonly verb: string;
  readonly event: string;
}

export interface Lifecycle {
  readonly statuses: readonly string[];
  /** Two transitions the service exposes: the happy-path next step and the cancel-like one. */
  readonly forward: Transition;
  readonly abort: Transition;
}

export type Db = 'pg' | 'typeorm' | 'mongoose' | 'knex';
export type Broker = 'kafka' | 'rabbitmq' | 'sns' | 'sqs' | 'nats' | 'eventbridge' | 'nest';
export type ConsumerKind = 'kafka' | 'amqp' | 'nest' | 'lambda';
/** `functions`: wrapper functions in events/<name>.publisher.ts; `subclass`: one `Publisher<T>` subclass per event. */
export type PublisherStyle = 'functions' | 'subclass' | 'injectable';
export type LocalBus = 'node' | 'nest';
/**
 * How a mutating method combines its database write with its event. `outbox` and
 * `helper-outbox` are correct; the others are the dual-write bugs no-dual-write looks for.
 */
export type WriteStyle = 'outbox' | 'helper-outbox' | 'dual' | 'publish-first' | 'after-commit' | 'in-transaction' | 'finally';

export type MethodKind = 'create' | 'update' | 'forward' | 'abort' | 'remove';

export interface ServicePlan {
  readonly names: Names;
  readonly dir: string;
  readonly fields: readonly Field[];
  readonly lifecycle: Lifecycle;
  readonly db: Db;
  readonly broker: Broker;
  readonly consumer: ConsumerKind;
  readonly publisher: PublisherStyle;
  readonly localBus: LocalBus;
  readonly writes: Readonly<Record<MethodKind, WriteStyle>>;
  /** The service whose events this one consumes (index into the plan list). */
  readonly upstream: number;
  /** Consumers that record processed message ids before writing. */
  readonly idempotent: boolean;
  /** A consumer that forgets to handle a promise (what no-floating-promises finds in real code). */
  readonly floatingPromise: boolean;
}

const nouns = [
  'order', 'payment', 'invoice', 'shipment', 'customer', 'product', 'cart', 'refund', 'subscription', 'account',
  'ledger', 'notification', 'review', 'coupon', 'warehouse', 'delivery', 'booking', 'ticket', 'profile', 'catalog',
  'price', 'claim', 'policy', 'quote', 'contract', 'vendor', 'supplier', 'reward', 'wallet', 'transfer',
  'statement', 'report', 'audit', 'document', 'survey', 'appointment', 'reservation', 'lead', 'campaign', 'listing',
  'bid', 'auction', 'parcel', 'route', 'driver', 'vehicle', 'tenant', 'lease', 'license', 'device',
];
const qualifiers = ['', 'partner', 'regional', 'wholesale', 'legacy', 'internal', 'marketplace', 'retail', 'mobile', 'enterprise', 'trial', 'global'];

const lifecycles: readonly Lifecycle[] = [
  lifecycle(['pending', 'confirmed', 'fulfilled', 'completed', 'cancelled'], ['confirm', 'Confirmed'], ['cancel', 'Cancelled']),
  lifecycle(['draft', 'submitted', 'approved', 'released', 'rejected'], ['submit', 'Submitted'], ['reject', 'Rejected']),
  lifecycle(['created', 'active', 'suspended', 'closed', 'terminated'], ['activate', 'Activated'], ['terminate', 'Terminated']),
  lifecycle(['open', 'assigned', 'resolved', 'closed', 'voided'], ['assign', 'Assigned'], ['void', 'Voided']),
  lifecycle(['requested', 'scheduled', 'started', 'finished', 'aborted'], ['schedule', 'Scheduled'], ['abort', 'Aborted']),
];

function lifecycle(statuses: readonly string[], forward: readonly [string, string], abort: readonly [string, string]): Lifecycle {
  const next = statuses[1] ?? 'active';
  const last = statuses.at(-1) ?? 'cancelled';
  return {
    statuses,
    forward: { status: next, verb: forward[0], event: forward[1] },
    abort: { status: last, verb: abort[0], event: abort[1] },
  };
}

const fieldPool: readonly Omit<Field, 'column'>[] = [
  { name: 'customerId', kind: 'id', ts: 'string' },
  { name: 'accountId', kind: 'id', ts: 'string' },
  { name: 'merchantId', kind: 'id', ts: 'string' },
  { name: 'ownerId', kind: 'id', ts: 'string' },
  { name: 'amountCents', kind: 'money', ts: 'number' },
  { name: 'feeCents', kind: 'money', ts: 'number' },
  { name: 'limitCents', kind: 'money', ts: 'number' },
  { name: 'quantity', kind: 'int', ts: 'number' },
  { name: 'priority', kind: 'int', ts: 'number' },
  { name: 'attempts', kind: 'int', ts: 'number' },
  { name: 'weightGrams', kind: 'int', ts: 'number' },
  { name: 'currency', kind: 'currency', ts: 'string' },
  { name: 'contactEmail', kind: 'email', ts: 'string' },
  { name: 'title', kind: 'text', ts: 'string' },
  { name: 'description', kind: 'text', ts: 'string' },
  { name: 'externalRef', kind: 'text', ts: 'string' },
  { name: 'reason', kind: 'text', ts: 'string' },
  { name: 'dueDate', kind: 'date', ts: 'string' },
  { name: 'scheduledAt', kind: 'date', ts: 'string' },
  { name: 'expiresAt', kind: 'date', ts: 'string' },
  { name: 'region', kind: 'code', ts: 'string', values: ['eu-west', 'eu-central', 'us-east', 'us-west', 'ap-south'] },
  { name: 'channel', kind: 'code', ts: 'string', values: ['web', 'mobile', 'partner', 'store', 'phone'] },
  { name: 'tier', kind: 'code', ts: 'string', values: ['free', 'basic', 'pro', 'enterprise'] },
  { name: 'category', kind: 'code', ts: 'string', values: ['standard', 'express', 'bulk', 'digital'] },
  { name: 'isActive', kind: 'flag', ts: 'boolean' },
  { name: 'requiresReview', kind: 'flag', ts: 'boolean' },
  { name: 'isArchived', kind: 'flag', ts: 'boolean' },
  { name: 'countryCode', kind: 'country', ts: 'string' },
];

export function namesOf(qualifier: string, noun: string): Names {
  const words = qualifier === '' ? [noun] : [qualifier, noun];
  const pascal = words.map(capitalize).join('');
  return {
    kebab: words.join('-'),
    camel: pascal.charAt(0).toLowerCase() + pascal.slice(1),
    pascal,
    constant: words.join('_').toUpperCase(),
    table: [...words.slice(0, -1), plural(noun)].join('_'),
    words: words.join(' '),
  };
}

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function snakeCase(camel: string): string {
  return camel.replace(/[A-Z]/gu, (letter) => `_${letter.toLowerCase()}`);
}

function plural(noun: string): string {
  if (noun.endsWith('y') && !/[aeiou]y$/u.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(?:s|x|ch|sh)$/u.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

/** Plans `count` services: unique names and a seeded mix of databases, brokers, consumers and write styles. */
export function planServices(random: Random, count: number): ServicePlan[] {
  const combos = random.shuffle(qualifiers.flatMap((q) => nouns.map((n) => [q, n] as const)));
  // Plain names first, so small projects read like real ones (orders, payments, …).
  combos.sort(([a], [b]) => Number(a !== '') - Number(b !== ''));
  if (count > combos.length) throw new Error(`at most ${String(combos.length)} services can be named`);
  return combos.slice(0, count).map(([qualifier, noun], index) => planService(random, namesOf(qualifier, noun), index, count));
}

function planService(random: Random, names: Names, index: number, count: number): ServicePlan {
  const fields = random
    .sample(fieldPool, random.int(5, 9))
    .map((field) => ({ ...field, column: snakeCase(field.name) }));
  const db = random.weighted<Db>([['pg', 4], ['typeorm', 3], ['mongoose', 2], ['knex', 2]]);
  const broker = random.weighted<Broker>([['kafka', 5], ['rabbitmq', 3], ['sns', 2], ['sqs', 2], ['nats', 1], ['eventbridge', 1], ['nest', 2]]);
  const consumer = random.weighted<ConsumerKind>([['kafka', 3], ['amqp', 2], ['nest', 3], ['lambda', 2]]);
  const publisher: PublisherStyle =
    broker === 'nest' ? 'injectable' : broker === 'kafka' || broker === 'nats' ? random.pick<PublisherStyle>(['functions', 'subclass']) : 'functions';
  const writeStyle = (): WriteStyle =>
    random.weighted<WriteStyle>([
      ['outbox', 50],
      ['helper-outbox', db === 'pg' ? 12 : 0],
      ['dual', 22],
      ['publish-first', 4],
      ['after-commit', 5],
      ['in-transaction', db === 'pg' ? 4 : 0],
      ['finally', 2],
    ]);
  const upstreamOffset = random.int(1, Math.max(1, count - 1));
  return {
    names,
    dir: `src/modules/${names.kebab}`,
    fields,
    lifecycle: random.pick(lifecycles),
    db,
    broker,
    // A Nest controller needs a Nest transport; a Lambda needs a plain constructor: keep them apart.
    consumer: broker === 'nest' && consumer === 'lambda' ? 'nest' : consumer,
    publisher,
    localBus: random.pick<LocalBus>(['node', 'nest']),
    writes: { create: writeStyle(), update: writeStyle(), forward: writeStyle(), abort: writeStyle(), remove: writeStyle() },
    upstream: count === 1 ? 0 : (index + upstreamOffset) % count,
    idempotent: random.chance(0.6),
    floatingPromise: random.chance(0.25),
  };
}

/** A sample literal for a field (tests, seeds and defaults in the generated code). */
export function sampleOf(field: Field, n: number): string {
  switch (field.kind) {
    case 'id':
      return `'${field.name.replace(/Id$/u, '')}_${String(1000 + n)}'`;
    case 'money':
      return String(1500 + n * 250);
    case 'int':
      return String(1 + (n % 9));
    case 'currency':
      return `'${['EUR', 'USD', 'GBP'][n % 3] ?? 'EUR'}'`;
    case 'email':
      return `'ops+${String(n)}@example.com'`;
    case 'text':
      return `'${field.name} ${String(n)}'`;
    case 'date':
      return `'2024-0${String(1 + (n % 9))}-1${String(n % 10)}T10:00:00.000Z'`;
    case 'code':
      return `'${field.values?.[n % field.values.length] ?? 'default'}'`;
    case 'flag':
      return n % 2 === 0 ? 'true' : 'false';
    case 'country':
      return `'${['DE', 'FR', 'NL', 'US', 'GB'][n % 5] ?? 'DE'}'`;
  }
}
