/** The verdicts of the event-name tense checker, and their messages. */

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

/** The verdict for a name that states a completed fact. */
export const pastTenseVerdict: TenseVerdict = { ok: true };

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

/** `progressive 'Placing'`: the reason and the word as written. */
export function messageOf(reason: TenseReason | AmbiguityReason, word: string): string {
  return `${reasonLabels[reason]} '${word}'`;
}

/** Whether a verdict is reported: only a definite "not past tense". */
export function isReported(verdict: TenseVerdict): boolean {
  return verdict.ok === false;
}
