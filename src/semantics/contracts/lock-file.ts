import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { canonical, type Shape } from './shape.js';

/** `event-schemas.lock.json`: the contract of every event as it was last accepted. */
export const lockFileName = 'event-schemas.lock.json';
const formatVersion = 1;

export interface LockedEvent {
  readonly name: string;
  readonly version: number;
  /** Where the contract is declared, relative to the lock file: `src/events/order-placed.ts`. */
  readonly declaredIn: string;
  /** How it was found: "envelope type", "event class", "published object", "JSON Schema". */
  readonly source: string;
  readonly shape: Shape;
}

export interface LockFile {
  readonly path: string;
  /** By `eventKey`. */
  readonly events: ReadonlyMap<string, LockedEvent>;
}

/** `OrderPlaced@1`: one contract per event name and version. */
export function eventKey(name: string, version: number): string {
  return `${name}@${String(version)}`;
}

const nearestByDirectory = new Map<string, { readonly found: string | undefined; readonly at: number }>();
/** A directory with no lock file is looked at again after this long: the editor notices `schemas --update`. */
const recheckMissingMs = 10_000;
const parsed = new Map<string, { readonly mtimeMs: number; readonly lock: LockFile }>();

/** The nearest lock file at or above a directory (cached: one look per directory per process). */
export function findLockFile(directory: string): string | undefined {
  const cached = nearestByDirectory.get(directory);
  const now = Date.now();
  if (cached !== undefined && (cached.found !== undefined || now - cached.at < recheckMissingMs)) return cached.found;
  const candidate = path.join(directory, lockFileName);
  const parent = path.dirname(directory);
  const found = existsSync(candidate) ? candidate : parent === directory ? undefined : findLockFile(parent);
  nearestByDirectory.set(directory, { found, at: now });
  return found;
}

/** Reads a lock file (again only when it changed on disk); throws a clear error when it is not one. */
export function readLockFile(file: string): LockFile {
  const mtimeMs = statSync(file).mtimeMs;
  const cached = parsed.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.lock;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const events = (raw as { events?: unknown } | null)?.events;
  if (typeof events !== 'object' || events === null) throw new Error(`${file} has no "events" object: write it with \`event-driven-review schemas --update\``);
  const lock: LockFile = { path: file, events: new Map(Object.entries(events as Record<string, LockedEvent>)) };
  parsed.set(file, { mtimeMs, lock });
  return lock;
}

/** The lock file's text: sorted keys, two-space indent, a trailing newline; diffs show only what changed. */
export function formatLockFile(events: Iterable<LockedEvent>): string {
  const sorted = [...events].sort((a, b) => eventKey(a.name, a.version).localeCompare(eventKey(b.name, b.version)));
  const body = Object.fromEntries(
    sorted.map((e) => [eventKey(e.name, e.version), { name: e.name, version: e.version, declaredIn: e.declaredIn, source: e.source, shape: canonical(e.shape) }]),
  );
  return `${JSON.stringify({ lockfileVersion: formatVersion, generatedBy: 'eslint-plugin-event-driven (event-driven-review schemas --update)', events: body }, null, 2)}\n`;
}

/** Forgets the cached lookups (tests that write lock files). */
export function clearLockFileCache(): void {
  nearestByDirectory.clear();
  parsed.clear();
}
