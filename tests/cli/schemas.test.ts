import { ESLint } from 'eslint';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { clearLockFileCache } from '../../src/semantics/contracts/lock-file.js';

// The scenario of the schema gate, end to end: the BUILT command writes the lock, ESLint reads it.
const repoDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = path.join(repoDir, 'dist', 'src', 'cli', 'review.js');
// Inside the repository, so that kafkajs resolves from its node_modules.
const projectDir = path.join(repoDir, 'tests', 'fixtures', `.schemas-scenario-${String(process.pid)}`);
const lockPath = path.join(projectDir, 'event-schemas.lock.json');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function schemas(args: readonly string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0' };
  delete env.CI;
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, 'schemas', ...args], { cwd: projectDir, env }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

const events = (members: string): string => `
/** Published on the orders topic. */
export interface OrderPlaced {
  type: 'OrderPlaced';
  ${members}
  orderId: string;
  totalCents: number;
}
`;

const placeOrder = `
import { Kafka } from 'kafkajs';
import type { OrderPlaced } from './events.js';
const producer = new Kafka({ clientId: 'orders', brokers: ['kafka:9092'] }).producer();
export async function placeOrder(event: OrderPlaced): Promise<void> {
  await producer.send({ topic: 'orders', messages: [{ key: event.orderId, value: JSON.stringify(event) }] });
}
`;

const shipmentSchema = {
  $id: 'https://acme.example/schemas/shipment-dispatched.schema.json',
  title: 'ShipmentDispatched',
  type: 'object',
  properties: { type: { const: 'ShipmentDispatched' }, shipmentId: { type: 'string' }, carrier: { type: 'string' } },
  required: ['type', 'shipmentId', 'carrier'],
};

async function lintEvents(): Promise<string[]> {
  clearLockFileCache();
  const eslint = new ESLint({
    cwd: projectDir,
    overrideConfigFile: true,
    overrideConfig: [
      { ...plugin.configs.recommended, languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: projectDir } } },
    ],
  });
  const file = path.join(projectDir, 'src', 'events.ts');
  const [result] = await eslint.lintText(readFileSync(file, 'utf8'), { filePath: file });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('schemas --update, then eslint and schemas --check', () => {
  beforeAll(() => {
    mkdirSync(path.join(projectDir, 'src'), { recursive: true });
    mkdirSync(path.join(projectDir, 'schemas'), { recursive: true });
    writeFileSync(path.join(projectDir, 'package.json'), JSON.stringify({ name: 'orders-service', private: true, type: 'module' }));
    writeFileSync(path.join(projectDir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true, types: [] }, include: ['src'] }));
    writeFileSync(path.join(projectDir, 'src', 'events.ts'), events('version: 1;\n  currency: string;'));
    writeFileSync(path.join(projectDir, 'src', 'place-order.ts'), placeOrder);
    writeFileSync(path.join(projectDir, 'schemas', 'shipment-dispatched.schema.json'), JSON.stringify(shipmentSchema, null, 2));
  });
  afterAll(() => {
    rmSync(projectDir, { recursive: true, force: true });
  });

  it('is silent before the lock exists', async () => {
    expect(existsSync(lockPath)).toBe(false);
    expect(await lintEvents()).toEqual([]);
  }, 60_000);

  it('writes the lock with each event, its version, where it is declared and its shape', async () => {
    const run = await schemas(['--update']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('wrote event-schemas.lock.json: 2 events (2 added, 0 changed, 0 removed)');
    const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as { events: Record<string, { declaredIn: string; source: string; shape: { required: string[] } }> };
    expect(Object.keys(lock.events)).toEqual(['OrderPlaced@1', 'ShipmentDispatched@1']);
    expect(lock.events['OrderPlaced@1']).toMatchObject({ declaredIn: 'src/events.ts', source: 'envelope type', shape: { required: ['currency', 'orderId', 'totalCents', 'type', 'version'] } });
    expect(lock.events['ShipmentDispatched@1']).toMatchObject({ declaredIn: 'schemas/shipment-dispatched.schema.json', source: 'JSON Schema' });
    expect(await lintEvents()).toEqual([]);
    expect((await schemas(['--check'])).code).toBe(0);
  }, 120_000);

  it('reports a removed field in eslint and fails the check', async () => {
    writeFileSync(path.join(projectDir, 'src', 'events.ts'), events('version: 1;'));
    const messages = await lintEvents();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^event-driven\/no-breaking-event-change: `OrderPlaced` v1 breaks its locked contract \(backward\): removed `currency`\./u);
    const check = await schemas(['--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('✗ OrderPlaced@1 (src/events.ts): removed `currency`');
  }, 120_000);

  it('accepts the same change published as version 2, with v1 still in the lock', async () => {
    writeFileSync(path.join(projectDir, 'src', 'events.ts'), events('version: 2;'));
    expect(await lintEvents()).toEqual([]);
    const check = await schemas(['--check']);
    expect(check.code, check.stdout).toBe(0);
    expect(check.stdout).toContain('+ OrderPlaced@2 (src/events.ts): new');
    expect(check.stdout).toContain('- OrderPlaced@1 (src/events.ts): no longer found');
  }, 120_000);

  it('rejects a schemas call without --update or --check', async () => {
    const run = await schemas([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('schemas needs exactly one of --update or --check');
  }, 60_000);
});
