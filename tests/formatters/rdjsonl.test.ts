import { ESLint, type Linter } from 'eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintExamples } from '../../scripts/lint-examples.js';
import formatter, { SourceText, type RdDiagnostic, type RdRange } from '../../src/formatters/rdjsonl.js';

const repoDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const builtFormatter = path.join(repoDir, 'dist', 'src', 'formatters', 'rdjsonl.js');

/** What reviewdog does with a position: Go slices the line's bytes at `column - 1`. */
function bytesOf(lines: readonly string[], range: Required<RdRange>): string {
  const start = Buffer.from(lines[range.start.line - 1] ?? '');
  const end = Buffer.from(lines[range.end.line - 1] ?? '');
  if (range.start.line === range.end.line) return start.subarray(range.start.column - 1, range.end.column - 1).toString('utf8');
  return `${start.subarray(range.start.column - 1).toString('utf8')}\n…\n${end.subarray(0, range.end.column - 1).toString('utf8')}`;
}

/** reviewdog's non-line-based suggestion: the start line up to the range, the text, the end line after it. */
function applySuggestionLikeReviewdog(lines: readonly string[], suggestion: { range: Required<RdRange>; text: string }): string {
  const start = Buffer.from(lines[suggestion.range.start.line - 1] ?? '');
  const end = Buffer.from(lines[suggestion.range.end.line - 1] ?? '');
  return start.subarray(0, suggestion.range.start.column - 1).toString('utf8') + suggestion.text + end.subarray(suggestion.range.end.column - 1).toString('utf8');
}

function parse(output: string): RdDiagnostic[] {
  return output === '' ? [] : output.split('\n').map((line) => JSON.parse(line) as RdDiagnostic);
}

describe('SourceText: ESLint positions to reviewdog positions', () => {
  it('counts columns in UTF-8 bytes: 2 for é, 3 for 日, 4 for an emoji (2 UTF-16 units)', () => {
    const text = new SourceText("const s = 'é'; const t = '🙂'; x\n日本 y\n");
    // ESLint's column of `x` is 1 + its UTF-16 offset in the line.
    const line1 = "const s = 'é'; const t = '🙂'; x";
    expect(text.position(1, line1.indexOf('x') + 1)).toEqual({ line: 1, column: Buffer.byteLength(line1.slice(0, line1.indexOf('x'))) + 1 });
    expect(text.position(1, line1.indexOf('x') + 1).column - (line1.indexOf('x') + 1)).toBe(1 + 2);
    expect(text.position(2, 4)).toEqual({ line: 2, column: 8 });
  });

  it('maps fix offsets across LF and CRLF line ends', () => {
    const source = 'é\r\nab🙂c\nd';
    const text = new SourceText(source);
    expect(text.positionAt(source.indexOf('c'))).toEqual({ line: 2, column: 7 });
    expect(text.positionAt(source.indexOf('d'))).toEqual({ line: 3, column: 1 });
    expect(text.positionAt(source.length)).toEqual({ line: 3, column: 2 });
  });

  it('counts the byte order mark on the first line, where reviewdog sees it and ESLint does not', () => {
    const text = new SourceText('\uFEFFlet a = 1;\nlet b;');
    expect(text.position(1, 1)).toEqual({ line: 1, column: 4 });
    expect(text.positionAt(0)).toEqual({ line: 1, column: 4 });
    expect(text.position(2, 5)).toEqual({ line: 2, column: 5 });
  });

  it('keeps ESLint columns (one byte a unit) where the text is unknown', () => {
    expect(new SourceText('').position(3, 7)).toEqual({ line: 3, column: 7 });
  });
});

describe('the rdjsonl formatter', () => {
  it('writes one diagnostic per line, with fixes and suggestions in reviewdog byte columns after non-ASCII text', async () => {
    const code = 'const café = "é🙂 \\d"; let total = 1; console.log(café, total);\n';
    const lines = code.split('\n');
    const eslint = new ESLint({
      cwd: repoDir,
      overrideConfigFile: true,
      overrideConfig: [{ rules: { 'no-useless-escape': 'error', 'prefer-const': 'warn' } }],
    });
    const results = await eslint.lintText(code, { filePath: path.join(repoDir, 'src', 'café.js') });
    const diagnostics = parse(await formatter(results, { cwd: repoDir, rulesMeta: eslint.getRulesMetaForResults(results) }));

    expect(diagnostics.map((d) => [d.code?.value, d.severity, d.location.path])).toEqual([
      ['no-useless-escape', 'ERROR', 'src/café.js'],
      ['prefer-const', 'WARNING', 'src/café.js'],
    ]);
    const [escape, preferConst] = diagnostics as [RdDiagnostic, RdDiagnostic];
    expect(bytesOf(lines, escape.location.range as Required<RdRange>)).toBe('\\');
    expect(escape.code?.url).toBe('https://eslint.org/docs/latest/rules/no-useless-escape');
    expect(escape.message).toMatch(/\n\nSuggested: .+ \/ .+$/u);
    const [removeEscape] = (escape.suggestions ?? []) as { range: Required<RdRange>; text: string }[];
    expect(removeEscape).toBeDefined();
    if (removeEscape !== undefined) expect(applySuggestionLikeReviewdog(lines, removeEscape)).toBe(lines[0]?.replace('\\d', 'd'));

    // An autofix is a suggestion too, and comes first.
    expect(bytesOf(lines, preferConst.location.range as Required<RdRange>)).toBe('total');
    const [fix] = (preferConst.suggestions ?? []) as { range: Required<RdRange>; text: string }[];
    expect(fix).toBeDefined();
    if (fix !== undefined) expect(applySuggestionLikeReviewdog(lines, fix)).toBe(lines[0]?.replace('let total', 'const total'));
  });

  it('reports a parsing error with no rule code', () => {
    const fatal: Linter.LintMessage = { ruleId: null, fatal: true, severity: 2, message: 'Parsing error: Unexpected token', line: 1, column: 5 };
    const output = formatter(
      [{ filePath: path.join(repoDir, 'broken.ts'), messages: [fatal], suppressedMessages: [], errorCount: 1, fatalErrorCount: 1, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, source: 'let = ;', usedDeprecatedRules: [] }],
      { cwd: repoDir, rulesMeta: {} },
    );
    expect(parse(output as string)).toEqual([
      { message: 'Parsing error: Unexpected token', location: { path: 'broken.ts', range: { start: { line: 1, column: 5 } } }, severity: 'ERROR', source: { name: 'eslint', url: 'https://eslint.org' } },
    ]);
  });

  it('turns the demo into diagnostics with suggested changes (examples/)', async () => {
    const { eslint, results } = await lintExamples();
    // Loaded the way users load it: `eslint -f <path to the built formatter>`.
    const loaded = await eslint.loadFormatter(path.relative(path.join(repoDir, 'examples'), builtFormatter));
    const diagnostics = parse(await loaded.format(results));
    expect(diagnostics.length).toBe(results.reduce((sum, r) => sum + r.messages.length, 0));
    expect(diagnostics).toContainEqual({
      message: expect.stringContaining("Event name 'ShipOrder' is not in the past tense") as unknown,
      location: { path: 'src/wrong/fulfilment-events.ts', range: { start: { line: 9, column: 54 }, end: { line: 9, column: 65 } } },
      severity: 'ERROR',
      source: { name: 'eslint', url: 'https://eslint.org' },
      code: { value: 'event-driven/event-name-past-tense', url: expect.stringMatching(/docs\/rules\/event-name-past-tense\.md$/u) as unknown },
      suggestions: [{ range: { start: { line: 9, column: 54 }, end: { line: 9, column: 65 } }, text: "'OrderShipped'" }],
    });
  });

  it('loads in ESLint 9 by path and by its package export', async () => {
    const { ESLint: ESLint9 } = (await import('eslint-v9')) as unknown as { ESLint: typeof ESLint };
    const loaded = await new ESLint9({ cwd: repoDir }).loadFormatter(`./${path.relative(repoDir, builtFormatter)}`);
    expect(await loaded.format([])).toBe('');
    const exported = (await import('eslint-plugin-event-driven/formatters/rdjsonl')) as { default: unknown };
    expect(exported.default).toBeTypeOf('function');
  });
});
