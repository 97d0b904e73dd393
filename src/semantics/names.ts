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
 */
import {
  auxiliaries,
  commandTailWords,
  futureMarkers,
  hookWords,
  modalVerbs,
  noSuggestionVerbs,
  nonSubjects,
  phrasalVerbHeads,
  prepositions,
  presentAuxiliaries,
  queryVerbs,
  sameFormNounCompounds,
} from './names/lexicon.js';
import {
  baseOfThirdPerson,
  hasNounEnding,
  isAdverb,
  isNounFirst,
  isParticle,
  isPastForm,
  isPhrasalNoun,
  isProgressive,
  isSameForm,
  isStateAdjective,
  isVerbBase,
  pastFromProgressive,
  pastOf,
} from './names/morphology.js';
import { compileSuffixes, splitName, tokenize, type EventNameToken, type SplitEventName } from './names/tokenize.js';

export type { EventNameToken, SplitEventName } from './names/tokenize.js';

/** Why a name is not in the past tense. */
export type TenseReason =
  | 'imperative'
  | 'progressive'
  | 'noun'
  | 'adjective'
  | 'future'
  | 'modal'
  | 'present-3sg'
  | 'participle-prefix'
  | 'same-form'
  | 'denied';

/** Why a name cannot be decided from its words alone. */
export type AmbiguityReason = 'same-form' | 'participle-noun';

export type TenseVerdict =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: TenseReason;
      /** The word the verdict is about, as written in the name. */
      readonly word: string;
      /** A short reason, e.g. `progressive 'Placing'`. */
      readonly message: string;
      /** The name in the past tense, in the same spelling style, when it can be derived safely. */
      readonly suggestion?: string;
    }
  | { readonly ok: 'ambiguous'; readonly reason: AmbiguityReason; readonly word: string; readonly message: string };

export interface TenseOptions {
  /**
   * Same-form verbs (read, set, reset, put, split, …) after a subject (`UserRead`,
   * `PasswordReset`) give an `ambiguous` verdict, which is not reported. `false` reports them
   * with the reason `same-form`. Default `true`.
   */
  readonly allowSameFormVerbs?: boolean;
  /** Accept state adjectives (`SubscriptionActive`, `InvoiceOverdue`). Default `false`. */
  readonly allowAdjectiveStates?: boolean;
  /** Accept a participle in front of a noun (`CancelledOrder`). Default `false`. */
  readonly allowParticiplePrefix?: boolean;
  /** Names (exact) or words (any case) that are accepted; an allowed word counts as a past form. */
  readonly allow?: readonly string[];
  /** Names (exact) or words (any case) that are always reported (e.g. a team's ban on `Updated`). */
  readonly deny?: readonly string[];
  /** Suffixes removed before judging. Default {@link defaultEventSuffixes}. */
  readonly suffixes?: readonly string[];
  /** More past participles, for the team's own verbs (`upserted`, `kycd`). */
  readonly extraPastParticiples?: readonly string[];
  /** More base verbs, as `base` or `base:participle` for irregular ones (`upsert`, `rebind:rebound`). */
  readonly extraVerbs?: readonly string[];
}

export const defaultEventSuffixes: readonly string[] = ['Event', 'Evt', 'IntegrationEvent', 'DomainEvent', 'Message', 'Msg', 'Notification'];

interface Compiled {
  readonly allowSameFormVerbs: boolean;
  readonly allowAdjectiveStates: boolean;
  readonly allowParticiplePrefix: boolean;
  readonly allowNames: ReadonlySet<string>;
  readonly allowWords: ReadonlySet<string>;
  readonly denyNames: ReadonlySet<string>;
  readonly denyWords: ReadonlySet<string>;
  readonly suffixes: readonly (readonly string[])[];
  readonly extraPast: ReadonlySet<string>;
  readonly extraVerbs: ReadonlyMap<string, string | undefined>;
}

function singleWord(entry: string): string | undefined {
  const tokens = tokenize(entry);
  return tokens.length === 1 ? tokens[0]?.word : undefined;
}

function compile(options: TenseOptions | undefined): Compiled {
  const allow = options?.allow ?? [];
  const deny = options?.deny ?? [];
  const wordsOf = (entries: readonly string[]): Set<string> =>
    new Set(entries.map(singleWord).filter((w): w is string => w !== undefined));
  const extraVerbs = new Map<string, string | undefined>();
  for (const entry of options?.extraVerbs ?? []) {
    const [base, participle] = entry.toLowerCase().split(':');
    if (base !== undefined && base !== '') extraVerbs.set(base, participle === '' ? undefined : participle);
  }
  return {
    allowSameFormVerbs: options?.allowSameFormVerbs ?? true,
    allowAdjectiveStates: options?.allowAdjectiveStates ?? false,
    allowParticiplePrefix: options?.allowParticiplePrefix ?? false,
    allowNames: new Set(allow),
    allowWords: wordsOf(allow),
    denyNames: new Set(deny),
    denyWords: wordsOf(deny),
    suffixes: compileSuffixes(options?.suffixes ?? defaultEventSuffixes),
    extraPast: new Set((options?.extraPastParticiples ?? []).map((w) => w.toLowerCase())),
    extraVerbs,
  };
}

const defaultCompiled = compile(undefined);

/**
 * Splits an event name into lower-case words, in any spelling, and removes a reverse-DNS
 * namespace, version tokens and the configured suffixes.
 */
export function splitEventName(name: string, options?: Pick<TenseOptions, 'suffixes'>): SplitEventName {
  const suffixes = options?.suffixes === undefined ? defaultCompiled.suffixes : compileSuffixes(options.suffixes);
  return splitName(name, suffixes);
}

const ok: TenseVerdict = { ok: true };

const reasonLabels: Readonly<Record<TenseReason | AmbiguityReason, string>> = {
  imperative: 'imperative',
  progressive: 'progressive',
  noun: 'noun',
  adjective: 'adjective',
  future: 'future',
  modal: 'modal',
  'present-3sg': 'present tense',
  'participle-prefix': 'participle before a noun',
  'participle-noun': 'participle before a noun',
  'same-form': 'same-form verb',
  denied: 'denied word',
};

function messageOf(reason: TenseReason | AmbiguityReason, word: string): string {
  return `${reasonLabels[reason]} '${word}'`;
}

function isAllUpper(text: string): boolean {
  return text.toUpperCase() === text && text.toLowerCase() !== text;
}

function applyCase(word: string, template: string, nameIsUpper: boolean): string {
  if (nameIsUpper) return word.toUpperCase();
  const first = template.charAt(0);
  if (first.toUpperCase() === first && first.toLowerCase() !== first) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

interface Item {
  readonly word: string;
  /** The token the word comes from unchanged: an acronym keeps its spelling. */
  readonly source?: EventNameToken;
}

/** One judgement: the name, its words and the options. */
class Judgement {
  private readonly tokens: readonly EventNameToken[];
  private readonly words: readonly string[];
  private readonly n: number;
  private readonly nameIsUpper: boolean;

  constructor(
    private readonly name: string,
    private readonly split: SplitEventName,
    private readonly c: Compiled,
    private readonly recheck: ((suggestion: string) => TenseVerdict) | undefined,
  ) {
    this.tokens = split.tokens;
    this.words = split.words;
    this.n = split.words.length;
    this.nameIsUpper = isAllUpper(name);
  }

  run(): TenseVerdict {
    if (this.n === 0 || this.c.allowNames.has(this.name)) return ok;
    if (this.c.denyNames.has(this.name)) return this.fail('denied', -1);
    for (let i = 0; i < this.n; i++) if (this.c.denyWords.has(this.w(i))) return this.fail('denied', i);
    let past = -1;
    let same = -1;
    for (let i = 0; i < this.n; i++) {
      if (this.isPast(i)) past = i;
      else if (this.isSameFormAt(i)) same = i;
    }
    // A same-form word before a noun is part of a noun phrase (`PasswordResetRequest`).
    if (same > past && !this.nounFollows(same)) return this.judgeSameForm(same);
    if (past >= 0) return this.judgePast(past);
    return this.classify();
  }

  // ---- words ---------------------------------------------------------------------------

  private w(i: number): string {
    return this.words[i] ?? '';
  }

  private token(i: number): EventNameToken | undefined {
    return this.tokens[i];
  }

  private segmentOf(i: number): number {
    return this.token(i)?.segment ?? -1;
  }

  private segmentStart(i: number): number {
    const segment = this.segmentOf(i);
    let start = i;
    while (start > 0 && this.segmentOf(start - 1) === segment) start--;
    return start;
  }

  private isPast(i: number): boolean {
    const word = this.w(i);
    return this.c.allowWords.has(word) || this.c.extraPast.has(word) || isPastForm(word);
  }

  private isSameFormAt(i: number): boolean {
    const word = this.w(i);
    if (!isSameForm(word)) return false;
    const before = i > 0 && this.segmentOf(i - 1) === this.segmentOf(i) ? this.w(i - 1) : undefined;
    // `CacheHit` and `ReplicaSet` are nouns, `ConfigSetUp` is not.
    if (before === undefined || isParticle(this.w(i + 1))) return true;
    return sameFormNounCompounds.get(word)?.has(before) !== true;
  }

  private isVerb(word: string): boolean {
    return isVerbBase(word, this.c.extraVerbs);
  }

  /** A verb that opens a command (`SetApprovedLoanStatus`), not a noun that happens to be a verb. */
  private isStrongVerb(word: string): boolean {
    if (isSameForm(word)) return true;
    return this.isVerb(word) && !isNounFirst(word) && !isStateAdjective(word) && !isPastForm(word);
  }

  private isSubjectWord(word: string): boolean {
    return !(
      auxiliaries.has(word) ||
      modalVerbs.has(word) ||
      futureMarkers.has(word) ||
      nonSubjects.has(word) ||
      prepositions.has(word) ||
      hookWords.has(word) ||
      isAdverb(word)
    );
  }

  /** A subject before index `v`: in its own segment, or in any segment. */
  private hasSubject(v: number, sameSegment: boolean): boolean {
    for (let j = sameSegment ? this.segmentStart(v) : 0; j < v; j++) if (this.isSubjectWord(this.w(j))) return true;
    return false;
  }

  /** The first word of the segment of `i`, after hook words and prepositions. */
  private opener(i: number): number {
    let o = this.segmentStart(i);
    while (o < i && (hookWords.has(this.w(o)) || prepositions.has(this.w(o)))) o++;
    return o;
  }

  /** Index after the particles and adverbs that follow `v`, stopping at a complement (`PutOnHold`). */
  private afterModifiers(v: number): number {
    let k = v + 1;
    while (k < this.n && !this.startsComplement(k) && (isParticle(this.w(k)) || isAdverb(this.w(k)))) k++;
    return k;
  }

  /** A noun (not a particle, adverb or complement) follows the verb at `v`. */
  private nounFollows(v: number): boolean {
    const k = this.afterModifiers(v);
    return k < this.n && !this.startsComplement(k);
  }

  /** A preposition with words after it, or `due to`. */
  private startsComplement(k: number): boolean {
    const word = this.w(k);
    if (word === 'due') return this.w(k + 1) === 'to';
    return prepositions.has(word) && k + 1 < this.n;
  }

  // ---- past forms ----------------------------------------------------------------------

  /**
   * An auxiliary chain before `v` that does not state a past fact: the future (`WillBeRenewed`,
   * `ToBeShipped`), a modal (`CanBeShipped`), the present (`IsBanned`) or a progressive
   * (`IsBeingProcessed`).
   */
  private auxiliaryBefore(v: number): TenseVerdict | undefined {
    let j = v - 1;
    let first = -1;
    let present = -1;
    let past = false;
    while (j >= 0 && (auxiliaries.has(this.w(j)) || isAdverb(this.w(j)) || this.w(j) === 'not' || this.w(j) === 'never')) {
      const word = this.w(j);
      if (auxiliaries.has(word)) {
        first = j;
        if (word === 'being' || word === 'becoming') return this.fail('progressive', j);
        if (presentAuxiliaries.has(word)) present = j;
        else if (word !== 'be') past = true;
      }
      j--;
    }
    if (first < 0) return undefined;
    if (j >= 0 && (futureMarkers.has(this.w(j)) || (this.w(j) === 'to' && this.w(j + 1) === 'be'))) return this.fail('future', j);
    if (j >= 0 && modalVerbs.has(this.w(j))) return this.fail('modal', j);
    if (present >= 0 && !past) return this.fail('present-3sg', present);
    return undefined;
  }

  private judgePast(v: number): TenseVerdict {
    const auxiliary = this.auxiliaryBefore(v);
    if (auxiliary !== undefined) return auxiliary;
    const k = this.afterModifiers(v);
    if (k >= this.n || this.startsComplement(k)) return ok;
    // A noun follows the past form.
    const o = this.opener(v);
    const opener = this.w(o);
    if (o < v && (this.isStrongVerb(opener) || (o + 1 === v && queryVerbs.has(opener)))) return this.fail('imperative', o, this.reorderCommand(o));
    if (o < v && isProgressive(opener)) return this.fail('progressive', o);
    // A participle used as an adjective, then a noun and a state: `ScheduledMaintenancePending`.
    const last = this.n - 1;
    if (last > k && isStateAdjective(this.w(last)) && !this.c.allowAdjectiveStates) return this.fail('adjective', last);
    if (last > k && isProgressive(this.w(last))) return this.fail('progressive', last);
    if (this.hasSubject(v, true)) return ok;
    if (this.hasSubject(v, false)) return this.ambiguous('participle-noun', v);
    if (this.c.allowParticiplePrefix) return ok;
    return this.fail('participle-prefix', v, this.reorderParticiple(v));
  }

  private judgeSameForm(v: number): TenseVerdict {
    const o = this.opener(v);
    if (o < v && this.isStrongVerb(this.w(o))) return this.fail('imperative', o, this.reorderCommand(o));
    if (!this.hasSubject(v, false)) return this.fail('imperative', v, this.reorderCommand(v));
    const auxiliary = this.auxiliaryBefore(v);
    if (auxiliary !== undefined) return auxiliary;
    if (!this.c.allowSameFormVerbs) return this.fail('same-form', v);
    return this.ambiguous('same-form', v);
  }

  // ---- no past form --------------------------------------------------------------------

  /** The last content word: before a trailing prepositional phrase, before the particle of a verb. */
  private lastContent(): number {
    const start = this.segmentStart(this.n - 1);
    let e = this.n - 1;
    for (let j = start + 1; j < this.n - 1; j++) {
      const word = this.w(j);
      if (prepositions.has(word) && !isParticle(word)) {
        e = j - 1;
        break;
      }
    }
    // A particle after a verb is part of it (`UserLogIn`); alone it is a state (`GameOver`).
    while (e > start && isParticle(this.w(e)) && this.isPhrasalHead(this.w(e - 1))) e--;
    return e;
  }

  /** A verb that takes the particle after it: `Log` in `LogIn`, not `Service` in `ServiceDown`. */
  private isPhrasalHead(word: string): boolean {
    return this.isVerb(word) && (!isNounFirst(word) || phrasalVerbHeads.has(word));
  }

  /** Word `e` follows a preposition of its segment (`CommentOnPullRequest`). */
  private inPrepositionalPhrase(e: number): boolean {
    for (let j = this.segmentStart(e); j < e; j++) if (prepositions.has(this.w(j))) return true;
    return false;
  }

  private isPlainNoun(word: string): boolean {
    if (isParticle(word) || prepositions.has(word)) return false;
    return !this.isVerb(word) && !isStateAdjective(word) && !isProgressive(word) && !isSameForm(word) && !isPastForm(word);
  }

  private classify(): TenseVerdict {
    const n = this.n;
    for (let i = 0; i < n - 1; i++) {
      const word = this.w(i);
      if (futureMarkers.has(word) || ((word === 'about' || word === 'going') && this.w(i + 1) === 'to' && i + 2 < n)) return this.fail('future', i);
      if (i > 0 && modalVerbs.has(word) && this.isVerb(this.w(i + 1))) return this.fail('modal', i);
    }
    const e = this.lastContent();
    const last = this.w(e);
    const o = this.opener(n - 1);
    const opener = this.w(o);
    if (o < n - 1 && this.isVerb(opener)) {
      const phrasal = isParticle(this.w(o + 1)) && o + 2 < n && !this.startsComplement(o + 2) && this.isPhrasalHead(opener);
      const object = e > o && this.isPlainNoun(last) && !hasNounEnding(last) && !last.endsWith('ing');
      if (this.isStrongVerb(opener) || phrasal || object) return this.fail('imperative', o, this.reorderCommand(o));
    }
    if (isStateAdjective(last)) {
      if (this.c.allowAdjectiveStates) return ok;
      const verb = this.isVerb(last) && !isNounFirst(last);
      return this.fail('adjective', e, verb ? this.replace(e, pastOf(last, this.c.extraVerbs)) : undefined);
    }
    if (isProgressive(last)) return this.fail('progressive', e, this.replace(e, pastFromProgressive(last, this.c.extraVerbs)));
    if (!isSameForm(last) && !isPhrasalNoun(last) && this.isVerb(last)) {
      const phrasal = e < n - 1 && isParticle(this.w(e + 1));
      const imperative = !isNounFirst(last) || phrasal;
      // A noun gets a suggestion only after a subject (`OrderUpdate`), not after an adjective (`NewOrder`).
      const before = this.w(e - 1);
      const subject = e > 0 && this.isSubjectWord(before) && !isStateAdjective(before) && !this.inPrepositionalPhrase(e);
      const suggest = phrasal || (!noSuggestionVerbs.has(last) && (imperative || subject));
      const suggestion = suggest ? this.replace(e, pastOf(last, this.c.extraVerbs)) : undefined;
      return this.fail(imperative ? 'imperative' : 'noun', e, suggestion);
    }
    for (let i = e; i > 0; i--) {
      const base = baseOfThirdPerson(this.w(i), (b) => this.isVerb(b) && !isNounFirst(b));
      if (base !== undefined) return this.fail('present-3sg', i, i === e ? this.replace(i, pastOf(base, this.c.extraVerbs)) : undefined);
    }
    if (o < e && isProgressive(opener)) return this.fail('progressive', o);
    return this.fail('noun', e);
  }

  // ---- verdicts and suggestions ---------------------------------------------------------

  private fail(reason: TenseReason, i: number, suggestion?: string): TenseVerdict {
    const word = i < 0 ? this.name : (this.token(i)?.text ?? this.name);
    const checked = suggestion === undefined ? undefined : this.checkSuggestion(suggestion);
    return checked === undefined
      ? { ok: false, reason, word, message: messageOf(reason, word) }
      : { ok: false, reason, word, message: messageOf(reason, word), suggestion: checked };
  }

  private ambiguous(reason: AmbiguityReason, i: number): TenseVerdict {
    const word = this.token(i)?.text ?? this.name;
    return { ok: 'ambiguous', reason, word, message: messageOf(reason, word) };
  }

  private checkSuggestion(suggestion: string): string | undefined {
    if (this.recheck === undefined || suggestion === this.name) return undefined;
    if (hookWords.has(this.w(0)) && this.n > 1) return undefined;
    if (this.split.suffix.length > 0 && this.n === 1) return undefined;
    const verdict = this.recheck(suggestion);
    return verdict.ok === false ? undefined : suggestion;
  }

  /** The name with word `i` replaced, in the case of the word it replaces. */
  private replace(i: number, word: string): string | undefined {
    const token = this.token(i);
    if (token === undefined) return undefined;
    return this.name.slice(0, token.start) + applyCase(word, token.text, this.nameIsUpper) + this.name.slice(token.end);
  }

  /** The name with words `from`…`n-1` replaced by `items`, keeping separators and case by position. */
  private render(from: number, items: readonly Item[]): string | undefined {
    const span = this.tokens.slice(from, this.n);
    const first = span[0];
    const second = span[1];
    const lastToken = span[span.length - 1];
    if (first === undefined || lastToken === undefined || span.some((t) => t.segment !== first.segment)) return undefined;
    const separator = second === undefined ? '' : this.name.slice(first.end, second.start);
    const parts = items.map((item, k) => {
      const template = span[Math.min(k, span.length - 1)] ?? first;
      if (item.source !== undefined && isAllUpper(item.source.text) && item.source.text.length > 1 && !this.nameIsUpper) return item.source.text;
      const templateText = isAllUpper(template.text) && template.text.length > 1 && !this.nameIsUpper ? 'Aa' : template.text;
      return applyCase(item.word, templateText, this.nameIsUpper);
    });
    return this.name.slice(0, first.start) + parts.join(separator) + this.name.slice(lastToken.end);
  }

  private item(i: number): Item {
    const source = this.token(i);
    return source === undefined ? { word: this.w(i) } : { word: this.w(i), source };
  }

  /** Index of the first preposition at or after `k` (or `n`). */
  private complementStart(k: number): number {
    let j = k;
    while (j < this.n && !this.startsComplement(j)) j++;
    return j;
  }

  /** `PlaceOrder` → `OrderPlaced`, `LogInUser` → `UserLoggedIn`, `PutItemOnHold` → `ItemPutOnHold`. */
  private reorderCommand(o: number): string | undefined {
    let k = o + 1;
    const particleItems: Item[] = [];
    while (k < this.n - 1 && isParticle(this.w(k)) && !this.startsComplement(k + 1)) particleItems.push(this.item(k++));
    const c = this.complementStart(k);
    let objectEnd = c;
    while (objectEnd - k > 1 && commandTailWords.has(this.w(objectEnd - 1))) objectEnd--;
    if (objectEnd <= k) return undefined;
    const objects: Item[] = [];
    for (let i = k; i < objectEnd; i++) objects.push(this.item(i));
    const complement: Item[] = [];
    for (let i = c; i < this.n; i++) complement.push(this.item(i));
    const verb = this.w(o);
    const past = isSameForm(verb) ? verb : pastOf(verb, this.c.extraVerbs);
    return this.render(o, [...objects, { word: past }, ...particleItems, ...complement]);
  }

  /** `CancelledOrder` → `OrderCancelled`, `attempted-login-event` → `login-attempted-event`. */
  private reorderParticiple(v: number): string | undefined {
    const start = this.segmentStart(v);
    let k = v + 1;
    while (k < this.n && isParticle(this.w(k))) k++;
    const c = this.complementStart(k);
    if (c <= k) return undefined;
    const verbItems: Item[] = [];
    for (let i = start; i < k; i++) verbItems.push(this.item(i));
    const objects: Item[] = [];
    for (let i = k; i < c; i++) {
      // `TrustedAdvisorCheckItemRefresh` holds another verb: no safe reordering.
      if (this.isStrongVerb(this.w(i))) return undefined;
      objects.push(this.item(i));
    }
    const complement: Item[] = [];
    for (let i = c; i < this.n; i++) complement.push(this.item(i));
    return this.render(start, [...objects, ...verbItems, ...complement]);
  }
}

const maxCacheSize = 10_000;

/** A judge for one set of options, with a cache of verdicts by name. */
export function createEventNameJudge(options?: TenseOptions): (name: string) => TenseVerdict {
  const compiled = options === undefined ? defaultCompiled : compile(options);
  const cache = new Map<string, TenseVerdict>();
  const recheck = (suggestion: string): TenseVerdict => new Judgement(suggestion, splitName(suggestion, compiled.suffixes), compiled, undefined).run();
  return (name) => {
    const cached = cache.get(name);
    if (cached !== undefined) return cached;
    const verdict = new Judgement(name, splitName(name, compiled.suffixes), compiled, recheck).run();
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

/** Whether a verdict is reported: only a definite "not past tense". */
export function isReported(verdict: TenseVerdict): boolean {
  return verdict.ok === false;
}
