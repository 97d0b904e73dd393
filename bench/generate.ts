/**
 * Generates the benchmark projects: realistic, type-correct NestJS-style TypeScript services
 * with Kafka/RabbitMQ/SNS/SQS/NATS producers and consumers, four database clients, outbox
 * writes and some dual writes, surrounded by ordinary code.
 *
 *   tsx bench/generate.ts             generate every size (skipped when up to date)
 *   tsx bench/generate.ts small --force
 *   tsx bench/generate.ts --check     generate `small` twice and check the output is identical
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillerFile } from './generator/filler-files.js';
import { planServices } from './generator/plan.js';
import { Random, seedOf } from './generator/random.js';
import { filesPerService, serviceFiles } from './generator/service-files.js';
import { sharedFiles, type FileMap } from './generator/shared-files.js';

/** Number of `.ts` files under `src/` per size. */
export const projectSizes = { small: 200, large: 1500 } as const;
export type SizeName = keyof typeof projectSizes;

export const benchDir = dirname(fileURLToPath(import.meta.url));
export const generatedRoot = join(benchDir, 'generated');
const stampFile = '.bench-stamp.json';
/** Ordinary library files as a share of the project, on top of the ordinary files inside each service. */
const fillerShare = 0.05;

export function isSizeName(name: string): name is SizeName {
  return Object.hasOwn(projectSizes, name);
}

/** The whole project for a size, in memory: path → text. Pure and deterministic. */
export function buildProject(size: SizeName): FileMap {
  const target = projectSizes[size];
  const random = new Random(seedOf(`event-driven-bench:${size}`));
  const sharedCount = sharedFiles([]).size;
  const serviceCount = Math.floor((target - sharedCount - Math.ceil(target * fillerShare)) / filesPerService);
  const plans = planServices(random, serviceCount);

  const files: FileMap = new Map();
  files.set('package.json', `${JSON.stringify({ name: `bench-app-${size}`, private: true, type: 'module' }, null, 2)}\n`);
  files.set('tsconfig.json', tsconfig);
  const add = (entries: FileMap): void => {
    for (const [path, text] of entries) {
      if (files.has(path)) throw new Error(`generator wrote ${path} twice`);
      files.set(path, text);
    }
  };
  add(sharedFiles(plans));
  plans.forEach((plan, index) => {
    const upstream = plans[plan.upstream] ?? plans[index];
    if (upstream === undefined) throw new Error('no upstream service');
    add(serviceFiles(plan, upstream));
  });
  for (let index = 0; sourceCount(files) < target; index++) {
    const filler = fillerFile(random, index);
    add(new Map([[filler.path, filler.text]]));
  }
  if (sourceCount(files) !== target) throw new Error(`${size}: generated ${String(sourceCount(files))} files, wanted ${String(target)}`);
  return files;
}

const tsconfig = `${JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2023'],
      types: ['node'],
      strict: true,
      skipLibCheck: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      esModuleInterop: true,
      rootDir: 'src',
      outDir: 'dist',
    },
    include: ['src'],
  },
  null,
  2,
)}\n`;

function sourceCount(files: FileMap): number {
  let count = 0;
  for (const path of files.keys()) if (path.startsWith('src/') && path.endsWith('.ts')) count++;
  return count;
}

/** A hash of the generator's own sources: any edit to the generator regenerates the projects. */
export function generatorFingerprint(): string {
  const hash = createHash('sha256');
  const sources = [join(benchDir, 'generate.ts'), ...listFiles(join(benchDir, 'generator')).map((file) => join(benchDir, 'generator', file))];
  for (const file of sources.sort()) hash.update(relative(benchDir, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

export function writeProject(files: FileMap, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of files) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

export interface ProjectInfo {
  readonly size: SizeName;
  readonly dir: string;
  readonly files: number;
  readonly regenerated: boolean;
}

/** Generates `bench/generated/<size>` unless its stamp says it is already the current generator's output. */
export function ensureProject(size: SizeName, force = false): ProjectInfo {
  const dir = join(generatedRoot, size);
  const stamp = JSON.stringify({ fingerprint: generatorFingerprint(), size, files: projectSizes[size] });
  const stampPath = join(dir, stampFile);
  if (!force && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) {
    return { size, dir, files: projectSizes[size], regenerated: false };
  }
  writeProject(buildProject(size), dir);
  writeFileSync(stampPath, stamp);
  return { size, dir, files: projectSizes[size], regenerated: true };
}

/** Line counts and the share of event-related files, to show the project looks like a real one. */
export function describeProject(files: FileMap): string {
  const sources = [...files].filter(([path]) => path.startsWith('src/'));
  const lines = sources.map(([, text]) => text.split('\n').length - 1).sort((a, b) => a - b);
  const eventRelated = sources.filter(([path]) => isEventRelated(path)).length;
  const total = lines.reduce((sum, n) => sum + n, 0);
  const at = (q: number): number => lines[Math.min(lines.length - 1, Math.floor(q * lines.length))] ?? 0;
  return (
    `${String(sources.length)} files, ${String(total)} lines (per file: min ${String(at(0))}, p10 ${String(at(0.1))}, ` +
    `median ${String(at(0.5))}, p90 ${String(at(0.9))}, max ${String(lines.at(-1) ?? 0)}); ` +
    `${String(eventRelated)} event-related files (${String(Math.round((100 * eventRelated) / sources.length))}%)`
  );
}

function isEventRelated(path: string): boolean {
  return (
    /\/events\/|\/messaging\/|\/outbox\//u.test(path) ||
    ['.service.ts', '.consumer.ts', '.controller.ts', '.listeners.ts'].some((suffix) => path.endsWith(suffix))
  );
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    return entry.isDirectory() ? listFiles(dir, path) : [path];
  });
}

/** Hash of a directory tree (paths and contents), for comparing two generated copies. */
function treeHash(dir: string): { readonly hash: string; readonly files: number } {
  const hash = createHash('sha256');
  const files = listFiles(dir).sort();
  for (const file of files) hash.update(file).update('\0').update(readFileSync(join(dir, file))).update('\0');
  return { hash: hash.digest('hex'), files: files.length };
}

/** Determinism self-check: two independent generations of `small` must be byte-identical. */
function checkDeterminism(): boolean {
  const root = mkdtempSync(join(tmpdir(), 'event-driven-bench-'));
  try {
    const first = join(root, 'first');
    const second = join(root, 'second');
    writeProject(buildProject('small'), first);
    writeProject(buildProject('small'), second);
    const a = treeHash(first);
    const b = treeHash(second);
    const same = a.hash === b.hash && a.files === b.files;
    console.log(
      same
        ? `determinism check PASS: two generations of 'small' are identical (${String(a.files)} files, sha256 ${a.hash.slice(0, 16)})`
        : `determinism check FAIL: ${a.hash.slice(0, 16)} (${String(a.files)} files) vs ${b.hash.slice(0, 16)} (${String(b.files)} files)`,
    );
    return same;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function main(args: readonly string[]): void {
  if (args.includes('--check')) {
    process.exitCode = checkDeterminism() ? 0 : 1;
    return;
  }
  const force = args.includes('--force');
  const names = args.filter((arg) => !arg.startsWith('--'));
  const unknown = names.filter((name) => !isSizeName(name));
  if (unknown.length > 0) throw new Error(`unknown size ${unknown.join(', ')}; expected ${Object.keys(projectSizes).join(', ')}`);
  const sizes = names.length === 0 ? (Object.keys(projectSizes) as SizeName[]) : names.filter(isSizeName);
  for (const size of sizes) {
    const started = performance.now();
    const info = ensureProject(size, force);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const summary = info.regenerated ? describeProject(buildProject(size)) : 'up to date';
    console.log(`${size}: ${relative(process.cwd(), info.dir)} — ${info.regenerated ? `generated in ${seconds}s` : 'unchanged'}; ${summary}`);
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
