/**
 * The name rewritten in the past tense, in the spelling of the original: one word replaced
 * (`OrderPlacing` → `OrderPlaced`), a command turned into a fact (`PlaceOrder` → `OrderPlaced`)
 * or a participle moved behind its noun (`CancelledOrder` → `OrderCancelled`).
 */
import { commandTailWords } from './lexicon.js';
import { isParticle, isSameForm, pastOf } from './morphology.js';
import type { NameWords } from './name-words.js';
import type { EventNameToken } from './tokenize.js';

/** A word of a suggestion. */
interface SuggestedWord {
  readonly word: string;
  /** The token the word comes from unchanged: an acronym keeps its spelling. */
  readonly source?: EventNameToken;
}

export function isAllUpper(text: string): boolean {
  return text.toUpperCase() === text && text.toLowerCase() !== text;
}

/** `word` in the case of `template`: upper case in an upper-case name, else capitalised like the template. */
function applyCase(word: string, template: string, nameIsUpper: boolean): string {
  if (nameIsUpper) return word.toUpperCase();
  const first = template.charAt(0);
  if (first.toUpperCase() === first && first.toLowerCase() !== first) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

/** The name with word `index` replaced, in the case of the word it replaces. */
export function replaceWord(words: NameWords, index: number, word: string): string | undefined {
  const token = words.tokenAt(index);
  if (token === undefined) return undefined;
  return words.name.slice(0, token.start) + applyCase(word, token.text, isAllUpper(words.name)) + words.name.slice(token.end);
}

/** The name with the words from `from` to the end replaced by `replacement`, keeping separators and case by position. */
function render(words: NameWords, from: number, replacement: readonly SuggestedWord[]): string | undefined {
  const name = words.name;
  const nameIsUpper = isAllUpper(name);
  const span = words.tokens.slice(from, words.wordCount);
  const first = span[0];
  const second = span[1];
  const lastToken = span[span.length - 1];
  if (first === undefined || lastToken === undefined || span.some((token) => token.segment !== first.segment)) return undefined;
  const separator = second === undefined ? '' : name.slice(first.end, second.start);
  const parts = replacement.map((suggested, position) => {
    const template = span[Math.min(position, span.length - 1)] ?? first;
    if (suggested.source !== undefined && isAllUpper(suggested.source.text) && suggested.source.text.length > 1 && !nameIsUpper) return suggested.source.text;
    const templateText = isAllUpper(template.text) && template.text.length > 1 && !nameIsUpper ? 'Aa' : template.text;
    return applyCase(suggested.word, templateText, nameIsUpper);
  });
  return name.slice(0, first.start) + parts.join(separator) + name.slice(lastToken.end);
}

function suggestedWordAt(words: NameWords, index: number): SuggestedWord {
  const source = words.tokenAt(index);
  return source === undefined ? { word: words.wordAt(index) } : { word: words.wordAt(index), source };
}

function suggestedWordsBetween(words: NameWords, from: number, to: number): SuggestedWord[] {
  const suggested: SuggestedWord[] = [];
  for (let index = from; index < to; index++) suggested.push(suggestedWordAt(words, index));
  return suggested;
}

/** `PlaceOrder` → `OrderPlaced`, `LogInUser` → `UserLoggedIn`, `PutItemOnHold` → `ItemPutOnHold`. */
export function reorderCommand(words: NameWords, verbIndex: number): string | undefined {
  let objectStart = verbIndex + 1;
  const particles: SuggestedWord[] = [];
  while (objectStart < words.wordCount - 1 && isParticle(words.wordAt(objectStart)) && !words.startsComplement(objectStart + 1)) {
    particles.push(suggestedWordAt(words, objectStart++));
  }
  const complementStart = words.complementStart(objectStart);
  let objectEnd = complementStart;
  while (objectEnd - objectStart > 1 && commandTailWords.has(words.wordAt(objectEnd - 1))) objectEnd--;
  if (objectEnd <= objectStart) return undefined;
  const objects = suggestedWordsBetween(words, objectStart, objectEnd);
  const complement = suggestedWordsBetween(words, complementStart, words.wordCount);
  const verb = words.wordAt(verbIndex);
  const past = isSameForm(verb) ? verb : pastOf(verb, words.options.extraVerbs);
  return render(words, verbIndex, [...objects, { word: past }, ...particles, ...complement]);
}

/** `CancelledOrder` → `OrderCancelled`, `attempted-login-event` → `login-attempted-event`. */
export function reorderParticiple(words: NameWords, participleIndex: number): string | undefined {
  const start = words.segmentStart(participleIndex);
  let objectStart = participleIndex + 1;
  while (objectStart < words.wordCount && isParticle(words.wordAt(objectStart))) objectStart++;
  const complementStart = words.complementStart(objectStart);
  if (complementStart <= objectStart) return undefined;
  const verbWords = suggestedWordsBetween(words, start, objectStart);
  const objects: SuggestedWord[] = [];
  for (let index = objectStart; index < complementStart; index++) {
    // `TrustedAdvisorCheckItemRefresh` holds another verb: no safe reordering.
    if (words.isStrongVerb(words.wordAt(index))) return undefined;
    objects.push(suggestedWordAt(words, index));
  }
  const complement = suggestedWordsBetween(words, complementStart, words.wordCount);
  return render(words, start, [...objects, ...verbWords, ...complement]);
}
