/**
 * `settings['event-driven']`: what the team's own code does that the catalogue cannot know.
 * Functions and methods are named with typescript-eslint's TypeOrValueSpecifier shape, but a
 * package is matched exactly (`pg` never matches `pg-pool`) and re-exports are followed.
 */

export type FunctionSpecifier =
  | string
  | { readonly from: 'file'; readonly name: string | readonly string[]; readonly path?: string }
  | { readonly from: 'package'; readonly name: string | readonly string[]; readonly package: string }
  | { readonly from: 'lib'; readonly name: string | readonly string[] };

export interface EventDrivenSettings {
  /** Functions or methods that publish to a broker (e.g. a wrapper behind `any`). */
  readonly publishers: readonly FunctionSpecifier[];
  /** Functions or methods that write to a database. */
  readonly writers: readonly FunctionSpecifier[];
  /** Functions or methods that write an event to the outbox in the caller's transaction. */
  readonly outboxWriters: readonly FunctionSpecifier[];
  /** Table, collection or model names that hold the outbox (matched case-insensitively). */
  readonly outboxTables: readonly string[];
  /** Functions or methods that deduplicate a message on its identity (an inbox helper, a decorator's function). */
  readonly guards: readonly FunctionSpecifier[];
  /**
   * Registrations and decorators of a bus the team has bridged to a broker (e.g. `OnEvent` of
   * `@nestjs/event-emitter` fed from Kafka): the functions they register are consumers.
   */
  readonly consumers: readonly FunctionSpecifier[];
  /**
   * Functions or methods that record a failed message where someone will see it (a dead-letter
   * table, a retry scheduler): a handler's `catch` that calls one does not swallow the error.
   */
  readonly failureRecorders: readonly FunctionSpecifier[];
  /**
   * Lint files that import a test framework (vitest, jest, mocha, `node:test`…) too. They are
   * skipped by default: fixtures write rows and publish in one breath on purpose.
   */
  readonly checkTestFiles: boolean;
}

/**
 * What a user writes in `settings['event-driven']`: every key optional. (`EventDrivenSettings`
 * is the validated form the rules read, with every list filled in.)
 */
export type Settings = { -readonly [K in keyof EventDrivenSettings]?: EventDrivenSettings[K] extends readonly (infer T)[] ? T[] : EventDrivenSettings[K] };

const settingsKey = 'event-driven';
const specifierLists = ['publishers', 'writers', 'outboxWriters', 'guards', 'consumers', 'failureRecorders'] as const;
const knownKeys: ReadonlySet<string> = new Set([...specifierLists, 'outboxTables', 'checkTestFiles']);

const parsedSettings = new WeakMap<object, EventDrivenSettings>();
const emptySettings: EventDrivenSettings = { publishers: [], writers: [], outboxWriters: [], outboxTables: [], guards: [], consumers: [], failureRecorders: [], checkTestFiles: false };

/** Reads and validates the settings once per settings object; throws a clear error on bad input. */
export function readSettings(allSettings: Readonly<Record<string, unknown>> | undefined): EventDrivenSettings {
  const raw = allSettings?.[settingsKey];
  if (raw === undefined) return emptySettings;
  if (!isRecord(raw)) throw settingsError('', 'must be an object');
  const cached = parsedSettings.get(raw);
  if (cached) return cached;
  for (const key of Object.keys(raw)) {
    if (!knownKeys.has(key)) throw settingsError(key, `is not a known setting; expected one of ${[...knownKeys].join(', ')}`);
  }
  const settings: EventDrivenSettings = {
    publishers: readSpecifiers(raw, 'publishers'),
    writers: readSpecifiers(raw, 'writers'),
    outboxWriters: readSpecifiers(raw, 'outboxWriters'),
    outboxTables: readStrings(raw, 'outboxTables'),
    guards: readSpecifiers(raw, 'guards'),
    consumers: readSpecifiers(raw, 'consumers'),
    failureRecorders: readSpecifiers(raw, 'failureRecorders'),
    checkTestFiles: readBoolean(raw, 'checkTestFiles'),
  };
  parsedSettings.set(raw, settings);
  return settings;
}

function readSpecifiers(raw: Record<string, unknown>, key: (typeof specifierLists)[number]): FunctionSpecifier[] {
  const value = raw[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw settingsError(key, 'must be an array of specifiers');
  return value.map((item: unknown, index) => validateSpecifier(item, `${key}[${String(index)}]`));
}

function validateSpecifier(item: unknown, where: string): FunctionSpecifier {
  if (typeof item === 'string') {
    if (item === '') throw settingsError(where, 'must not be an empty string');
    return item;
  }
  if (!isRecord(item)) throw settingsError(where, "must be a function name or an object { from: 'file' | 'package' | 'lib', name, … }");
  const { from, name } = item;
  if (!(typeof name === 'string' && name !== '') && !(Array.isArray(name) && name.length > 0 && name.every((n) => typeof n === 'string' && n !== ''))) {
    throw settingsError(`${where}.name`, 'must be a non-empty string or array of strings');
  }
  const allowed: Record<string, readonly string[]> = { file: ['from', 'name', 'path'], package: ['from', 'name', 'package'], lib: ['from', 'name'] };
  if (typeof from !== 'string' || !Object.hasOwn(allowed, from)) throw settingsError(`${where}.from`, "must be 'file', 'package' or 'lib'");
  for (const key of Object.keys(item)) {
    if (!allowed[from]?.includes(key)) throw settingsError(`${where}.${key}`, `is not allowed with from: '${from}'`);
  }
  if (from === 'package' && (typeof item.package !== 'string' || item.package === '')) {
    throw settingsError(`${where}.package`, 'must name the npm package, e.g. "@acme/messaging"');
  }
  if (from === 'file' && item.path !== undefined && typeof item.path !== 'string') throw settingsError(`${where}.path`, 'must be a string');
  return item as FunctionSpecifier;
}

function readBoolean(raw: Record<string, unknown>, key: string): boolean {
  const value = raw[key];
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw settingsError(key, 'must be true or false');
  return value;
}

function readStrings(raw: Record<string, unknown>, key: string): string[] {
  const value = raw[key];
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v !== '')) {
    throw settingsError(key, 'must be an array of non-empty strings');
  }
  return value.map((v: string) => v.toLowerCase());
}

/** A mistake in `settings['event-driven']`: reported to the user as one lint message, not as a crash. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

function settingsError(path: string, problem: string): SettingsError {
  const where = path === '' ? `settings['${settingsKey}']` : `settings['${settingsKey}'].${path}`;
  return new SettingsError(`eslint-plugin-event-driven: ${where} ${problem}.`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
