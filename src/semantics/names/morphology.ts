/**
 * Word-level tests for the event-name tense checker: is a word a past form, a same-form verb,
 * a progressive, an adverb, a state adjective, a base verb; and the past form of a base verb.
 * Plain string operations only (no regular expressions), all linear in the word length.
 */
import {
  ableNouns,
  adjectiveOnlyParticiples,
  doublingVerbs,
  edWordsNotPast,
  eedPastForms,
  ingNouns,
  irregularPastForms,
  irregularThirdPerson,
  irregularVerbs,
  lyWordsNotAdverbs,
  nounEndings,
  nounFirstVerbs,
  participlePrefixes,
  particles,
  phrasalNouns,
  plainAdverbs,
  prefixableIrregular,
  prefixedFalseFriends,
  regularPastOverrides,
  sameFormVerbs,
  stateAdjectives,
  verbBases,
} from './lexicon.js';

const vowels = 'aeiou';

function isVowel(ch: string | undefined, allowY = false): boolean {
  if (ch === undefined) return false;
  return vowels.includes(ch) || (allowY && ch === 'y');
}

function hasVowel(text: string): boolean {
  for (const ch of text) if (isVowel(ch, true)) return true;
  return false;
}

/** A regular past form: ends in -ed, is not an -ed noun, and is not an -eed present. */
function isRegularPast(word: string): boolean {
  if (word.length < 4 || !word.endsWith('ed') || edWordsNotPast.has(word)) return false;
  if (word.endsWith('eed')) return eedPastForms.has(word);
  return hasVowel(word.slice(0, -2));
}

/** An irregular past form or participle, with or without a prefix (`resent`, `overpaid`). */
function isIrregularPast(word: string): boolean {
  if (irregularPastForms.has(word)) return true;
  if (prefixedFalseFriends.has(word)) return false;
  for (const prefix of participlePrefixes) {
    if (word.length > prefix.length + 2 && word.startsWith(prefix) && prefixableIrregular.has(word.slice(prefix.length))) return true;
  }
  return false;
}

/** A past form or a past participle that states a completed action. */
export function isPastForm(word: string): boolean {
  if (adjectiveOnlyParticiples.has(word)) return false;
  if (isRegularPast(word) || isIrregularPast(word)) return true;
  // A run-together phrasal form: `signedup`, `loggedin`, `timedout`.
  for (const particle of particles) {
    if (word.length >= particle.length + 4 && word.endsWith(particle)) {
      const head = word.slice(0, -particle.length);
      if (isRegularPast(head) || isIrregularPast(head)) return true;
    }
  }
  return false;
}

export function isSameForm(word: string): boolean {
  return sameFormVerbs.has(word);
}

export function isParticle(word: string): boolean {
  return particles.has(word);
}

export function isAdverb(word: string): boolean {
  if (plainAdverbs.has(word)) return true;
  return word.length >= 5 && word.endsWith('ly') && !lyWordsNotAdverbs.has(word);
}

/** A state adjective: a listed one, or one built with -able, -ible, -ful, -less or -ous. */
export function isStateAdjective(word: string): boolean {
  if (stateAdjectives.has(word) || adjectiveOnlyParticiples.has(word)) return true;
  if (word.length >= 7 && (word.endsWith('able') || word.endsWith('ible'))) return !ableNouns.has(word);
  if (word.length >= 7 && (word.endsWith('ful') || word.endsWith('less'))) return true;
  return word.length >= 7 && word.endsWith('ous');
}

/** An -ing form read as a progressive (not a noun such as `billing`, not `string`). */
export function isProgressive(word: string): boolean {
  if (word.length < 5 || !word.endsWith('ing') || ingNouns.has(word)) return false;
  return hasVowel(word.slice(0, -3));
}


/** A noun made from a verb or an adjective: -tion, -ment, -ity, … */
export function hasNounEnding(word: string): boolean {
  return word.length >= 6 && nounEndings.some((ending) => word.endsWith(ending));
}

/** A base verb: listed, or formed with -ize, -ise or -ify. */
export function isVerbBase(word: string, extraVerbs?: ReadonlyMap<string, string | undefined>): boolean {
  if (extraVerbs?.has(word) === true || verbBases.has(word)) return true;
  if (phrasalNouns.has(word)) return false;
  if (hasNounEnding(word)) return false;
  if (word.length >= 6 && (word.endsWith('ize') || word.endsWith('ify'))) return true;
  return word.length >= 8 && word.endsWith('ise') && !word.endsWith('wise') && !word.endsWith('prise') && !word.endsWith('chise');
}

export function isNounFirst(word: string): boolean {
  return nounFirstVerbs.has(word) || phrasalNouns.has(word);
}

export function isPhrasalNoun(word: string): boolean {
  return phrasalNouns.has(word);
}

/** One syllable ending in consonant-vowel-consonant (ship, plan, log): the consonant doubles. */
function doublesFinalConsonant(word: string): boolean {
  const n = word.length;
  if (n < 3) return false;
  const last = word.charAt(n - 1);
  if (isVowel(last, true) || 'wxc'.includes(last)) return false;
  if (!isVowel(word.charAt(n - 2)) || isVowel(word.charAt(n - 3), true)) return false;
  let groups = 0;
  let inGroup = false;
  for (let i = 0; i < n; i++) {
    const vowel = isVowel(word.charAt(i), i > 0);
    if (vowel && !inGroup) groups++;
    inGroup = vowel;
  }
  return groups === 1;
}

function regularPast(base: string): string {
  const override = regularPastOverrides.get(base);
  if (override !== undefined) return override;
  if (base.endsWith('e')) return `${base}d`;
  const n = base.length;
  if (base.endsWith('y') && n > 1 && !isVowel(base.charAt(n - 2))) return `${base.slice(0, -1)}ied`;
  if (doublingVerbs.has(base) || doublesFinalConsonant(base)) return `${base}${base.charAt(n - 1)}ed`;
  for (const prefix of ['un', 're']) {
    if (base.startsWith(prefix) && doublesFinalConsonant(base.slice(prefix.length))) return `${base}${base.charAt(n - 1)}ed`;
  }
  return `${base}ed`;
}

/** The participle of an irregular base, with or without a prefix (resend → resent). */
function irregularParticiple(base: string): string | undefined {
  const direct = irregularVerbs.get(base);
  if (direct !== undefined) return direct.participle[0];
  for (const prefix of participlePrefixes) {
    if (base.length > prefix.length + 1 && base.startsWith(prefix)) {
      const verb = irregularVerbs.get(base.slice(prefix.length));
      const participle = verb?.participle[0];
      if (participle !== undefined) return `${prefix}${participle}`;
    }
  }
  return undefined;
}

/** The past participle of a base verb: create → created, ship → shipped, send → sent. */
export function pastOf(base: string, extraVerbs?: ReadonlyMap<string, string | undefined>): string {
  const extra = extraVerbs?.get(base);
  if (extra !== undefined) return extra;
  return irregularParticiple(base) ?? regularPast(base);
}

/** The past form behind a progressive: placing → placed, sending → sent, breaking → broken. */
export function pastFromProgressive(word: string, extraVerbs?: ReadonlyMap<string, string | undefined>): string {
  const stem = word.slice(0, -3);
  const n = stem.length;
  const undoubled = n >= 2 && stem.charAt(n - 1) === stem.charAt(n - 2) ? stem.slice(0, -1) : undefined;
  for (const base of [stem, undoubled, `${stem}e`]) {
    if (base === undefined) continue;
    const extra = extraVerbs?.get(base);
    if (extra !== undefined) return extra;
    const participle = irregularParticiple(base);
    if (participle !== undefined) return participle;
  }
  if (stem.endsWith('ee')) return `${stem}d`;
  if (stem.endsWith('y') && n > 1 && !isVowel(stem.charAt(n - 2))) return `${stem.slice(0, -1)}ied`;
  return `${stem}ed`;
}

/** The base of a present form in the third person (exceeds → exceed, pushes → push), if it is a verb. */
export function baseOfThirdPerson(word: string, isVerb: (w: string) => boolean): string | undefined {
  const irregular = irregularThirdPerson.get(word);
  if (irregular !== undefined) return irregular;
  if (word.length < 4 || !word.endsWith('s') || word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return undefined;
  const candidates = [word.slice(0, -1)];
  if (word.endsWith('ies')) candidates.unshift(`${word.slice(0, -3)}y`);
  else if (word.endsWith('es')) candidates.push(word.slice(0, -2));
  for (const base of candidates) if (isVerb(base)) return base;
  return undefined;
}
