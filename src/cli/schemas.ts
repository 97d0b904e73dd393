import { ESLint, type Rule } from 'eslint';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { breakingChanges } from '../semantics/contracts/compatibility.js';
import { contractListeners, type ContractSource } from '../semantics/contracts/discovery.js';
import { contractOfJsonSchema } from '../semantics/contracts/json-schema.js';
import { eventKey, formatLockFile, lockFileName, readLockFile, type LockedEvent } from '../semantics/contracts/lock-file.js';
import type { Shape } from '../semantics/contracts/shape.js';
import { getSemantics } from '../semantics/index.js';
import type { SchemasOptions } from './args.js';
import { ReviewError, firstLineOf } from './errors.js';
import { loadParser } from './lint.js';
import { findProject } from './project.js';

export interface SchemasIO {
  readonly cwd: string;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

const contractsRuleId = 'event-driven-schemas/contracts';
/** Declarations say what an event is; a published object only says what one call sends. */
const precedence: Readonly<Record<ContractSource, number>> = { 'JSON Schema': 0, 'envelope type': 0, 'event class': 0, 'published object': 1 };
const skippedFolders: ReadonlySet<string> = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', '.git']);
const maxSchemaFiles = 5_000;

/** `schemas --update` writes the lock file; `schemas --check` prints the differences and exits 1 on a breaking one. */
export async function runSchemas(options: SchemasOptions, io: SchemasIO): Promise<number> {
  const root = path.resolve(io.cwd, options.dir);
  const project = findProject(root, options.dir);
  const lockDirectory = packageDirectoryOf(root);
  const lockPath = path.join(lockDirectory, lockFileName);
  const current = await collectContracts(project.root, project.files, lockDirectory);
  const shown = path.relative(io.cwd, lockPath) || lockFileName;

  if (options.action === 'update') {
    const before = existsSync(lockPath) ? readLockFile(lockPath).events : new Map<string, LockedEvent>();
    writeFileSync(lockPath, formatLockFile(current.values()));
    const added = [...current.keys()].filter((k) => !before.has(k)).length;
    const removed = [...before.keys()].filter((k) => !current.has(k)).length;
    const changed = [...current].filter(([k, e]) => before.has(k) && JSON.stringify(before.get(k)?.shape) !== JSON.stringify(e.shape)).length;
    io.stdout.write(`wrote ${shown}: ${String(current.size)} events (${String(added)} added, ${String(changed)} changed, ${String(removed)} removed)\n`);
    return 0;
  }

  if (!existsSync(lockPath)) throw new ReviewError(`no ${lockFileName} in ${path.relative(io.cwd, lockDirectory) || '.'}: write it first with event-driven-review schemas --update`);
  const locked = readLockFile(lockPath).events;
  let breaking = 0;
  const lines: string[] = [];
  for (const [key, event] of current) {
    const before = locked.get(key);
    if (before === undefined) {
      lines.push(`+ ${key} (${event.declaredIn}): new`);
      continue;
    }
    const breaks = breakingChanges(before.shape, event.shape, options.compatibility);
    if (breaks.length > 0) {
      breaking++;
      lines.push(`✗ ${key} (${event.declaredIn}): ${breaks.map((b) => b.description).join('; ')}`);
    } else if (JSON.stringify(before.shape) !== JSON.stringify(event.shape)) {
      lines.push(`~ ${key} (${event.declaredIn}): changed, compatible (${options.compatibility})`);
    }
  }
  for (const [key, event] of locked) if (!current.has(key)) lines.push(`- ${key} (${event.declaredIn}): no longer found; keep it in the lock while it is still published`);
  io.stdout.write(lines.length === 0 ? `${shown}: every event matches its contract\n` : `${lines.join('\n')}\n`);
  if (breaking > 0) io.stdout.write(`${String(breaking)} breaking change${breaking === 1 ? '' : 's'} (${options.compatibility}): publish a new version, or run schemas --update once the consumers are ready\n`);
  return breaking > 0 ? 1 : 0;
}

/** Every event contract of the project, one per event name and version: TypeScript through ESLint, JSON Schema files read directly. */
async function collectContracts(root: string, files: readonly string[], lockDirectory: string): Promise<Map<string, LockedEvent & { readonly rank: number }>> {
  const found = new Map<string, LockedEvent & { readonly rank: number }>();
  const add = (file: string, contract: { name: string; version: number; source: ContractSource; shape: Shape }): void => {
    const key = eventKey(contract.name, contract.version);
    const rank = precedence[contract.source];
    const existing = found.get(key);
    if (existing !== undefined && existing.rank <= rank) return;
    found.set(key, { ...contract, declaredIn: path.relative(lockDirectory, file).split(path.sep).join('/'), rank });
  };

  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      { linterOptions: { reportUnusedDisableDirectives: 'off' } },
      {
        files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
        languageOptions: { parser: await loadParser(), parserOptions: { projectService: true, tsconfigRootDir: root } },
        plugins: { 'event-driven-schemas': { rules: { contracts: contractsRule } } },
        rules: { [contractsRuleId]: 'warn' },
      },
    ],
    errorOnUnmatchedPattern: false,
  });
  for (const file of [...files].sort()) {
    let results: ESLint.LintResult[];
    try {
      results = await eslint.lintText(readFileSync(file, 'utf8'), { filePath: file });
    } catch (error) {
      throw new ReviewError(`${path.relative(root, file)} could not be read for its event contracts: ${firstLineOf(error)}`);
    }
    for (const message of results.flatMap((r) => r.messages)) {
      if (message.ruleId !== contractsRuleId) continue;
      add(file, JSON.parse(message.message) as { name: string; version: number; source: ContractSource; shape: Shape });
    }
  }
  for (const file of schemaFiles(root)) {
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    const contract = contractOfJsonSchema(value);
    if (contract !== undefined) add(file, { ...contract, source: 'JSON Schema' });
  }
  return found;
}

/** The internal rule that hands each contract of a file to the command, as the JSON text of a message. */
const contractsRule: Rule.RuleModule = {
  meta: { type: 'suggestion', schema: [] },
  create(context) {
    const ruleContext = context as unknown as Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
    const semantics = getSemantics(ruleContext);
    const listeners = contractListeners(semantics, ruleContext.sourceCode, (contract) => {
      const text = JSON.stringify({ name: contract.name, version: contract.version, source: contract.source, shape: contract.shape });
      context.report({ loc: contract.node.loc, message: text });
    });
    return listeners as unknown as Rule.RuleListener;
  },
};

/** `*.schema.json` files under the project, outside dependencies and build output. */
function schemaFiles(root: string): string[] {
  const found: string[] = [];
  const visit = (directory: string, depth: number): void => {
    if (depth > 10 || found.length >= maxSchemaFiles) return;
    let entries;
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !skippedFolders.has(entry.name) && !entry.name.startsWith('.')) visit(path.join(directory, entry.name), depth + 1);
      else if (entry.isFile() && entry.name.endsWith('.schema.json')) found.push(path.join(directory, entry.name));
    }
  };
  visit(root, 0);
  return found.sort();
}

/** The lock file sits next to the project's package.json: the nearest one at or above the directory. */
function packageDirectoryOf(directory: string): string {
  for (let current = directory; ; current = path.dirname(current)) {
    if (existsSync(path.join(current, 'package.json'))) return current;
    if (path.dirname(current) === current) return directory;
  }
}
