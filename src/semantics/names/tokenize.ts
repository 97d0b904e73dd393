/**
 * Splits an event name written in any common spelling into words: PascalCase, camelCase,
 * snake_case, kebab-case, UPPER_SNAKE, dot.separated, slash/paths, colon:separated, spaces,
 * acronyms (`HTTPRequestFailed`, `SMSSent`, `URLsUpdated`) and digits (`EC2`, `V2`). A single
 * pass over the characters; no regular expressions.
 */
import { reverseDnsRoots } from './lexicon.js';

export interface EventNameToken {
  /** The token as written in the name. */
  readonly text: string;
  /** The token in lower case. */
  readonly word: string;
  /** Offset of the token in the name. */
  readonly start: number;
  /** Offset just past the token. */
  readonly end: number;
  /** Index of the part of the name the token is in; parts are separated by `.`, `/`, `:` or `\`. */
  readonly segment: number;
}

export interface SplitEventName {
  /** Lower-case words that are judged: no namespace, version or suffix words. */
  readonly words: string[];
  /** The tokens behind `words`, with their place in the name. */
  readonly tokens: EventNameToken[];
  /** Words of a reverse-DNS namespace (`com.acme.` gives `com`, `acme`); not judged. */
  readonly namespace: string[];
  /** Version tokens that were removed (`V2`, `v1`, `2024`), as written. */
  readonly versions: string[];
  /** Suffix tokens that were removed (`Integration`, `Event`), as written. */
  readonly suffix: string[];
}

const CharKind = { Other: 0, Lower: 1, Upper: 2, Digit: 3 } as const;
type CharKind = (typeof CharKind)[keyof typeof CharKind];

const segmentSeparators = './:\\';

function kindAt(text: string, index: number): CharKind {
  if (index < 0 || index >= text.length) return CharKind.Other;
  const code = text.charCodeAt(index);
  if (code >= 97 && code <= 122) return CharKind.Lower;
  if (code >= 65 && code <= 90) return CharKind.Upper;
  if (code >= 48 && code <= 57) return CharKind.Digit;
  if (code < 128) return CharKind.Other;
  const ch = text.charAt(index);
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  if (lower === upper) return CharKind.Other;
  return ch === lower ? CharKind.Lower : CharKind.Upper;
}

/** Whether a new word starts at `index` inside a run of letters and digits. */
function startsWord(text: string, index: number): boolean {
  const kind = kindAt(text, index);
  const prev = kindAt(text, index - 1);
  if (kind !== CharKind.Upper) return false;
  if (prev === CharKind.Lower || prev === CharKind.Digit) return true;
  if (prev !== CharKind.Upper || kindAt(text, index + 1) !== CharKind.Lower) return false;
  // The last capital of an acronym starts the next word (HTTPRequest), unless what follows is
  // a plural `s` (URLsUpdated) or a past `ed` (ACKed, SMSed).
  if (text.charAt(index + 1) === 's' && kindAt(text, index + 2) !== CharKind.Lower) return false;
  return !(text.startsWith('ed', index + 1) && kindAt(text, index + 3) !== CharKind.Lower);
}

/** Every token of the name, in order. */
export function tokenize(name: string): EventNameToken[] {
  const tokens: EventNameToken[] = [];
  let segment = 0;
  let start = -1;
  const flush = (end: number): void => {
    if (start < 0) return;
    const text = name.slice(start, end);
    tokens.push({ text, word: text.toLowerCase(), start, end, segment });
    start = -1;
  };
  for (let i = 0; i < name.length; i++) {
    if (kindAt(name, i) === CharKind.Other) {
      flush(i);
      if (segmentSeparators.includes(name.charAt(i)) && tokens.length > 0 && tokens[tokens.length - 1]?.segment === segment) segment++;
      continue;
    }
    if (start >= 0 && startsWord(name, i)) flush(i);
    if (start < 0) start = i;
  }
  flush(name.length);
  return tokens;
}

/** A version or number token: `v1`, `V2`, `v1beta1`, `2024`. */
export function isVersionWord(word: string): boolean {
  const first = word.charCodeAt(0);
  const digitAt = (i: number): boolean => {
    const code = word.charCodeAt(i);
    return code >= 48 && code <= 57;
  };
  if (digitAt(0)) {
    for (let i = 1; i < word.length; i++) if (!digitAt(i)) return false;
    return true;
  }
  return first === 118 && word.length >= 2 && digitAt(1);
}

/** Lower-case word sequences of suffixes, longest first. */
export function compileSuffixes(suffixes: readonly string[]): string[][] {
  return suffixes
    .map((suffix) => tokenize(suffix).map((t) => t.word))
    .filter((seq) => seq.length > 0)
    .sort((a, b) => b.length - a.length);
}

function endsWith(tokens: readonly EventNameToken[], seq: readonly string[]): boolean {
  if (seq.length >= tokens.length) return false;
  const offset = tokens.length - seq.length;
  return seq.every((word, i) => tokens[offset + i]?.word === word);
}

/**
 * Splits a name and removes what is not judged: a reverse-DNS namespace, version tokens and
 * one or more of the given suffixes (as long as a word remains).
 */
export function splitName(name: string, suffixes: readonly (readonly string[])[]): SplitEventName {
  let tokens = tokenize(name);
  const namespace: string[] = [];
  const versions: string[] = [];
  const suffix: string[] = [];
  const first = tokens[0];
  const lastSegment = tokens[tokens.length - 1]?.segment ?? 0;
  if (first !== undefined && first.segment === 0 && tokens[1]?.segment === 1 && lastSegment >= 2 && reverseDnsRoots.has(first.word)) {
    const rest = tokens.filter((t) => t.segment >= 2);
    namespace.push(...tokens.filter((t) => t.segment < 2).map((t) => t.word));
    tokens = rest;
  }
  let changed = true;
  while (changed) {
    changed = false;
    const last = tokens[tokens.length - 1];
    if (last !== undefined && tokens.length > 1 && isVersionWord(last.word)) {
      versions.unshift(last.text);
      tokens = tokens.slice(0, -1);
      changed = true;
      continue;
    }
    const seq = suffixes.find((s) => endsWith(tokens, s));
    if (seq !== undefined) {
      const cut = tokens.slice(tokens.length - seq.length);
      suffix.unshift(...cut.map((t) => t.text));
      tokens = tokens.slice(0, tokens.length - seq.length);
      changed = true;
    }
  }
  const withoutVersions = tokens.filter((t) => !isVersionWord(t.word));
  if (withoutVersions.length > 0 && withoutVersions.length < tokens.length) {
    versions.unshift(...tokens.filter((t) => isVersionWord(t.word)).map((t) => t.text));
    tokens = withoutVersions;
  }
  return { words: tokens.map((t) => t.word), tokens, namespace, versions, suffix };
}
