/**
 * Word lists for the event-name tense checker. They come from general English grammar
 * (irregular-verb tables, -ed nouns, particles, prepositions, state adjectives) and from the
 * vocabulary of event and command names in general, not from any list of benchmark names.
 * Every word is lower-case; lookups are plain `Set` membership.
 */
import { irregularTable } from './lexicon-data.js';

function words(text: string): ReadonlySet<string> {
  return new Set(text.split(/\s+/u).filter((w) => w !== ''));
}

/**
 * Irregular forms that are mostly another word in identifiers (a noun, or the present of
 * another verb): never read as a past form.
 */
const irregularFormsNotPast = words(`
  bit ground wound saw bore sat ate dove spoke slew lay tore wore come become overcome run
`);

/** Past forms and participles from the table that can take a prefix (re-, un-, over-, ...). */
const prefixableExcluded = words(`bound lit led met fed won got sped bled bred fled hung dug`);

/** Same-form verbs: base, past and participle are spelled alike. */
export const sameFormVerbs: ReadonlySet<string> = words(`
  set reset read reread misread put split quit shut spread hit cut cast recast broadcast rebroadcast
  shed upset bet let sublet rid wed burst thrust shred slit outbid hurt
`);

/**
 * A same-form word after one of these is a compound noun (`CacheHit`, `ReplicaSet`), not a
 * past verb.
 */
export const sameFormNounCompounds: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['set', words(`data rule change result record field char tool skill feature key work mind tile test option
    permission replica stateful daemon sub super row column value property attribute config character instruction`)],
  ['hit', words(`cache page buffer index db database memo lookup`)],
]);

export interface IrregularVerb {
  readonly base: string;
  readonly past: readonly string[];
  readonly participle: readonly string[];
}

function parseIrregular(text: string): Map<string, IrregularVerb> {
  const byBase = new Map<string, IrregularVerb>();
  for (const line of text.split('\n')) {
    const [base, past, participle] = line.trim().split(' ');
    if (base === undefined || past === undefined || participle === undefined) continue;
    byBase.set(base, { base, past: past.split('/'), participle: participle.split('/') });
  }
  return byBase;
}

export const irregularVerbs: ReadonlyMap<string, IrregularVerb> = parseIrregular(irregularTable);

/** Irregular past forms and participles that name a completed action (not same-form). */
export const irregularPastForms: ReadonlySet<string> = (() => {
  const forms = new Set<string>();
  for (const verb of irregularVerbs.values()) {
    for (const form of [...verb.past, ...verb.participle]) {
      if (form !== verb.base && !irregularFormsNotPast.has(form) && !sameFormVerbs.has(form)) forms.add(form);
    }
  }
  // The past of "be": `PaymentWasSuccessful` reports a past state.
  forms.add('was');
  forms.add('were');
  return forms;
})();

/** Irregular participles that may carry a prefix: resent, overpaid, rebuilt, unfrozen. */
export const prefixableIrregular: ReadonlySet<string> = (() => {
  const forms = new Set<string>();
  for (const form of irregularPastForms) {
    if (form.length >= 4 && !prefixableExcluded.has(form) && form !== 'was' && form !== 'were') forms.add(form);
  }
  for (const form of ['led', 'fed', 'lit', 'met']) forms.add(form); // misled, overfed, relit
  return forms;
})();

/** Prefixes a participle may carry. */
export const participlePrefixes: readonly string[] = ['under', 'over', 'fore', 'with', 'out', 'pre', 'mis', 'un', 're', 'up'];

/** Words that look like a prefix and an irregular participle but are not past forms. */
export const prefixedFalseFriends: ReadonlySet<string> = words(`present represent relent dissent consent`);

/** Adjectives built on a participle that have no verb behind them: states, not events. */
export const adjectiveOnlyParticiples: ReadonlySet<string> = words(`
  unpaid unknown unread unseen unsold unspent untold unwritten unbroken unspoken unheard unsaid unmet unlit
  unborn unfit unsung unbound
`);

/** Words ending in -ed that are not past forms (nouns, adjectives, present tenses). */
export const edWordsNotPast: ReadonlySet<string> = words(`
  bed red shed shred sled med ted ned zed ed fred ped
  embed unembed seabed testbed hotbed flatbed roadbed sickbed deathbed flowerbed riverbed seedbed
  watershed woodshed toolshed bloodshed infrared hundred kindred hatred sacred naked wicked rugged ragged jagged
  crooked wretched beloved biped moped
`);

/** Words ending in -eed that are past forms; every other -eed word is a present or a noun. */
export const eedPastForms: ReadonlySet<string> = words(`
  freed agreed disagreed guaranteed decreed refereed emceed teed treed kneed degreed pedigreed
`);

/** Particles of phrasal verbs (`SignedUp`, `WrittenOff`) and words that may follow a verb as adverbs. */
export const particles: ReadonlySet<string> = words(`
  up down in out off on over back away through around along apart aside ahead forward behind together
`);

/** Adverbs that are not formed with -ly. */
export const plainAdverbs: ReadonlySet<string> = words(`
  again late early now twice once already just still anyway asap anew afresh overnight today yesterday later soon
  automatically ok okay also too
`);

/** Words ending in -ly that are not adverbs. */
export const lyWordsNotAdverbs: ReadonlySet<string> = words(`
  supply reply apply comply imply rely multiply family assembly anomaly rally tally ally bully belly jelly italy july
  butterfly firefly monopoly lily holly folly gully fly ply reapply resupply
`);

/** Prepositions and conjunctions that start a complement after the verb (`MovedToCart`). */
export const prepositions: ReadonlySet<string> = words(`
  to for from by with without at in on into onto via after before during within of against under over between per
  as through across toward towards upon about since until till while when because if unless despite instead beyond
  past near inside outside beside among throughout than amid versus vs
`);

/** Auxiliary verbs skipped when looking for the subject or for a future marker. */
export const auxiliaries: ReadonlySet<string> = words(`
  be been being is are am has have had having get gets gotten getting did does do was were got became become becomes
  becoming
`);

/** Markers of the future. */
export const futureMarkers: ReadonlySet<string> = words(`will shall gonna`);

/** Modal verbs: a possibility or an obligation is not a fact. */
export const modalVerbs: ReadonlySet<string> = words(`can could should would must may might`);

/** Words that never are the subject of a verb. */
export const nonSubjects: ReadonlySet<string> = words(`
  not never no non the a an this that these those pre post re un de auto self co sub mis just newly recently
  successfully also
`);

/**
 * Verbs that are nouns in front of a past form (`ListCreated`) but ask for data in front of a
 * participle and a noun (`ListCompletedOrders`, `SearchArchivedTickets`).
 */
export const queryVerbs: ReadonlySet<string> = words(`list search count find sort filter query lookup export import`);

/** Verbs that are nouns alone but verbs with a particle (`CheckOut`, `LogIn`, `TopUp`). */
export const phrasalVerbHeads: ReadonlySet<string> = words(`
  check log sign set top turn shut opt clock roll pick drop hand pay cash mark write scale sell buy back wake start
  wind follow look sort clean power lock hold stand step
`);

/** Present forms of `be` and `get`: with a participle they state a present state, not an event. */
export const presentAuxiliaries: ReadonlySet<string> = words(`is are am gets`);

/** Words that begin hook names (`BeforeOrderSave`, `postPersist`): no suggestion is made for them. */
export const hookWords: ReadonlySet<string> = words(`before after pre post on`);

/** Words that end a command name and are dropped when a command is turned into an event. */
export const commandTailWords: ReadonlySet<string> = words(`request command cmd req query`);

/** Top-level domains that start a reverse-DNS namespace (`com.acme.order.created`). */
export const reverseDnsRoots: ReadonlySet<string> = words(`
  com org net io dev co app ai cloud de uk fr nl se eu gov edu me us biz info tech
`);

/**
 * Adjectives that name a state rather than an event (`SubscriptionActive`, `InvoiceOverdue`).
 * Words that are also verbs (open, complete) get a suggestion from their verb.
 */
export const stateAdjectives: ReadonlySet<string> = words(`
  active inactive pending overdue due valid invalid available unavailable ready unready open idle busy live online
  offline empty full low high healthy unhealthy stale late early upcoming ongoing incoming outgoing complete
  incomplete partial public private visible invisible dirty clean eligible ineligible current new old red green
  yellow amber blue black white grey gray orange purple true false ok okay successful unsuccessful missing
  outstanding existing remaining alive dead asleep awake absent present nearby far free quiet silent slow fast hot
  cold warm safe unsafe secure insecure stable unstable critical normal abnormal nominal fine good bad wrong right
  correct incorrect final initial primary secondary default negative positive zero over up down on off out
  overlimit unreachable reachable ineffective effective
`);

/** Endings of nouns made from verbs (`InvoiceGeneration`, `StockMovement`). */
export const nounEndings: readonly string[] = ['tion', 'sion', 'ment', 'ance', 'ence', 'ity', 'ness', 'ure', 'age', 'ship', 'ism', 'ery', 'al'];

/** Words ending in -able/-ible that are nouns. */
export const ableNouns: ReadonlySet<string> = words(`timetable vegetable constable turntable syllable variable deliverable`);

/** Words ending in -ing that are nouns in identifiers (`BillingAddressChanged`). */
export const ingNouns: ReadonlySet<string> = words(`
  billing shipping pricing booking listing setting meeting building onboarding offboarding training hearing wedding
  ceiling morning evening thing something nothing anything everything string ring king spring wing sibling pudding
  ping heading landing parking housing funding lending banking marketing accounting hosting tracking routing mapping
  timing warning finding ranking holding opening feeling earning saving reading recording painting drawing dwelling
  lodging clothing staffing recruiting consulting licensing messaging networking gaming betting catering packaging
  branding advertising invoicing ticketing warehousing sourcing boarding offering posting outing during bedding
  herring earring lightning darling sterling viking awning seating flooring roofing plumbing wiring lighting heating
  scheduling logging caching batching polling streaming pairing filling topping icing stuffing frosting shopping
  dumpling duckling seedling sapling inkling tiling lettering rating ageing aging beijing wellbeing being
  handwriting proceeding belonging surrounding bookkeeping fulfilling thanksgiving spelling swelling clearing
`);

/**
 * Base forms of verbs common in event and command names. Irregular verbs are added from the
 * table; verbs ending in -ize, -ise or -ify are recognized by their ending.
 */
export const verbBases: ReadonlySet<string> = (() => {
  const set = new Set(
    words(`
    create update delete remove add insert upsert save store persist load fetch get post patch send receive deliver
    dispatch ship fulfil fulfill pack pick place order buy purchase sell pay charge capture authorize authorise refund
    reverse void cancel approve reject decline deny accept confirm verify validate submit request register enroll
    enrol subscribe unsubscribe resubscribe join leave invite assign unassign reassign transfer move copy clone
    merge archive unarchive restore recover change modify edit rename replace publish unpublish release deploy
    undeploy rollback start stop pause resume end finish complete fail succeed proceed exceed expire renew extend
    schedule reschedule book rebook reserve hold lock unlock block unblock freeze unfreeze suspend unsuspend
    activate deactivate reactivate enable disable open close reopen resolve escalate notify alert remind email
    message call log sign check apply calculate compute generate regenerate process reprocess handle execute run
    trigger emit raise fire queue enqueue dequeue requeue retry rotate revoke grant issue reissue provision
    deprovision install uninstall reinstall upgrade downgrade import export upload download sync synchronize
    index reindex scan rescan print reprint label relabel tag untag flag unflag mark unmark rate review comment
    reply like unlike follow unfollow share unshare view visit click search invoice bill credit debit deposit
    withdraw allocate deallocate reallocate settle reconcile adjust count measure record track report estimate
    quote bid offer draw test lint compile evaluate score grade train detect discover identify connect reconnect
    disconnect attach detach link unlink mount unmount drop truncate migrate seed feed write encrypt decrypt hash
    compress decompress expand collapse resize crop render transcode encode decode parse convert translate
    transform map route reroute redirect forward return exchange swap repair fix snooze mute unmute ban unban kick
    hide unhide show display pin unpin star unstar watch unwatch fork push pull commit tag plant harvest embed
    expand attempt abandon accrue acknowledge ack activate adopt advance age alter amend analyze annotate announce
    append archive arrive ask assess audit authenticate backfill bounce browse bump calibrate cap certify chat
    claim clear collect commence compensate compute confirm consume contact correct debit decide defer define
    delay delegate deliver deposit deprecate destroy determine dial differ disable dismiss dispute distribute
    divide downvote drain duplicate earn edit elect eliminate embed emit employ empty enter error escalate
    establish exit expire explain extract fail fetch file fill filter finalize flush fold format fulfil fund gather
    greet guarantee halt help hire host ignore impersonate implement improve include increase decrease increment
    decrement inform initialize initiate inspect instruct insure integrate interrupt invalidate invest invoice join
    kill land launch lend lift limit list listen locate log lose maintain manage match measure
    mention merge migrate mint mirror miss monitor navigate negotiate nominate note notify obtain occur offboard
    onboard open operate opt optimize own package pair park parse participate pass perform permit pick ping plan
    play poll populate predict prefer prepare present preview price prioritize process produce promote prompt
    propose protect provide publish purge qualify query question quit rank reach react reboot recalculate receive
    recommend redeem reduce refer refill refresh regenerate reject relate relay reload remind remove renew repay
    repeat replay replicate request require rescind reserve reset resolve respond restart restock restrict resume
    retain retire retract retrieve return revert review revise reward ring roll sanitize save scale schedule scrape
    select separate serve service settle shift shorten sign skip slash sort spawn specify split spin
    sponsor stage start steer stop stream submit suggest supply support surrender suspend swap switch sync
    tap terminate text throttle tip toggle top total touch trace trade transfer transition translate transmit
    trash travel trust tune turn type undo unlock unpack unsubscribe untrash update upgrade upload use vacate
    validate value vend verify vet visit vote waive wait wake walk warn waste watch wipe withdraw work wrap
    accept cook dine drive fly swim walk roll contest overdraw overpay prepay underpay repay hand
    enhance balance rebalance finance configure reconfigure ensure procure engage disengage document segment
  `),
  );
  for (const base of irregularVerbs.keys()) set.add(base);
  return set;
})();

/**
 * Verbs that are mostly nouns when they open a name (`OrderUpdated`, `ChargeRefunded`): they
 * are never read as an instruction there, and at the end of a name they are called nouns.
 */
export const nounFirstVerbs: ReadonlySet<string> = words(`
  order charge report transfer update change request review process check test build call email message post
  comment book list file log record import export upload download deposit return refund release schedule
  invoice quote bill claim bid offer match alert signal trigger lock queue link sign start stop end pause play
  vote rate price fund credit debit search view visit click scan sync patch push pull fork commit tag label issue
  access share like watch pin star flag mark print count measure track score grade plan draw hold block seed feed
  need speed reply answer contact dispatch exchange swap trade loan lease rent alarm ping touch load stream store
  stock note design model show tip top total value work form name page phone point power question rest result ring
  round rule step sort sound spot stage stamp support tour trace train trip trust turn type use voice wave wish
  estimate budget target deal shift host limit notice permit present promise reward sample service supply switch
  attempt error event transition package text data pair plant roll session job task run setup login logout
  drop quit reset cut hit split spread cast broadcast read set put shut chat hand
  deploy lead light ring spring fly sink wind bear stand fall fight spin spit stick sting string strike swing tear
  wake wear rise shoot bet break catch dream drink drive slide blow shake shine sit swell tread leave
  `);

/** Run-together phrasal nouns: `login`, `checkout`. They are nouns; no past form is suggested. */
export const phrasalNouns: ReadonlySet<string> = words(`
  login logon logout logoff signup signin signout signon checkout checkin setup payout rollout cleanup pickup
  dropoff handoff handover shutdown startup breakdown lookup markup mockup popup layout lockout takeover cutover
  failover rollover turnover makeover pushback rollback fallback feedback playback callback kickoff signoff payoff
  tradeoff timeout backup blackout dropout printout walkthrough teardown writeoff cooldown countdown lockdown
  touchdown runoff standby cashout buyout sellout checkup followup warmup pullback giveaway getaway breakout
`);

/** Verbs whose past form makes a poor suggestion at the end of a name (`ProductFeed` is not `ProductFed`). */
export const noSuggestionVerbs: ReadonlySet<string> = words(`
  order report message email call file post list book record log feed seed need speed bed data name page phone
  point power question rest result ring round rule step sort sound spot stage stamp station table term time title
  tour trip voice wave word zone job task event session note model form value work type use package text plant
  star tag pin ping star show view draw play sign hold block stock store stream lock link queue alarm touch load
  run error attempt
`);

/** Verbs with a doubled final consonant before -ed that the one-syllable rule does not catch. */
export const doublingVerbs: ReadonlySet<string> = words(`
  commit submit admit permit emit omit transmit remit acquit occur recur incur concur prefer refer confer infer
  transfer defer deter control patrol compel expel propel repel dispel excel rebel regret forget format kidnap
  equip debug unzip unpin unban uncap untag unplug unstar unwrap embed
`);

/** Regular verbs whose past form is spelled in a fixed way. */
export const regularPastOverrides: ReadonlyMap<string, string> = new Map([
  ['cancel', 'cancelled'],
  ['ack', 'acked'],
  ['panic', 'panicked'],
  ['picnic', 'picnicked'],
  ['sync', 'synced'],
  ['quiz', 'quizzed'],
]);

/** Present forms in the third person that are not a verb + s. */
export const irregularThirdPerson: ReadonlyMap<string, string> = new Map([
  ['is', 'be'],
  ['has', 'have'],
  ['does', 'do'],
  ['goes', 'go'],
]);
