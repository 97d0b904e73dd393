/**
 * The words of one event name and the grammar questions the judgement and the suggestions ask
 * about them: where a segment starts, which word opens it, whether a word is a past form, a
 * verb, a subject, whether a complement or a noun follows.
 */
import { auxiliaries, futureMarkers, hookWords, modalVerbs, nonSubjects, phrasalVerbHeads, prepositions, sameFormNounCompounds } from './lexicon.js';
import { isAdverb, isNounFirst, isParticle, isPastForm, isProgressive, isSameForm, isStateAdjective, isVerbBase } from './morphology.js';
import type { CompiledTenseOptions } from './options.js';
import type { EventNameToken, SplitEventName } from './tokenize.js';

export class NameWords {
  readonly tokens: readonly EventNameToken[];
  readonly words: readonly string[];
  readonly wordCount: number;

  constructor(
    /** The name as written. */
    readonly name: string,
    readonly split: SplitEventName,
    readonly options: CompiledTenseOptions,
  ) {
    this.tokens = split.tokens;
    this.words = split.words;
    this.wordCount = split.words.length;
  }

  /** The lower-case word at `index`, or `''` outside the name. */
  wordAt(index: number): string {
    return this.words[index] ?? '';
  }

  tokenAt(index: number): EventNameToken | undefined {
    return this.tokens[index];
  }

  segmentOf(index: number): number {
    return this.tokenAt(index)?.segment ?? -1;
  }

  /** Index of the first word in the segment of word `index`. */
  segmentStart(index: number): number {
    const segment = this.segmentOf(index);
    let start = index;
    while (start > 0 && this.segmentOf(start - 1) === segment) start--;
    return start;
  }

  isPastAt(index: number): boolean {
    const word = this.wordAt(index);
    return this.options.allowWords.has(word) || this.options.extraPastParticiples.has(word) || isPastForm(word);
  }

  isSameFormAt(index: number): boolean {
    const word = this.wordAt(index);
    if (!isSameForm(word)) return false;
    const before = index > 0 && this.segmentOf(index - 1) === this.segmentOf(index) ? this.wordAt(index - 1) : undefined;
    // `CacheHit` and `ReplicaSet` are nouns, `ConfigSetUp` is not.
    if (before === undefined || isParticle(this.wordAt(index + 1))) return true;
    return sameFormNounCompounds.get(word)?.has(before) !== true;
  }

  isVerb(word: string): boolean {
    return isVerbBase(word, this.options.extraVerbs);
  }

  /** A verb that opens a command (`SetApprovedLoanStatus`), not a noun that happens to be a verb. */
  isStrongVerb(word: string): boolean {
    if (isSameForm(word)) return true;
    return this.isVerb(word) && !isNounFirst(word) && !isStateAdjective(word) && !isPastForm(word);
  }

  isSubjectWord(word: string): boolean {
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

  /** A subject before the verb at `verbIndex`: in its own segment, or in any segment. */
  hasSubject(verbIndex: number, sameSegment: boolean): boolean {
    for (let index = sameSegment ? this.segmentStart(verbIndex) : 0; index < verbIndex; index++) {
      if (this.isSubjectWord(this.wordAt(index))) return true;
    }
    return false;
  }

  /** Index of the first word of the segment of word `index`, after hook words and prepositions. */
  openerIndex(index: number): number {
    let opener = this.segmentStart(index);
    while (opener < index && (hookWords.has(this.wordAt(opener)) || prepositions.has(this.wordAt(opener)))) opener++;
    return opener;
  }

  /** Index after the particles and adverbs that follow `verbIndex`, stopping at a complement (`PutOnHold`). */
  afterModifiers(verbIndex: number): number {
    let index = verbIndex + 1;
    while (index < this.wordCount && !this.startsComplement(index) && (isParticle(this.wordAt(index)) || isAdverb(this.wordAt(index)))) index++;
    return index;
  }

  /** A noun (not a particle, adverb or complement) follows the verb at `verbIndex`. */
  nounFollows(verbIndex: number): boolean {
    const index = this.afterModifiers(verbIndex);
    return index < this.wordCount && !this.startsComplement(index);
  }

  /** Word `index` is a preposition with words after it, or `due to`. */
  startsComplement(index: number): boolean {
    const word = this.wordAt(index);
    if (word === 'due') return this.wordAt(index + 1) === 'to';
    return prepositions.has(word) && index + 1 < this.wordCount;
  }

  /** Index of the first preposition at or after `index` (or the word count). */
  complementStart(index: number): number {
    let start = index;
    while (start < this.wordCount && !this.startsComplement(start)) start++;
    return start;
  }

  /** Index of the last content word: before a trailing prepositional phrase, before the particle of a verb. */
  lastContentIndex(): number {
    const start = this.segmentStart(this.wordCount - 1);
    let last = this.wordCount - 1;
    for (let index = start + 1; index < this.wordCount - 1; index++) {
      const word = this.wordAt(index);
      if (prepositions.has(word) && !isParticle(word)) {
        last = index - 1;
        break;
      }
    }
    // A particle after a verb is part of it (`UserLogIn`); alone it is a state (`GameOver`).
    while (last > start && isParticle(this.wordAt(last)) && this.isPhrasalHead(this.wordAt(last - 1))) last--;
    return last;
  }

  /** A verb that takes the particle after it: `Log` in `LogIn`, not `Service` in `ServiceDown`. */
  isPhrasalHead(word: string): boolean {
    return this.isVerb(word) && (!isNounFirst(word) || phrasalVerbHeads.has(word));
  }

  /** Word `index` follows a preposition of its segment (`CommentOnPullRequest`). */
  inPrepositionalPhrase(index: number): boolean {
    for (let before = this.segmentStart(index); before < index; before++) if (prepositions.has(this.wordAt(before))) return true;
    return false;
  }

  isPlainNoun(word: string): boolean {
    if (isParticle(word) || prepositions.has(word)) return false;
    return !this.isVerb(word) && !isStateAdjective(word) && !isProgressive(word) && !isSameForm(word) && !isPastForm(word);
  }
}
