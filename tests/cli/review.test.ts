import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/cli/report.js';

// Runs the BUILT command (npm test builds first), as `npx event-driven-review` would.
const repoDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = path.join(repoDir, 'dist', 'src', 'cli', 'review.js');
const examplesDir = path.join(repoDir, 'examples');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The child never inherits `CI`: under CI `--fail-on error` is the default, and each test states the mode it checks. */
function review(args: readonly string[], cwd: string): Promise<Run> {
  const inherited = { ...process.env };
  delete inherited.CI;
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd, maxBuffer: 32 * 1024 * 1024, env: { ...inherited, FORCE_COLOR: '0' } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

/** No `    at file:line` frames: users never see a stack trace. */
function expectNoStackTrace(run: Run): void {
  const frames = `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => line.startsWith(' ') && line.trimStart().startsWith('at '));
  expect(frames).toEqual([]);
}

describe('event-driven-review on examples/', () => {
  let text: Run;
  let json: Run;
  let markdown: Run;

  beforeAll(async () => {
    // Three processes at once: each builds its own program, so on two cores this halves the wait.
    [text, json, markdown] = await Promise.all([
      review(['examples'], repoDir),
      review(['.', '--format', 'json', '--no-progress'], examplesDir),
      review(['examples', '--format', 'markdown', '--fail-on', 'error'], repoDir),
    ]);
  }, 240_000);

  it('prints the walk-through in the seed order, each entry with file:line, and exits 0', () => {
    expect(text.code, text.stderr).toBe(0);
    expectNoStackTrace(text);
    const headings = ['1. Publish sites', '2. Consumers', '3. Event names', '4. Request/reply over events', '5. Envelope gaps', '6. Ordering', 'Event flow', 'Summary'];
    const positions = headings.map((heading) => text.stdout.indexOf(`\n${heading}`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    expect(text.stdout).toContain('src/wrong/place-order.ts:10  ✗ dual write: no outbox');
    expect(text.stdout).toContain('Kafka · OrderPlaced · to orders · in placeOrder via publishEvent → producer.send');
    expect(text.stdout).toContain('src/right/place-order.ts:13  ✓ through the outbox');
    expect(text.stdout).toContain('src/right/outbox-relay.ts:16  ✓ outbox relay');
    expect(text.stdout).toContain('src/shared/messaging.ts:25  · wrapper around the client');
    expect(text.stdout).toContain('src/wrong/payment-consumer.ts:12  ✗ no dedupe before: inserts a row, sends an email');
    expect(text.stdout).toContain('src/wrong/billing-consumer.ts:10  ✗ dedupes on a broker position');
    expect(text.stdout).toContain('src/right/billing-consumer.ts:10  ✓ dedupes (redis.set)');
    expect(text.stdout).toMatch(/^ {2}ShipOrder +✗ Rename the event to 'OrderShipped'\. {2}src\/wrong\/fulfilment-events\.ts:9$/mu);
  });

  it('maps the flow from producers through event types to the consumers subscribed to their topic', () => {
    const block = text.stdout.slice(text.stdout.indexOf('\n  OrderPlaced\n'));
    const lines = block.split('\n').slice(2, 6);
    expect(lines).toEqual(
      expect.arrayContaining([
        '    ← placeOrder (src/wrong/place-order.ts:10) via Kafka · orders',
        '    ← placeOrder (src/right/place-order.ts:13) via outbox',
        '    → eachMessage · orders (src/right/billing-consumer.ts:10)',
      ]),
    );
  });

  it('shows a progress line on stderr when linting takes more than a second', () => {
    expect(text.stderr).toMatch(/^event-driven-review: linting \d+ files…$/mu);
    expect(text.stderr).toMatch(/^event-driven-review: linted \d+ files in \d+\.\d s$/mu);
    expect(json.stderr).not.toContain('linting');
  });

  it('writes the same inventory as JSON', () => {
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as Report;
    expect(report.publishSites).toContainEqual(
      expect.objectContaining({
        file: 'src/wrong/place-order.ts',
        line: 10,
        mechanism: 'wrapper',
        system: 'Kafka',
        chain: ['publishEvent', 'producer.send'],
        eventNames: ['OrderPlaced'],
        destinations: ['orders'],
        producer: 'placeOrder',
        outbox: 'dual-write',
      }),
    );
    expect(report.consumers).toContainEqual(
      expect.objectContaining({ file: 'src/wrong/payment-consumer.ts', system: 'RabbitMQ', subscriptions: ['payments.captured'], dedupe: 'missing', effects: ['inserts a row', 'sends an email'] }),
    );
    const shipOrder = report.eventNames.find((n) => n.name === 'ShipOrder');
    expect(shipOrder?.findings.map((f) => [f.rule, f.suggestions])).toEqual([['event-name-past-tense', ["Rename the event to 'OrderShipped'."]]]);
    expect(report.findings.publish.every((f) => f.rule === 'no-dual-write' || f.rule === 'no-floating-publish')).toBe(true);
    expect(report.summary.findings).toBeGreaterThan(0);
    expect(report.warnings).toEqual([]);
  });

  it('writes Markdown with a Mermaid event-flow map, and exits 1 on findings with --fail-on error', () => {
    expect(markdown.code, markdown.stderr).toBe(1);
    const output = markdown.stdout;
    expect(output).toContain('# Event-driven review of `examples`');
    expect(output).toContain('```mermaid\nflowchart LR\n  subgraph producers [Producers]');
    expect(output).toMatch(/^ {4}p\d+\["placeOrder<br\/>src\/wrong\/place-order\.ts:10"\]$/mu);
    expect(output).toMatch(/^ {4}e\d+\(\["OrderPlaced"\]\)$/mu);
    expect(output).toMatch(/^ {2}p\d+ -->\|"Kafka · orders"\| e\d+$/mu);
    expect(output).toMatch(/^ {2}class [pec\d,]+ finding$/mu);
    expect(output).toContain('| Where | Broker | Event | Destination | Outbox | Path |');
    expect(output).toContain('## 5. Envelope gaps');
  });
});

describe('event-driven-review on bad input', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'event-driven-review-'));
  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  function project(name: string, files: Record<string, string>): string {
    const dir = path.join(scratch, name);
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), content);
    }
    return dir;
  }

  it.each([
    [['does-not-exist'], 'event-driven-review: no such directory: does-not-exist\n'],
    [['package.json'], 'event-driven-review: not a directory: package.json (give the folder that holds tsconfig.json)\n'],
    [['--colour'], "event-driven-review: unknown option '--colour' (see event-driven-review --help)\n"],
    [['--format', 'html'], "event-driven-review: --format must be one of text, markdown, json (got 'html') (see event-driven-review --help)\n"],
  ])('%j: one line on stderr, exit 2', async (args, message) => {
    const run = await review(args, repoDir);
    expect(run).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('says so when there is no tsconfig.json', async () => {
    const dir = project('no-tsconfig', { 'src/index.ts': 'export const a = 1;\n' });
    const run = await review(['.'], dir);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^event-driven-review: no tsconfig\.json in \. or its subfolders: [^\n]+\n$/u);
  });

  it('says so when the tsconfig includes no TypeScript file', async () => {
    const dir = project('empty', { 'tsconfig.json': '{ "include": ["src"] }\n' });
    const run = await review([dir], scratch);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toBe(`event-driven-review: the tsconfig.json files in ${dir} include no TypeScript source files (tsconfig.json)\n`);
  });

  it('reviews a project whose imports do not resolve, with a warning that says why the review may be incomplete', async () => {
    const dir = project('broken', {
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, types: [], module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true }, include: ['src'] }),
      // kafkajs is not installed here: the checker cannot resolve it.
      'src/orders.ts': "import { Kafka } from 'kafkajs';\nconst count: number = 'one';\nexport const producer = new Kafka({ brokers: [] }).producer();\nexport { count };\n",
    });
    const run = await review(['.', '--format', 'json', '--no-progress'], dir);
    expect(run.code, run.stderr).toBe(0);
    expectNoStackTrace(run);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.warnings).toEqual([
      expect.stringMatching(/^the project has imports the type checker cannot resolve: 1 in 1 file \(src\/orders\.ts\); first: src\/orders\.ts:1: Cannot find module 'kafkajs'/u),
    ]);
    // With a file format, warnings also go to stderr, where a person sees them.
    expect(run.stderr).toMatch(/^event-driven-review: warning: the project has imports the type checker cannot resolve/u);
  });

  it('reviews the files of a tsconfig.json it cannot parse, with a warning', async () => {
    const dir = project('bad-json', { 'tsconfig.json': '{ not json', 'src/a.ts': 'export const a = 1;\n' });
    const run = await review(['.', '--no-progress'], dir);
    expect(run.code, run.stderr).toBe(0);
    expectNoStackTrace(run);
    expect(run.stdout).toMatch(/^ {2}! tsconfig\.json: [^\n]+$/mu);
    expect(run.stdout).toContain('1 file from tsconfig.json');
  });
});
