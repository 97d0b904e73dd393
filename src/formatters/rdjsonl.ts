import type { ESLint, Linter, Rule } from 'eslint';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * An ESLint formatter that writes reviewdog's rdjsonl: one Reviewdog Diagnostic Format
 * `Diagnostic` per line, with the rule's fix and suggestions as `suggestions`, which reviewdog's
 * `github-pr-review` reporter posts as suggested changes on the pull request.
 *
 *   eslint -f ./node_modules/eslint-plugin-event-driven/dist/src/formatters/rdjsonl.js . \
 *     | reviewdog -f=rdjsonl -reporter=github-pr-review
 *
 * reviewdog counts columns in UTF-8 bytes (1-based, end exclusive); ESLint counts UTF-16 code
 * units. The columns are converted with the file's text, so a finding after `é` or an emoji
 * still lands on the right characters.
 */

export interface RdPosition {
  readonly line: number;
  readonly column: number;
}

export interface RdRange {
  readonly start: RdPosition;
  readonly end?: RdPosition;
}

export interface RdSuggestion {
  readonly range: RdRange;
  readonly text: string;
}

export interface RdDiagnostic {
  readonly message: string;
  readonly location: { readonly path: string; readonly range: RdRange };
  readonly severity: 'ERROR' | 'WARNING' | 'INFO';
  readonly source: { readonly name: string; readonly url?: string };
  readonly code?: { readonly value: string; readonly url?: string };
  readonly suggestions?: readonly RdSuggestion[];
}

const source = { name: 'eslint', url: 'https://eslint.org' } as const;
const byteOrderMark = '\uFEFF';
/** ESLint's line breaks: its line numbers count these. */
const lineBreak = /\r\n|[\r\n\u2028\u2029]/gu;

const formatter: ESLint.FormatterFunction = (results, context) => {
  const lines: string[] = [];
  for (const result of results) {
    if (result.messages.length === 0) continue;
    const text = new SourceText(sourceOf(result));
    const file = displayPath(result.filePath, context.cwd);
    for (const message of result.messages) lines.push(JSON.stringify(diagnosticOf(message, file, text, context.rulesMeta)));
  }
  return lines.join('\n');
};

export default formatter;

export function diagnosticOf(message: Linter.LintMessage, file: string, text: SourceText, rulesMeta: Readonly<Record<string, Rule.RuleMetaData>> = {}): RdDiagnostic {
  const start = text.position(message.line, message.column);
  const end = message.endLine === undefined || message.endColumn === undefined ? undefined : text.position(message.endLine, message.endColumn);
  // The autofix first: reviewdog anchors the comment on the first suggestion's lines.
  const fixes = [...(message.fix === undefined ? [] : [message.fix]), ...(message.suggestions ?? []).map((s) => s.fix)];
  const suggestions = fixes.map((fix) => ({ range: { start: text.positionAt(fix.range[0]), end: text.positionAt(fix.range[1]) }, text: fix.text }));
  const described = (message.suggestions ?? []).map((s) => s.desc);
  const url = message.ruleId === null ? undefined : rulesMeta[message.ruleId]?.docs?.url;
  return {
    message: described.length === 0 ? message.message : `${message.message}\n\nSuggested: ${described.join(' / ')}`,
    location: { path: file, range: end === undefined ? { start } : { start, end } },
    severity: message.severity === 2 ? 'ERROR' : 'WARNING',
    source,
    ...(message.ruleId === null ? {} : { code: url === undefined ? { value: message.ruleId } : { value: message.ruleId, url } }),
    ...(suggestions.length === 0 ? {} : { suggestions }),
  };
}

/**
 * A file's text, for turning ESLint positions (1-based line, 1-based UTF-16 column; or a UTF-16
 * offset for fixes) into reviewdog positions (1-based line, 1-based UTF-8 byte column).
 */
export class SourceText {
  /** ESLint's positions are in the text after the byte order mark. */
  readonly #text: string;
  readonly #hasByteOrderMark: boolean;
  readonly #lineStarts: number[] = [0];

  constructor(text: string) {
    this.#hasByteOrderMark = text.startsWith(byteOrderMark);
    this.#text = this.#hasByteOrderMark ? text.slice(1) : text;
    for (const match of this.#text.matchAll(lineBreak)) this.#lineStarts.push(match.index + match[0].length);
  }

  /** From ESLint's line and UTF-16 column. */
  position(line: number, column: number): RdPosition {
    const lineStart = this.#lineStarts[line - 1];
    if (lineStart === undefined) return { line, column };
    const units = Math.max(0, column - 1);
    const before = this.#text.slice(lineStart, lineStart + units);
    // reviewdog reads the byte order mark as part of the first line.
    const bom = line === 1 && this.#hasByteOrderMark ? Buffer.byteLength(byteOrderMark) : 0;
    // Past the known text (no text at hand): one byte per remaining unit, right for ASCII.
    return { line, column: 1 + bom + Buffer.byteLength(before, 'utf8') + (units - before.length) };
  }

  /** From a UTF-16 offset into the text, as in an ESLint fix range. */
  positionAt(offset: number): RdPosition {
    const index = this.#lineIndexOf(offset);
    return this.position(index + 1, offset - (this.#lineStarts[index] ?? 0) + 1);
  }

  #lineIndexOf(offset: number): number {
    let low = 0;
    let high = this.#lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((this.#lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/** The text the positions refer to: after `--fix`, the fixed output. */
function sourceOf(result: ESLint.LintResult): string {
  if (result.output !== undefined) return result.output;
  if (result.source !== undefined) return result.source;
  try {
    return readFileSync(result.filePath, 'utf8');
  } catch {
    return ''; // Without the text, columns stay as ESLint gave them (right for ASCII).
  }
}

/** Relative to where ESLint ran (where reviewdog runs too), with `/`; outside it, absolute. */
function displayPath(filePath: string, cwd: string): string {
  const relative = path.relative(cwd, filePath);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return filePath.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}
