/**
 * Is an event name in the past tense? A rule-based checker for the `event-name-past-tense`
 * rule: word lists (irregular verbs, -ed nouns, particles, prepositions, state adjectives) and
 * structure rules, no NLP dependency, linear in the length of the name.
 *
 * The structure rule: after removing a namespace, versions and suffixes (`Event`,
 * `IntegrationEvent`, …), find the last past form. The name states a fact when that past form
 * ends it, or is followed only by particles and adverbs (`SignedUp`, `CapturedSuccessfully`),
 * by a prepositional complement (`MovedToCart`), or by an object after a subject
 * (`DriverCollectedParcel`). Otherwise the checker says why the name is not a fact: an
 * imperative, a progressive, a noun, a state adjective, the future, a present tense, or a
 * participle in front of a noun (`CancelledOrder`).
 *
 * Modules: `tokenize` (words of a name), `lexicon` and `lexicon-data` (word lists),
 * `morphology` (word forms), `name-words` (the words of one name and their grammar),
 * `judgement` (the verdict), `suggestions` (the name rewritten in the past tense), `options`
 * and `verdict`.
 */
import { Judgement } from './judgement.js';
import { compileTenseOptions, defaultCompiledTenseOptions, type TenseOptions } from './options.js';
import { compileSuffixes, splitName, type SplitEventName } from './tokenize.js';
import type { TenseVerdict } from './verdict.js';

export type { EventNameToken, SplitEventName } from './tokenize.js';
export { defaultEventSuffixes, type TenseOptions } from './options.js';
export { isReported, type AmbiguityReason, type TenseReason, type TenseVerdict } from './verdict.js';

/**
 * Splits an event name into lower-case words, in any spelling, and removes a reverse-DNS
 * namespace, version tokens and the configured suffixes.
 */
export function splitEventName(name: string, options?: Pick<TenseOptions, 'suffixes'>): SplitEventName {
  const suffixes = options?.suffixes === undefined ? defaultCompiledTenseOptions.suffixes : compileSuffixes(options.suffixes);
  return splitName(name, suffixes);
}

const maxCacheSize = 10_000;

/** A judge for one set of options, with a cache of verdicts by name. */
export function createEventNameJudge(options?: TenseOptions): (name: string) => TenseVerdict {
  const compiled = options === undefined ? defaultCompiledTenseOptions : compileTenseOptions(options);
  const cache = new Map<string, TenseVerdict>();
  const recheck = (suggestion: string): TenseVerdict => new Judgement(suggestion, splitName(suggestion, compiled.suffixes), compiled, undefined).verdict();
  return (name) => {
    const cached = cache.get(name);
    if (cached !== undefined) return cached;
    const verdict = new Judgement(name, splitName(name, compiled.suffixes), compiled, recheck).verdict();
    if (cache.size >= maxCacheSize) cache.clear();
    cache.set(name, verdict);
    return verdict;
  };
}

const judges = new WeakMap<TenseOptions, (name: string) => TenseVerdict>();
const defaultJudge = createEventNameJudge();

/**
 * Judges whether an event name states a completed fact (past tense). `ok: false` verdicts are
 * the ones to report; `ambiguous` ones are not reported (see `allowSameFormVerbs`).
 */
export function judgeEventName(name: string, options?: TenseOptions): TenseVerdict {
  if (options === undefined) return defaultJudge(name);
  let judge = judges.get(options);
  if (judge === undefined) {
    judge = createEventNameJudge(options);
    judges.set(options, judge);
  }
  return judge(name);
}
