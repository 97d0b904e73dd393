#!/usr/bin/env node
// `npx event-driven-review [dir]`: the review walk-through over a TypeScript project with no
// ESLint set-up of its own. Everything that can fail on user input ends in one line on stderr.
import { parseArguments, usage, type ParsedArguments } from './args.js';
import { ReviewError, UsageError, firstLineOf } from './errors.js';
import { readPackageInfo } from './package-info.js';

const command = 'event-driven-review';
/** Set to see the stack of an unexpected error when reporting a bug. */
const debugVariable = 'EVENT_DRIVEN_REVIEW_DEBUG';

async function main(argv: readonly string[]): Promise<number> {
  let parsed: ParsedArguments;
  try {
    parsed = parseArguments(argv, process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${command}: ${error.message} (see ${command} --help)\n`);
    return 2;
  }
  if (parsed.command === 'help') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (parsed.command === 'version') {
    process.stdout.write(`${readPackageInfo().version}\n`);
    return 0;
  }
  // Loaded only now, so that a missing peer dependency is a clear message, not an import crash.
  if (parsed.command === 'schemas') {
    const { runSchemas } = await import('./schemas.js');
    return runSchemas(parsed.options, { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
  }
  const { runReview } = await import('./run.js');
  return runReview(parsed.options, { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
}

function describeFailure(error: unknown): string {
  if (error instanceof ReviewError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
    const missing = /Cannot find (?:package|module) '([^']+)'/u.exec(firstLineOf(error))?.[1] ?? 'a peer dependency';
    return `cannot load ${missing}: install the peer dependencies next to eslint-plugin-event-driven (npm install --save-dev eslint typescript-eslint typescript)`;
  }
  return `unexpected error: ${firstLineOf(error)} (set ${debugVariable}=1 to see where)`;
}

function fail(error: unknown): void {
  process.stderr.write(`${command}: ${describeFailure(error)}\n`);
  if (process.env[debugVariable] === '1' && error instanceof Error && error.stack !== undefined) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 2;
}

process.on('uncaughtException', (error) => {
  fail(error);
  process.exit();
});

main(process.argv.slice(2)).then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  fail,
);
