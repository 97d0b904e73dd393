import { parseArgs } from 'node:util';
import type { PresetName } from '../configs/index.js';
import { compatibilityModes, type CompatibilityMode } from '../semantics/contracts/compatibility.js';
import { UsageError } from './errors.js';

export type ReportFormat = 'text' | 'markdown' | 'json';
/** `error`: exit 1 when any rule reports a finding. */
export type FailOn = 'none' | 'error';

export interface ReviewOptions {
  /** The project directory, as given (resolved later against the working directory). */
  readonly dir: string;
  readonly format: ReportFormat;
  readonly failOn: FailOn;
  readonly preset: PresetName;
  /** Show a progress line on stderr when the run takes more than a second. */
  readonly progress: boolean;
}

/** `schemas --update` writes the event contract lock file; `schemas --check` compares against it. */
export interface SchemasOptions {
  readonly dir: string;
  readonly action: 'update' | 'check';
  readonly compatibility: CompatibilityMode;
}

export type ParsedArguments =
  | { readonly command: 'help' }
  | { readonly command: 'version' }
  | { readonly command: 'review'; readonly options: ReviewOptions }
  | { readonly command: 'schemas'; readonly options: SchemasOptions };

export const usage = `Usage: event-driven-review [dir] [options]

Reviews the TypeScript project in dir (default: the current directory) the way a reviewer of an
event-driven codebase would: every publish site, every consumer, every event name, request/reply,
envelope gaps, then a summary and a map of the event flow. The project needs no ESLint set-up of
its own: its tsconfig.json files (and the projects they reference) give the files and the
types; when it has an eslint.config, its settings['event-driven'] apply.

Options:
  -f, --format <text|markdown|json>   report format (default: text)
      --fail-on <none|error>          exit 1 when a rule reports a finding (default: error when
                                      the CI environment variable is set, none otherwise)
      --preset <recommended|strict|all>  which rules judge the code (default: all)
      --no-progress                   no progress line on stderr
  -h, --help                          show this help
  -v, --version                       show the version

Exit codes: 0 the review ran, 1 findings with --fail-on error, 2 bad input.

Usage: event-driven-review schemas (--update | --check) [dir] [--compatibility <mode>]

Event contracts: --update writes event-schemas.lock.json (next to the project's package.json)
with the shape of every event the project declares or publishes (envelope types, event classes,
published objects, *.schema.json files); --check prints how the events differ from the lock and
exits 1 when a change breaks it under --compatibility backward (default), forward or full.`;

const formats: readonly ReportFormat[] = ['text', 'markdown', 'json'];
const failOnValues: readonly FailOn[] = ['none', 'error'];
const presets: readonly PresetName[] = ['recommended', 'strict', 'all'];

/** `env`: the environment, where `CI` makes `--fail-on error` the default (a review in CI should fail on findings). */
export function parseArguments(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): ParsedArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        'fail-on': { type: 'string' },
        preset: { type: 'string' },
        'no-progress': { type: 'boolean' },
        update: { type: 'boolean' },
        check: { type: 'boolean' },
        compatibility: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { command: 'help' };
  if (values.version === true) return { command: 'version' };
  if (positionals[0] === 'schemas') {
    if (positionals.length > 2) throw new UsageError(`expected one directory, got ${String(positionals.length - 1)}: ${positionals.slice(1).join(' ')}`);
    if ((values.update === true) === (values.check === true)) throw new UsageError('schemas needs exactly one of --update or --check');
    return {
      command: 'schemas',
      options: { dir: positionals[1] ?? '.', action: values.update === true ? 'update' : 'check', compatibility: oneOf('--compatibility', values.compatibility ?? 'backward', compatibilityModes) },
    };
  }
  for (const option of ['update', 'check', 'compatibility'] as const) {
    if (values[option] !== undefined) throw new UsageError(`--${option} belongs to the schemas command: event-driven-review schemas --${option === 'compatibility' ? 'check --compatibility <mode>' : option}`);
  }
  if (positionals.length > 1) throw new UsageError(`expected one directory, got ${String(positionals.length)}: ${positionals.join(' ')}`);
  return {
    command: 'review',
    options: {
      dir: positionals[0] ?? '.',
      format: oneOf('--format', values.format ?? 'text', formats),
      failOn: oneOf('--fail-on', values['fail-on'] ?? (isCi(env) ? 'error' : 'none'), failOnValues),
      preset: oneOf('--preset', values.preset ?? 'all', presets),
      progress: values['no-progress'] !== true,
    },
  };
}

/** `CI=true` (GitHub Actions, GitLab, CircleCI…); `CI=false` or `0` is not. */
function isCi(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env.CI;
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) throw new UsageError(`${option} must be one of ${allowed.join(', ')} (got '${value}')`);
  return match;
}

/** parseArgs' messages, shortened to what the user typed wrong. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown option '([^']+)'/u.exec(message);
  if (unknown !== null) return `unknown option '${unknown[1] ?? ''}'`;
  const missing = /^Option '([^']+)' argument missing/u.exec(message);
  if (missing !== null) return `option '${missing[1] ?? ''}' needs a value`;
  return message.split('. ')[0] ?? message;
}
