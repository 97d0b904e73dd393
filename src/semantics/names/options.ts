/** The options of the event-name tense checker, and their compiled form. */
import { compileSuffixes, tokenize } from './tokenize.js';

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

/** {@link TenseOptions} with defaults applied and lists turned into lookups. */
export interface CompiledTenseOptions {
  readonly allowSameFormVerbs: boolean;
  readonly allowAdjectiveStates: boolean;
  readonly allowParticiplePrefix: boolean;
  readonly allowNames: ReadonlySet<string>;
  readonly allowWords: ReadonlySet<string>;
  readonly denyNames: ReadonlySet<string>;
  readonly denyWords: ReadonlySet<string>;
  readonly suffixes: readonly (readonly string[])[];
  readonly extraPastParticiples: ReadonlySet<string>;
  /** Base verb to its irregular participle, or `undefined` for a regular verb. */
  readonly extraVerbs: ReadonlyMap<string, string | undefined>;
}

/** The lower-case word of an entry that is a single word (`Updated`), else `undefined` (`OrderChanged`). */
function singleWord(entry: string): string | undefined {
  const tokens = tokenize(entry);
  return tokens.length === 1 ? tokens[0]?.word : undefined;
}

export function compileTenseOptions(options: TenseOptions | undefined): CompiledTenseOptions {
  const allow = options?.allow ?? [];
  const deny = options?.deny ?? [];
  const singleWordsOf = (entries: readonly string[]): Set<string> =>
    new Set(entries.map(singleWord).filter((word): word is string => word !== undefined));
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
    allowWords: singleWordsOf(allow),
    denyNames: new Set(deny),
    denyWords: singleWordsOf(deny),
    suffixes: compileSuffixes(options?.suffixes ?? defaultEventSuffixes),
    extraPastParticiples: new Set((options?.extraPastParticiples ?? []).map((word) => word.toLowerCase())),
    extraVerbs,
  };
}

export const defaultCompiledTenseOptions: CompiledTenseOptions = compileTenseOptions(undefined);
