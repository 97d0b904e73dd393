/**
 * One judgement of one event name: finds the last past form and checks what surrounds it, or,
 * without a past form, says what the name is instead (an imperative, a noun, a progressive, …).
 */
import { auxiliaries, futureMarkers, hookWords, modalVerbs, noSuggestionVerbs, presentAuxiliaries, queryVerbs } from './lexicon.js';
import { baseOfThirdPerson, hasNounEnding, isAdverb, isNounFirst, isParticle, isPhrasalNoun, isProgressive, isSameForm, isStateAdjective, pastFromProgressive, pastOf } from './morphology.js';
import { NameWords } from './name-words.js';
import type { CompiledTenseOptions } from './options.js';
import { reorderCommand, reorderParticiple, replaceWord } from './suggestions.js';
import type { SplitEventName } from './tokenize.js';
import { messageOf, pastTenseVerdict, type AmbiguityReason, type TenseReason, type TenseVerdict } from './verdict.js';

/** One judgement: the name, its words and the options. */
export class Judgement {
  private readonly words: NameWords;
  private readonly name: string;
  private readonly options: CompiledTenseOptions;

  constructor(
    name: string,
    private readonly split: SplitEventName,
    options: CompiledTenseOptions,
    /** Judges a suggestion, which is only offered when it is not itself reported; `undefined` offers none. */
    private readonly judgeSuggestion: ((suggestion: string) => TenseVerdict) | undefined,
  ) {
    this.words = new NameWords(name, split, options);
    this.name = name;
    this.options = options;
  }

  verdict(): TenseVerdict {
    const words = this.words;
    const wordCount = words.wordCount;
    if (wordCount === 0 || this.options.allowNames.has(this.name)) return pastTenseVerdict;
    if (this.options.denyNames.has(this.name)) return this.notPast('denied', -1);
    for (let index = 0; index < wordCount; index++) if (this.options.denyWords.has(words.wordAt(index))) return this.notPast('denied', index);
    let lastPast = -1;
    let lastSameForm = -1;
    for (let index = 0; index < wordCount; index++) {
      if (words.isPastAt(index)) lastPast = index;
      else if (words.isSameFormAt(index)) lastSameForm = index;
    }
    // A same-form word before a noun is part of a noun phrase (`PasswordResetRequest`).
    if (lastSameForm > lastPast && !words.nounFollows(lastSameForm)) return this.judgeSameForm(lastSameForm);
    if (lastPast >= 0) return this.judgePast(lastPast);
    return this.judgeWithoutPastForm();
  }

  // ---- past forms ----------------------------------------------------------------------

  /**
   * An auxiliary chain before `verbIndex` that does not state a past fact: the future
   * (`WillBeRenewed`, `ToBeShipped`), a modal (`CanBeShipped`), the present (`IsBanned`) or a
   * progressive (`IsBeingProcessed`).
   */
  private auxiliaryBefore(verbIndex: number): TenseVerdict | undefined {
    const words = this.words;
    let index = verbIndex - 1;
    let firstAuxiliary = -1;
    let presentAuxiliary = -1;
    let pastAuxiliary = false;
    while (index >= 0 && (auxiliaries.has(words.wordAt(index)) || isAdverb(words.wordAt(index)) || words.wordAt(index) === 'not' || words.wordAt(index) === 'never')) {
      const word = words.wordAt(index);
      if (auxiliaries.has(word)) {
        firstAuxiliary = index;
        if (word === 'being' || word === 'becoming') return this.notPast('progressive', index);
        if (presentAuxiliaries.has(word)) presentAuxiliary = index;
        else if (word !== 'be') pastAuxiliary = true;
      }
      index--;
    }
    if (firstAuxiliary < 0) return undefined;
    const before = words.wordAt(index);
    if (index >= 0 && (futureMarkers.has(before) || (before === 'to' && words.wordAt(index + 1) === 'be'))) return this.notPast('future', index);
    if (index >= 0 && modalVerbs.has(before)) return this.notPast('modal', index);
    if (presentAuxiliary >= 0 && !pastAuxiliary) return this.notPast('present-3sg', presentAuxiliary);
    return undefined;
  }

  private judgePast(pastIndex: number): TenseVerdict {
    const words = this.words;
    const auxiliary = this.auxiliaryBefore(pastIndex);
    if (auxiliary !== undefined) return auxiliary;
    const afterModifiers = words.afterModifiers(pastIndex);
    if (afterModifiers >= words.wordCount || words.startsComplement(afterModifiers)) return pastTenseVerdict;
    // A noun follows the past form.
    const openerIndex = words.openerIndex(pastIndex);
    const opener = words.wordAt(openerIndex);
    if (openerIndex < pastIndex && (words.isStrongVerb(opener) || (openerIndex + 1 === pastIndex && queryVerbs.has(opener)))) {
      return this.notPast('imperative', openerIndex, reorderCommand(words, openerIndex));
    }
    if (openerIndex < pastIndex && isProgressive(opener)) return this.notPast('progressive', openerIndex);
    // A participle used as an adjective, then a noun and a state: `ScheduledMaintenancePending`.
    const lastIndex = words.wordCount - 1;
    if (lastIndex > afterModifiers && isStateAdjective(words.wordAt(lastIndex)) && !this.options.allowAdjectiveStates) return this.notPast('adjective', lastIndex);
    if (lastIndex > afterModifiers && isProgressive(words.wordAt(lastIndex))) return this.notPast('progressive', lastIndex);
    if (words.hasSubject(pastIndex, true)) return pastTenseVerdict;
    if (words.hasSubject(pastIndex, false)) return this.ambiguous('participle-noun', pastIndex);
    if (this.options.allowParticiplePrefix) return pastTenseVerdict;
    return this.notPast('participle-prefix', pastIndex, reorderParticiple(words, pastIndex));
  }

  private judgeSameForm(verbIndex: number): TenseVerdict {
    const words = this.words;
    const openerIndex = words.openerIndex(verbIndex);
    if (openerIndex < verbIndex && words.isStrongVerb(words.wordAt(openerIndex))) return this.notPast('imperative', openerIndex, reorderCommand(words, openerIndex));
    if (!words.hasSubject(verbIndex, false)) return this.notPast('imperative', verbIndex, reorderCommand(words, verbIndex));
    const auxiliary = this.auxiliaryBefore(verbIndex);
    if (auxiliary !== undefined) return auxiliary;
    if (!this.options.allowSameFormVerbs) return this.notPast('same-form', verbIndex);
    return this.ambiguous('same-form', verbIndex);
  }

  // ---- no past form --------------------------------------------------------------------

  /** The future (`TrialWillExpire`, `TrialAboutToExpire`) or a modal before a verb (`OrderCanShip`). */
  private futureOrModal(): TenseVerdict | undefined {
    const words = this.words;
    const wordCount = words.wordCount;
    for (let index = 0; index < wordCount - 1; index++) {
      const word = words.wordAt(index);
      const next = words.wordAt(index + 1);
      if (futureMarkers.has(word) || ((word === 'about' || word === 'going') && next === 'to' && index + 2 < wordCount)) return this.notPast('future', index);
      if (index > 0 && modalVerbs.has(word) && words.isVerb(next)) return this.notPast('modal', index);
    }
    return undefined;
  }

  private judgeWithoutPastForm(): TenseVerdict {
    const words = this.words;
    const wordCount = words.wordCount;
    const futureOrModal = this.futureOrModal();
    if (futureOrModal !== undefined) return futureOrModal;
    const lastIndex = words.lastContentIndex();
    const last = words.wordAt(lastIndex);
    const openerIndex = words.openerIndex(wordCount - 1);
    const opener = words.wordAt(openerIndex);
    if (openerIndex < wordCount - 1 && words.isVerb(opener)) {
      const phrasal = isParticle(words.wordAt(openerIndex + 1)) && openerIndex + 2 < wordCount && !words.startsComplement(openerIndex + 2) && words.isPhrasalHead(opener);
      const object = lastIndex > openerIndex && words.isPlainNoun(last) && !hasNounEnding(last) && !last.endsWith('ing');
      if (words.isStrongVerb(opener) || phrasal || object) return this.notPast('imperative', openerIndex, reorderCommand(words, openerIndex));
    }
    const lastWordVerdict = this.judgeLastWord(lastIndex);
    if (lastWordVerdict !== undefined) return lastWordVerdict;
    for (let index = lastIndex; index > 0; index--) {
      const base = baseOfThirdPerson(words.wordAt(index), (candidate) => words.isVerb(candidate) && !isNounFirst(candidate));
      if (base !== undefined) {
        return this.notPast('present-3sg', index, index === lastIndex ? replaceWord(words, index, pastOf(base, this.options.extraVerbs)) : undefined);
      }
    }
    if (openerIndex < lastIndex && isProgressive(opener)) return this.notPast('progressive', openerIndex);
    return this.notPast('noun', lastIndex);
  }

  /** The last content word as a state adjective, a progressive, or a verb (an imperative or a noun). */
  private judgeLastWord(lastIndex: number): TenseVerdict | undefined {
    const words = this.words;
    const last = words.wordAt(lastIndex);
    const extraVerbs = this.options.extraVerbs;
    if (isStateAdjective(last)) {
      if (this.options.allowAdjectiveStates) return pastTenseVerdict;
      const verb = words.isVerb(last) && !isNounFirst(last);
      return this.notPast('adjective', lastIndex, verb ? replaceWord(words, lastIndex, pastOf(last, extraVerbs)) : undefined);
    }
    if (isProgressive(last)) return this.notPast('progressive', lastIndex, replaceWord(words, lastIndex, pastFromProgressive(last, extraVerbs)));
    if (isSameForm(last) || isPhrasalNoun(last) || !words.isVerb(last)) return undefined;
    const phrasal = lastIndex < words.wordCount - 1 && isParticle(words.wordAt(lastIndex + 1));
    const imperative = !isNounFirst(last) || phrasal;
    // A noun gets a suggestion only after a subject (`OrderUpdate`), not after an adjective (`NewOrder`).
    const before = words.wordAt(lastIndex - 1);
    const afterSubject = lastIndex > 0 && words.isSubjectWord(before) && !isStateAdjective(before) && !words.inPrepositionalPhrase(lastIndex);
    const suggest = phrasal || (!noSuggestionVerbs.has(last) && (imperative || afterSubject));
    const suggestion = suggest ? replaceWord(words, lastIndex, pastOf(last, extraVerbs)) : undefined;
    return this.notPast(imperative ? 'imperative' : 'noun', lastIndex, suggestion);
  }

  // ---- verdicts ------------------------------------------------------------------------

  /** The name is not in the past tense because of word `index` (`-1`: the whole name). */
  private notPast(reason: TenseReason, index: number, suggestion?: string): TenseVerdict {
    const word = index < 0 ? this.name : (this.words.tokenAt(index)?.text ?? this.name);
    const accepted = suggestion === undefined ? undefined : this.acceptedSuggestion(suggestion);
    return accepted === undefined
      ? { ok: false, reason, word, message: messageOf(reason, word) }
      : { ok: false, reason, word, message: messageOf(reason, word), suggestion: accepted };
  }

  private ambiguous(reason: AmbiguityReason, index: number): TenseVerdict {
    const word = this.words.tokenAt(index)?.text ?? this.name;
    return { ok: 'ambiguous', reason, word, message: messageOf(reason, word) };
  }

  /** The suggestion, when it is safe to offer: a different name that is not itself reported. */
  private acceptedSuggestion(suggestion: string): string | undefined {
    if (this.judgeSuggestion === undefined || suggestion === this.name) return undefined;
    if (hookWords.has(this.words.wordAt(0)) && this.words.wordCount > 1) return undefined;
    if (this.split.suffix.length > 0 && this.words.wordCount === 1) return undefined;
    const verdict = this.judgeSuggestion(suggestion);
    return verdict.ok === false ? undefined : suggestion;
  }
}
