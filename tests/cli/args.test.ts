import { describe, expect, it } from 'vitest';
import { parseArguments } from '../../src/cli/args.js';
import { UsageError } from '../../src/cli/errors.js';

describe('event-driven-review arguments', () => {
  it('fails on findings by default in CI, and only there', () => {
    expect(parseArguments([], { CI: 'true' })).toMatchObject({ options: { failOn: 'error' } });
    expect(parseArguments([], { CI: 'false' })).toMatchObject({ options: { failOn: 'none' } });
    expect(parseArguments(['--fail-on', 'none'], { CI: '1' })).toMatchObject({ options: { failOn: 'none' } });
  });

  it('reviews the current directory as text with the all preset by default', () => {
    expect(parseArguments([])).toEqual({
      command: 'review',
      options: { dir: '.', format: 'text', failOn: 'none', preset: 'all', progress: true },
    });
  });

  it('takes a directory, a format, a failure threshold, a preset and --no-progress', () => {
    expect(parseArguments(['services/orders', '--format', 'markdown', '--fail-on', 'error', '--preset', 'recommended', '--no-progress'])).toEqual({
      command: 'review',
      options: { dir: 'services/orders', format: 'markdown', failOn: 'error', preset: 'recommended', progress: false },
    });
    expect(parseArguments(['-f', 'json'])).toMatchObject({ options: { format: 'json' } });
  });

  it('parses the schemas command: --update or --check, a directory, a compatibility mode', () => {
    expect(parseArguments(['schemas', '--update'])).toEqual({ command: 'schemas', options: { dir: '.', action: 'update', compatibility: 'backward' } });
    expect(parseArguments(['schemas', 'services/orders', '--check', '--compatibility', 'full'])).toEqual({
      command: 'schemas',
      options: { dir: 'services/orders', action: 'check', compatibility: 'full' },
    });
  });

  it.each([
    [['schemas'], 'schemas needs exactly one of --update or --check'],
    [['schemas', '--update', '--check'], 'schemas needs exactly one of --update or --check'],
    [['schemas', '--check', '--compatibility', 'none'], "--compatibility must be one of backward, forward, full (got 'none')"],
    [['--update'], '--update belongs to the schemas command: event-driven-review schemas --update'],
  ])('rejects the schemas arguments %j with a one-line reason', (argv, reason) => {
    expect(() => parseArguments(argv)).toThrow(new UsageError(reason));
  });

  it('answers --help and --version before looking at anything else', () => {
    expect(parseArguments(['--help', '--format', 'nope'])).toEqual({ command: 'help' });
    expect(parseArguments(['-v'])).toEqual({ command: 'version' });
  });

  it.each([
    [['--format', 'html'], "--format must be one of text, markdown, json (got 'html')"],
    [['--fail-on', 'warning'], "--fail-on must be one of none, error (got 'warning')"],
    [['--preset', 'loose'], "--preset must be one of recommended, strict, all (got 'loose')"],
    [['a', 'b'], 'expected one directory, got 2: a b'],
  ])('rejects %j with a one-line reason', (argv, reason) => {
    expect(() => parseArguments(argv)).toThrow(new UsageError(reason));
  });

  it('turns parseArgs errors into short usage errors', () => {
    expect(() => parseArguments(['--colour'])).toThrow(new UsageError("unknown option '--colour'"));
    expect(() => parseArguments(['--format'])).toThrow(new UsageError("option '-f, --format <value>' needs a value"));
  });
});
