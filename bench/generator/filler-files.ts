import type { Random } from './random.js';

/**
 * Ordinary library code with no events and no database: what fills most of a real code base
 * around the event-driven parts. Also used to bring a project to its exact file count.
 */
export function fillerFile(random: Random, index: number): { readonly path: string; readonly text: string } {
  const template = templates[index % templates.length];
  if (template === undefined) throw new Error('no filler templates');
  return template(random, index);
}

type Template = (random: Random, index: number) => { readonly path: string; readonly text: string };

const templates: readonly Template[] = [lruCache, statistics, csv, stateMachine, tableFormat];

function lruCache(random: Random, index: number): { path: string; text: string } {
  const name = `LruCache${String(index)}`;
  const capacity = random.pick([64, 128, 256, 1024]);
  const ttl = random.pick([1_000, 30_000, 60_000, 300_000]);
  return {
    path: `src/lib/cache/lru-cache-${String(index)}.ts`,
    text: `/** A least-recently-used cache with per-entry expiry (default capacity ${String(capacity)}). */

interface Entry<V> {
  value: V;
  expiresAt: number;
}

export interface ${name}Options {
  readonly capacity?: number;
  readonly ttlMs?: number;
  readonly now?: () => number;
}

export class ${name}<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private readonly capacity: number;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private hits = 0;
  private misses = 0;

  constructor(options: ${name}Options = {}) {
    this.capacity = options.capacity ?? ${String(capacity)};
    this.ttlMs = options.ttlMs ?? ${String(ttl)};
    this.now = options.now ?? Date.now;
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined || entry.expiresAt <= this.now()) {
      if (entry !== undefined) this.entries.delete(key);
      this.misses++;
      return undefined;
    }
    // Re-insert to mark as most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.hits++;
    return entry.value;
  }

  set(key: K, value: V, ttlMs: number = this.ttlMs): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
  }

  async getOrLoad(key: K, load: (key: K) => Promise<V>): Promise<V> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const value = await load(key);
    this.set(key, value);
    return value;
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  hitRate(): number {
    const total = this.hits + this.misses;
    return total === 0 ? 0 : this.hits / total;
  }

  prune(): number {
    const now = this.now();
    let removed = 0;
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) {
        this.entries.delete(key);
        removed++;
      }
    }
    return removed;
  }
}
`,
  };
}

function statistics(random: Random, index: number): { path: string; text: string } {
  const percentile = random.pick([90, 95, 99]);
  const buckets = random.pick([10, 20, 50]);
  return {
    path: `src/lib/math/statistics-${String(index)}.ts`,
    text: `/** Descriptive statistics for latency and size samples (reports and dashboards). */

export function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  return values.reduce((total, value) => total + value, 0) / values.length;
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] ?? 0;
  const high = sorted[upper] ?? low;
  return low + (high - low) * (position - lower);
}

export function p${String(percentile)}(values: readonly number[]): number {
  return quantile(values, ${String(percentile / 100)});
}

export function variance(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const average = mean(values);
  return values.reduce((total, value) => total + (value - average) ** 2, 0) / (values.length - 1);
}

export function standardDeviation(values: readonly number[]): number {
  return Math.sqrt(variance(values));
}

export interface Histogram {
  readonly min: number;
  readonly max: number;
  readonly counts: readonly number[];
}

export function histogram(values: readonly number[], bucketCount = ${String(buckets)}): Histogram {
  if (values.length === 0) return { min: 0, max: 0, counts: [] };
  const min = Math.min(...values);
  const max = Math.max(...values);
  const width = (max - min) / bucketCount || 1;
  const counts = new Array<number>(bucketCount).fill(0);
  for (const value of values) {
    const bucket = Math.min(bucketCount - 1, Math.floor((value - min) / width));
    counts[bucket] = (counts[bucket] ?? 0) + 1;
  }
  return { min, max, counts };
}

export function movingAverage(values: readonly number[], window: number): number[] {
  const result: number[] = [];
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    total += values[i] ?? 0;
    if (i >= window) total -= values[i - window] ?? 0;
    result.push(total / Math.min(i + 1, window));
  }
  return result;
}

export function summarize(values: readonly number[]): Record<string, number> {
  return {
    count: values.length,
    mean: mean(values),
    median: median(values),
    p${String(percentile)}: p${String(percentile)}(values),
    stddev: standardDeviation(values),
  };
}
`,
  };
}

function csv(random: Random, index: number): { path: string; text: string } {
  const delimiter = random.pick([',', ';', '|']);
  return {
    path: `src/lib/parsing/csv-${String(index)}.ts`,
    text: `/** A small RFC-4180 style CSV reader and writer for imports and exports. */

export const delimiter = '${delimiter}';

export function parseLine(line: string, separator: string = delimiter): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (quoted) {
      if (ch === '"' && line.charAt(i + 1) === '"') {
        current += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        current += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === separator) {
      cells.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  cells.push(current);
  return cells;
}

export function parse(text: string, separator: string = delimiter): Record<string, string>[] {
  const lines = text.split(/\\r?\\n/u).filter((line) => line.length > 0);
  const header = lines.shift();
  if (header === undefined) return [];
  const columns = parseLine(header, separator);
  return lines.map((line) => {
    const cells = parseLine(line, separator);
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']));
  });
}

export function escapeCell(value: string, separator: string = delimiter): string {
  if (value.includes('"') || value.includes(separator) || value.includes('\\n')) return \`"\${value.replaceAll('"', '""')}"\`;
  return value;
}

export function format(rows: readonly Record<string, string | number | boolean>[], separator: string = delimiter): string {
  const first = rows[0];
  if (first === undefined) return '';
  const columns = Object.keys(first);
  const lines = [columns.map((column) => escapeCell(column, separator)).join(separator)];
  for (const row of rows) lines.push(columns.map((column) => escapeCell(String(row[column] ?? ''), separator)).join(separator));
  return lines.join('\\n');
}

export function columnValues(rows: readonly Record<string, string>[], column: string): string[] {
  return rows.map((row) => row[column] ?? '');
}

export function numericColumn(rows: readonly Record<string, string>[], column: string): number[] {
  return columnValues(rows, column)
    .map((value) => Number(value))
    .filter((value) => Number.isFinite(value));
}
`,
  };
}

function stateMachine(random: Random, index: number): { path: string; text: string } {
  const states = random.pick([
    ['idle', 'running', 'paused', 'stopped'],
    ['closed', 'opening', 'open', 'closing'],
    ['offline', 'connecting', 'online', 'degraded'],
  ]);
  const [a = 'a', b = 'b', c = 'c', d = 'd'] = states;
  const name = `Machine${String(index)}`;
  return {
    path: `src/lib/state/machine-${String(index)}.ts`,
    text: `/** A tiny finite-state machine with guarded transitions and listeners. */

export type ${name}State = '${a}' | '${b}' | '${c}' | '${d}';

const transitions: Readonly<Record<${name}State, readonly ${name}State[]>> = {
  ${a}: ['${b}'],
  ${b}: ['${c}', '${d}'],
  ${c}: ['${b}', '${d}'],
  ${d}: ['${a}'],
};

export type ${name}Listener = (from: ${name}State, to: ${name}State) => void;

export class ${name} {
  private current: ${name}State = '${a}';
  private readonly listeners: ${name}Listener[] = [];
  private readonly history: ${name}State[] = ['${a}'];

  get state(): ${name}State {
    return this.current;
  }

  can(next: ${name}State): boolean {
    return transitions[this.current].includes(next);
  }

  go(next: ${name}State): void {
    if (!this.can(next)) throw new Error(\`cannot go from \${this.current} to \${next}\`);
    const from = this.current;
    this.current = next;
    this.history.push(next);
    if (this.history.length > 50) this.history.shift();
    for (const listener of this.listeners) listener(from, next);
  }

  onChange(listener: ${name}Listener): () => void {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at !== -1) this.listeners.splice(at, 1);
    };
  }

  path(): readonly ${name}State[] {
    return this.history;
  }

  reset(): void {
    this.current = '${a}';
    this.history.length = 0;
    this.history.push('${a}');
  }
}

export function reachable(from: ${name}State): Set<${name}State> {
  const seen = new Set<${name}State>([from]);
  const queue: ${name}State[] = [from];
  while (queue.length > 0) {
    const state = queue.shift();
    if (state === undefined) break;
    for (const next of transitions[state]) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}
`,
  };
}

function tableFormat(random: Random, index: number): { path: string; text: string } {
  const padding = random.int(1, 3);
  return {
    path: `src/lib/formatting/table-${String(index)}.ts`,
    text: `/** Plain-text tables for CLI output and admin e-mails. */

export type Align = 'left' | 'right' | 'center';

export interface Column<T> {
  readonly header: string;
  readonly value: (row: T) => string | number;
  readonly align?: Align;
  readonly maxWidth?: number;
}

const padding = ${String(padding)};

function clip(text: string, maxWidth: number | undefined): string {
  if (maxWidth === undefined || text.length <= maxWidth) return text;
  return \`\${text.slice(0, Math.max(0, maxWidth - 1))}…\`;
}

function pad(text: string, width: number, align: Align): string {
  const gap = width - text.length;
  if (gap <= 0) return text;
  if (align === 'right') return ' '.repeat(gap) + text;
  if (align === 'center') return ' '.repeat(Math.floor(gap / 2)) + text + ' '.repeat(Math.ceil(gap / 2));
  return text + ' '.repeat(gap);
}

export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((row) => columns.map((column) => clip(String(column.value(row)), column.maxWidth)));
  const widths = columns.map((column, i) => Math.max(column.header.length, ...cells.map((row) => (row[i] ?? '').length)));
  const space = ' '.repeat(padding);
  const line = (values: readonly string[]): string =>
    values.map((value, i) => pad(value, widths[i] ?? 0, columns[i]?.align ?? 'left')).join(\`\${space}|\${space}\`);
  const separator = widths.map((width) => '-'.repeat(width)).join(\`\${'-'.repeat(padding)}+\${'-'.repeat(padding)}\`);
  return [line(columns.map((column) => column.header)), separator, ...cells.map(line)].join('\\n');
}

export function renderKeyValues(entries: Readonly<Record<string, string | number | boolean>>): string {
  const keys = Object.keys(entries);
  const width = Math.max(0, ...keys.map((key) => key.length));
  return keys.map((key) => \`\${pad(key, width, 'left')} : \${String(entries[key])}\`).join('\\n');
}

export function renderList(items: readonly string[], bullet = '-'): string {
  return items.map((item) => \`\${bullet} \${item}\`).join('\\n');
}

export function percent(value: number, digits = 1): string {
  return \`\${(value * 100).toFixed(digits)}%\`;
}

export function bytes(value: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let size = value;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit++;
  }
  return \`\${size.toFixed(unit === 0 ? 0 : 1)} \${units[unit] ?? 'B'}\`;
}
`,
  };
}
