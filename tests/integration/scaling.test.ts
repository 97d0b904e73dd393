import { ESLint } from 'eslint';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { examplesDir } from '../../scripts/lint-examples.js';

// ESLint 10 lints with worker threads under `--concurrency`: each worker loads the plugin and
// builds its own TypeScript program from the files it is handed. The rules keep no state across
// files, so the results must not depend on which worker saw which file first.
// ESLint 10's own CLI (node_modules/.bin/eslint may be the `eslint-v9` alias's).
const eslintBin = path.join(path.dirname(createRequire(import.meta.url).resolve('eslint/package.json')), 'bin', 'eslint.js');

/** What a user sees of a result: the file, and each message with its position, text and suggested edits. */
function comparable(results: readonly ESLint.LintResult[]): unknown[] {
  return [...results]
    .sort((a, b) => a.filePath.localeCompare(b.filePath))
    .map((result) => ({
      file: path.relative(examplesDir, result.filePath),
      messages: result.messages.map((m) => ({
        ruleId: m.ruleId,
        message: m.message,
        range: [m.line, m.column, m.endLine, m.endColumn],
        fix: m.fix,
        suggestions: m.suggestions?.map((s) => ({ desc: s.desc, fix: s.fix })),
      })),
    }));
}

function lintWithCli(args: readonly string[]): Promise<ESLint.LintResult[]> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [eslintBin, ...args], { cwd: examplesDir, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      // Exit code 1 means "lint errors found"; anything else is a failure to lint.
      if (error !== null && error.code !== 1) {
        reject(new Error(`eslint ${args.join(' ')} failed (${String(error.code)}): ${stderr}`));
        return;
      }
      resolve(JSON.parse(stdout) as ESLint.LintResult[]);
    });
  });
}

describe('ESLint --concurrency on examples/', () => {
  it('reports exactly the same problems with two worker threads as in one thread', async () => {
    const singleThread = await new ESLint({ cwd: examplesDir }).lintFiles(['src/**/*.ts']);
    const twoThreads = await lintWithCli(['--concurrency=2', '--format', 'json', 'src/**/*.ts']);

    expect(singleThread.reduce((sum, r) => sum + r.messages.length, 0)).toBeGreaterThan(5);
    expect(comparable(twoThreads)).toEqual(comparable(singleThread));
  });
});

describe('ESLint --cache with typed rules', () => {
  const repoDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

  it('misses a finding that a change in another file creates: why the docs say not to use it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'event-driven-cache-'));
    try {
      symlinkSync(path.join(repoDir, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
      writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', strict: true, types: ['node'], noEmit: true }, include: ['*.ts'] }));
      writeFileSync(
        path.join(dir, 'eslint.config.mjs'),
        [
          `import eventDriven from ${JSON.stringify(pathToFileURL(path.join(repoDir, 'dist', 'src', 'index.js')).href)};`,
          "import tseslint from 'typescript-eslint';",
          'export default [',
          "  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },",
          '  eventDriven.configs.recommended,',
          '];',
        ].join('\n'),
      );
      const wrapper = (body: string): string => `import { Kafka } from 'kafkajs';\nconst producer = new Kafka({ brokers: [] }).producer();\nexport async function notify(id: string): Promise<void> {\n  ${body}\n}\n`;
      writeFileSync(path.join(dir, 'notify.ts'), wrapper('void producer; void id;'));
      writeFileSync(
        path.join(dir, 'orders.ts'),
        "import { Pool } from 'pg';\nimport { notify } from './notify.js';\nconst pool = new Pool();\nexport async function place(id: string): Promise<void> {\n  await pool.query('INSERT INTO orders (id) VALUES ($1)', [id]);\n  await notify(id);\n}\n",
      );
      const lintOrders = async (cache: boolean): Promise<(string | null)[]> => {
        const eslint = new ESLint({ cwd: dir, cache, cacheLocation: path.join(dir, '.eslintcache') });
        const results = await eslint.lintFiles(['*.ts']);
        return results.filter((r) => r.filePath.endsWith('orders.ts')).flatMap((r) => r.messages.map((m) => m.ruleId));
      };

      expect(await lintOrders(true)).toEqual([]);
      // Only notify.ts changes: now it publishes, so `place` writes and then publishes.
      writeFileSync(path.join(dir, 'notify.ts'), wrapper("await producer.send({ topic: 'orders', messages: [{ key: id, value: 'OrderPlaced' }] });"));
      expect(await lintOrders(true)).toEqual([]); // stale: orders.ts itself did not change
      expect(await lintOrders(false)).toEqual(['event-driven/no-dual-write']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
