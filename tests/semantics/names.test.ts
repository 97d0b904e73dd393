import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEventNameJudge, isReported, judgeEventName, splitEventName, type TenseOptions, type TenseVerdict } from '../../src/semantics/names/index.js';

// ---- evaluation on the public labelled set -------------------------------------------------

interface Row {
  readonly name: string;
  readonly label: 'event-ok' | 'event-bad' | 'command' | 'ambiguous';
  readonly note: string;
}

function readRows(): Row[] {
  const text = readFileSync(new URL('../data/public-event-names.tsv', import.meta.url), 'utf8');
  const [header, ...lines] = text.split('\n').filter((line) => line.trim() !== '');
  expect(header?.split('\t')).toEqual(['name', 'label', 'source', 'note']);
  return lines.map((line) => {
    const [name = '', label = '', , note = ''] = line.split('\t');
    expect(['event-ok', 'event-bad', 'command', 'ambiguous']).toContain(label);
    return { name, label: label as Row['label'], note };
  });
}

interface Scores {
  readonly precision: number;
  readonly recall: number;
  readonly table: string;
  readonly falsePositives: string[];
}

/** Precision and recall of the checker on some rows: event-bad and command are positives, ambiguous rows are left out. */
function score(title: string, rows: readonly Row[]): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  let ambiguous = 0;
  let ambiguousFlagged = 0;
  const falsePositives: string[] = [];
  const falseNegatives: string[] = [];
  for (const row of rows) {
    const verdict = judgeEventName(row.name);
    const flagged = isReported(verdict);
    if (row.label === 'ambiguous') {
      ambiguous++;
      if (flagged) ambiguousFlagged++;
      continue;
    }
    const positive = row.label !== 'event-ok';
    if (positive && flagged) tp++;
    else if (positive) {
      fn++;
      falseNegatives.push(`${row.name} (${row.label}, ${row.note}): ${JSON.stringify(verdict)}`);
    } else if (flagged) {
      fp++;
      falsePositives.push(`${row.name} (${row.note}): ${verdict.ok === false ? verdict.message : ''}`);
    } else tn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const accuracy = (tp + tn) / (tp + tn + fp + fn);
  const pct = (x: number): string => (100 * x).toFixed(1);
  const table = [
    `| ${title} | ${rows.length} | ${pct(precision)} | ${pct(recall)} | ${pct(f1)} | ${pct(accuracy)} | ${tp}/${fp}/${fn}/${tn} | ${ambiguousFlagged}/${ambiguous} |`,
    `  false positives (${fp}): ${falsePositives.length === 0 ? 'none' : falsePositives.join('; ')}`,
    `  false negatives (${fn}): ${falseNegatives.length === 0 ? 'none' : falseNegatives.join('; ')}`,
  ].join('\n');
  return { precision, recall, table, falsePositives };
}

/**
 * The public set is split deterministically by position among the data rows (header left out):
 * rows 0, 2, 4, … are the tuning half, the half the word lists and rules may be adjusted
 * against; rows 1, 3, 5, … are the held-out half, not to be tuned against. The thresholds
 * hold on the held-out half by itself and on the whole set. Timing is measured by the
 * benchmark, not here.
 */
describe('judgeEventName: evaluation on tests/data/public-event-names.tsv', () => {
  it('flags event-bad and command names and keeps event-ok names, on the held-out half and on the whole set', () => {
    const rows = readRows();
    const tuning = rows.filter((_, index) => index % 2 === 0);
    const heldOut = rows.filter((_, index) => index % 2 === 1);
    const whole = score('all', rows);
    const heldOutScores = score('held-out (odd rows)', heldOut);
    console.log(
      [
        '',
        'event-name-past-tense: public set (tests/data/public-event-names.tsv)',
        '| half | names | precision | recall | F1 | accuracy | TP/FP/FN/TN | ambiguous flagged |',
        '|---|---|---|---|---|---|---|---|',
        score('tuning (even rows)', tuning).table,
        heldOutScores.table,
        whole.table,
        '',
      ].join('\n'),
    );

    expect(heldOutScores.precision).toBeGreaterThanOrEqual(0.95);
    expect(heldOutScores.recall).toBeGreaterThanOrEqual(0.85);
    expect(heldOutScores.falsePositives).toEqual([]);
    expect(whole.precision).toBeGreaterThanOrEqual(0.95);
    expect(whole.recall).toBeGreaterThanOrEqual(0.85);
    expect(whole.falsePositives).toEqual([]);
  });
});

// ---- tokenizing ------------------------------------------------------------------------------

describe('splitEventName', () => {
  it('splits every spelling into lower-case words', () => {
    const cases: readonly (readonly [string, readonly string[]])[] = [
      ['OrderPlaced', ['order', 'placed']],
      ['orderPlaced', ['order', 'placed']],
      ['order_placed', ['order', 'placed']],
      ['order-placed', ['order', 'placed']],
      ['ORDER_PLACED', ['order', 'placed']],
      ['order.placed', ['order', 'placed']],
      ['orders/refunded', ['orders', 'refunded']],
      ['ticket:created', ['ticket', 'created']],
      ['Order Placed', ['order', 'placed']],
      ['invoice.payment_succeeded', ['invoice', 'payment', 'succeeded']],
      ['com.acme.order.created', ['order', 'created']],
      ['HTTPRequestFailed', ['http', 'request', 'failed']],
      ['SMSSent', ['sms', 'sent']],
      ['URLsUpdated', ['urls', 'updated']],
      ['MessageACKed', ['message', 'acked']],
      ['EC2InstanceLaunched', ['ec2', 'instance', 'launched']],
      ['S3ObjectCreated', ['s3', 'object', 'created']],
      ['EC2 Instance State-change Notification', ['ec2', 'instance', 'state', 'change']],
      ['Illuminate\\Auth\\Events\\Registered', ['illuminate', 'auth', 'events', 'registered']],
      ['zen:event-type:ticket.created', ['zen', 'event', 'type', 'ticket', 'created']],
    ];
    for (const [name, words] of cases) expect(splitEventName(name).words, name).toEqual(words);
  });

  it('removes versions and suffixes, and keeps what it removed', () => {
    expect(splitEventName('OrderPlacedV2')).toMatchObject({ words: ['order', 'placed'], versions: ['V2'], suffix: [] });
    expect(splitEventName('order.placed.v1')).toMatchObject({ words: ['order', 'placed'], versions: ['v1'] });
    expect(splitEventName('com.acme.billing.invoice-paid.v3')).toMatchObject({
      words: ['billing', 'invoice', 'paid'],
      namespace: ['com', 'acme'],
      versions: ['v3'],
    });
    expect(splitEventName('google.cloud.storage.object.v1.finalized').words).toEqual(['google', 'cloud', 'storage', 'object', 'finalized']);
    expect(splitEventName('InvoiceVoidedIntegrationEvent')).toMatchObject({ words: ['invoice', 'voided'], suffix: ['Integration', 'Event'] });
    expect(splitEventName('OrderStartedDomainEvent').words).toEqual(['order', 'started']);
    expect(splitEventName('OrderPlacedEventV2')).toMatchObject({ words: ['order', 'placed'], versions: ['V2'], suffix: ['Event'] });
    expect(splitEventName('CardIssuedEvt').words).toEqual(['card', 'issued']);
    expect(splitEventName('account-verified-event').words).toEqual(['account', 'verified']);
    expect(splitEventName('OrderShippedNotification').words).toEqual(['order', 'shipped']);
    // A suffix is only removed when a word remains.
    expect(splitEventName('Event').words).toEqual(['event']);
    expect(splitEventName('DomainEvent').words).toEqual(['domain']);
    // The suffixes can be configured.
    expect(splitEventName('OrderPlacedPayload', { suffixes: ['Payload'] }).words).toEqual(['order', 'placed']);
    expect(splitEventName('OrderPlacedEvent', { suffixes: [] }).words).toEqual(['order', 'placed', 'event']);
  });

  it('gives the place of each word in the name', () => {
    const { tokens } = splitEventName('billing/charge-card');
    expect(tokens.map((t) => [t.text, t.start, t.end, t.segment])).toEqual([
      ['billing', 0, 7, 0],
      ['charge', 8, 14, 1],
      ['card', 15, 19, 1],
    ]);
    expect(splitEventName('').words).toEqual([]);
    expect(splitEventName('...').words).toEqual([]);
  });
});

// ---- verdicts --------------------------------------------------------------------------------

function expectOk(names: readonly string[], options?: TenseOptions): void {
  for (const name of names) expect(judgeEventName(name, options), name).toEqual({ ok: true });
}

type Expected = readonly [name: string, reason: string, word: string, suggestion?: string];

function expectFlags(cases: readonly Expected[], options?: TenseOptions): void {
  for (const [name, reason, word, suggestion] of cases) {
    const verdict = judgeEventName(name, options);
    expect(verdict, name).toMatchObject({ ok: false, reason, word });
    if (verdict.ok === false) expect(verdict.suggestion, `${name}: suggestion`).toBe(suggestion);
  }
}

describe('judgeEventName: past tense accepted', () => {
  it('accepts regular and irregular past forms in every spelling', () => {
    expectOk([
      'OrderPlaced',
      'order.shipped',
      'ORDER_PLACED',
      'order placed',
      'payment:captured',
      'orders/refunded',
      'cart-item-added',
      'invoice.payment_succeeded',
      'ClaimSubmitted',
      'order.fulfillment_canceled',
      'OrderCancelled',
      'AccountFrozen',
      'DocumentSent',
      'BidWithdrawn',
      'PriceRisen',
      'ThresholdMet',
      'ChannelLeft',
      'delivered',
      'Registered',
      'google.cloud.firestore.document.v1.written',
    ]);
  });

  it('accepts prefixed, phrasal, perfect and passive forms', () => {
    expectOk(['UserUnassigned', 'TicketReopened', 'AppDeauthorized', 'invite.resent', 'NoteRewritten', 'invoice.overpaid']);
    expectOk(['UserSignedUp', 'UserLoggedIn', 'CartCheckedOut', 'StockWrittenOff', 'JobTimedOut', 'user.loggedin']);
    expectOk(['InvoiceWasPaid', 'AccountHasBeenLocked', 'CustomerGotUpgraded', 'PaymentWasSuccessful', 'AccountWentInactive']);
  });

  it('accepts adverbs, complements and objects after the past form', () => {
    expectOk(['PaymentCapturedSuccessfully', 'OrderPlacedAutomatically', 'BatchFullyProcessed', 'HANDLED_EXTERNALLY']);
    expectOk(['TaskReassignedToTeam', 'FundsHeldForReview', 'wishlist.item_moved_to_cart', 'Product Added to Wishlist']);
    expectOk(['DriverCollectedParcel', 'member_joined_channel', 'PaymentDeclinedInsufficientFunds', 'subscription_went_past_due']);
  });

  it('is not misled by -ed nouns, -ing nouns or same-form words in front', () => {
    expectOk(['SeedPlanted', 'FeedRefreshed', 'SpeedLimitExceeded', 'BedAssigned', 'NeedIdentified', 'RedCardIssued']);
    expectOk(['BillingAddressChanged', 'ShippingLabelPrinted', 'onboardingCompleted', 'SettingsSaved', 'ReadReceiptDelivered']);
    expectOk(['PasswordResetRequested', 'password-reset-verified-event', 'ReplicaSetScaled']);
  });

  it('strips suffixes and versions before judging', () => {
    expectOk(['CertificateRevokedEvent', 'InvoiceVoidedIntegrationEvent', 'ProfilePhotoUploadedV2', 'subscription.renewed.v1']);
    expectOk(['com.acme.billing.invoice-paid.v3', 'account-verified-event', 'OrderStartedDomainEvent', 'CardIssuedEvt']);
  });

  it('keeps the hard cases of the evaluation', () => {
    expectOk(['AccountFrozen', 'invite.resent']);
    expectFlags([
      ['CancelledOrder', 'participle-prefix', 'Cancelled', 'OrderCancelled'],
      ['attempted-login-event', 'participle-prefix', 'attempted', 'login-attempted-event'],
      ['TrafficLightRed', 'adjective', 'Red'],
      ['VideoEmbed', 'imperative', 'Embed', 'VideoEmbedded'],
      ['OrderProceed', 'imperative', 'Proceed', 'OrderProceeded'],
      ['WithdrawBid', 'imperative', 'Withdraw', 'BidWithdrawn'],
    ]);
    expect(judgeEventName('user.accepted_terms')).toMatchObject({ ok: 'ambiguous', reason: 'participle-noun', word: 'accepted' });
    expect(judgeEventName('FeedRead')).toMatchObject({ ok: 'ambiguous', reason: 'same-form', word: 'Read' });
  });
});

describe('judgeEventName: reasons and suggestions', () => {
  it('imperatives: a verb first (a command) or last', () => {
    expectFlags([
      ['PlaceOrder', 'imperative', 'Place', 'OrderPlaced'],
      ['SendEmail', 'imperative', 'Send', 'EmailSent'],
      ['SEND_WELCOME_EMAIL', 'imperative', 'SEND', 'WELCOME_EMAIL_SENT'],
      ['create_invoice', 'imperative', 'create', 'invoice_created'],
      ['billing/charge-card', 'imperative', 'charge', 'billing/card-charged'],
      ['seedDatabase', 'imperative', 'seed', 'databaseSeeded'],
      ['LogInUser', 'imperative', 'Log', 'UserLoggedIn'],
      ['PutItemOnHold', 'imperative', 'Put', 'ItemPutOnHold'],
      ['FreezeAccountRequest', 'imperative', 'Freeze', 'AccountFrozen'],
      ['RevokeCertificateCommand', 'imperative', 'Revoke', 'CertificateRevoked'],
      ['ResetPassword', 'imperative', 'Reset', 'PasswordReset'],
      ['SetApprovedLoanStatus', 'imperative', 'Set', 'ApprovedLoanStatusSet'],
      ['ListCompletedOrders', 'imperative', 'List', 'CompletedOrdersListed'],
      ['UserLogIn', 'imperative', 'Log', 'UserLoggedIn'],
      ['OrderCreate', 'imperative', 'Create', 'OrderCreated'],
      ['order.ship', 'imperative', 'ship', 'order.shipped'],
      ['payment:capture', 'imperative', 'capture', 'payment:captured'],
      ['orders/create', 'imperative', 'create', 'orders/created'],
      ['AccountFreeze', 'imperative', 'Freeze', 'AccountFrozen'],
      ['SubmitClaim', 'imperative', 'Submit', 'ClaimSubmitted'],
      ['BeforeOrderSave', 'imperative', 'Save'],
      ['preRemove', 'imperative', 'Remove'],
    ]);
  });

  it('progressives, with the past form as suggestion', () => {
    expectFlags([
      ['OrderPlacing', 'progressive', 'Placing', 'OrderPlaced'],
      ['ShipmentDispatching', 'progressive', 'Dispatching', 'ShipmentDispatched'],
      ['BuildBreaking', 'progressive', 'Breaking', 'BuildBroken'],
      ['TrialEnding', 'progressive', 'Ending', 'TrialEnded'],
      ['customer.source.expiring', 'progressive', 'expiring', 'customer.source.expired'],
      ['MessageSending', 'progressive', 'Sending', 'MessageSent'],
    ]);
  });

  it('nouns: no suggestion unless a verb is behind them', () => {
    expectFlags([
      ['user-login', 'noun', 'login'],
      ['user.signup', 'noun', 'signup'],
      ['CartCheckout', 'noun', 'Checkout'],
      ['InvoiceGeneration', 'noun', 'Generation'],
      ['UserActivity', 'noun', 'Activity'],
      ['NewOrder', 'noun', 'Order'],
      ['ProductFeed', 'noun', 'Feed'],
      ['HospitalBed', 'noun', 'Bed'],
      ['OrderNotification', 'noun', 'Order'],
      ['PaymentStatusChange', 'noun', 'Change', 'PaymentStatusChanged'],
      ['OrderUpdate', 'noun', 'Update', 'OrderUpdated'],
      ['PASSWORD_CHANGE', 'noun', 'CHANGE', 'PASSWORD_CHANGED'],
      ['AWS API Call via CloudTrail', 'noun', 'Call'],
      ['CacheHit', 'noun', 'Hit'],
    ]);
  });

  it('state adjectives, the future, the present and participles in front of a noun', () => {
    expectFlags([
      ['SubscriptionActive', 'adjective', 'Active'],
      ['InvoiceOverdue', 'adjective', 'Overdue'],
      ['UserPending', 'adjective', 'Pending'],
      ['INVOICE_DUE', 'adjective', 'DUE'],
      ['invoice.upcoming', 'adjective', 'upcoming'],
      ['TicketOpen', 'adjective', 'Open', 'TicketOpened'],
      ['pull_request.ready_for_review', 'adjective', 'ready'],
      ['fulfillment_orders/scheduled_fulfillment_order_ready', 'adjective', 'ready'],
      ['TrialWillExpire', 'future', 'Will'],
      ['customer.subscription.trial_will_end', 'future', 'will'],
      ['SubscriptionWillBeRenewed', 'future', 'Will'],
      ['TrialAboutToExpire', 'future', 'About'],
      ['OrderCanBeShipped', 'modal', 'Can'],
      ['UserIsBanned', 'present-3sg', 'Is'],
      ['OrderIsBeingProcessed', 'progressive', 'Being'],
      ['GameOver', 'adjective', 'Over'],
      ['ServiceDown', 'adjective', 'Down'],
      ['QuotaExceeds', 'present-3sg', 'Exceeds', 'QuotaExceeded'],
      ['payment_intent.requires_action', 'present-3sg', 'requires'],
      ['NodeHasSufficientMemory', 'present-3sg', 'Has'],
      ['ApprovedLoanEvent', 'participle-prefix', 'Approved', 'LoanApprovedEvent'],
      ['RestockedItem', 'participle-prefix', 'Restocked', 'ItemRestocked'],
    ]);
  });

  it('messages name the reason and the word as written', () => {
    const verdict = judgeEventName('OrderPlacing');
    expect(verdict).toEqual({ ok: false, reason: 'progressive', word: 'Placing', message: "progressive 'Placing'", suggestion: 'OrderPlaced' });
    expect(judgeEventName('OrderCreate')).toMatchObject({ message: "imperative 'Create'" });
    expect(judgeEventName('UserPending')).toMatchObject({ message: "adjective 'Pending'" });
    expect(judgeEventName('QuotaExceeds')).toMatchObject({ message: "present tense 'Exceeds'" });
    expect(judgeEventName('user-login')).not.toHaveProperty('suggestion');
  });

  it('every suggestion it makes is itself accepted', () => {
    const names = ['PlaceOrder', 'OrderCreate', 'OrderPlacing', 'CancelledOrder', 'QuotaExceeds', 'cancel-subscription', 'ChargeCard', 'HandOverShipment'];
    for (const name of names) {
      const verdict = judgeEventName(name);
      expect(verdict.ok, name).toBe(false);
      const suggestion = verdict.ok === false ? verdict.suggestion : undefined;
      expect(suggestion, name).toBeDefined();
      expect(isReported(judgeEventName(suggestion ?? '')), `${name} → ${String(suggestion)}`).toBe(false);
    }
  });
});

describe('judgeEventName: same-form verbs', () => {
  it('are ambiguous after a subject, and not reported by default', () => {
    for (const name of ['UserRead', 'OrderSet', 'BudgetReset', 'ShipmentSplit', 'DoorShut', 'ConfigSetUp', 'auth.password_reset']) {
      const verdict = judgeEventName(name);
      expect(verdict, name).toMatchObject({ ok: 'ambiguous', reason: 'same-form' });
      expect(isReported(verdict)).toBe(false);
    }
  });

  it('are reported with allowSameFormVerbs: false', () => {
    const options: TenseOptions = { allowSameFormVerbs: false };
    expect(judgeEventName('UserRead', options)).toMatchObject({ ok: false, reason: 'same-form', word: 'Read', message: "same-form verb 'Read'" });
    expectOk(['OrderPlaced'], options);
  });

  it('are imperatives when they open the name, and nouns in compounds or before a noun', () => {
    expectFlags([
      ['ReadInbox', 'imperative', 'Read', 'InboxRead'],
      ['SplitShipment', 'imperative', 'Split', 'ShipmentSplit'],
      ['ShutDownNode', 'imperative', 'Shut', 'NodeShutDown'],
      ['reset', 'imperative', 'reset'],
      ['PasswordResetRequest', 'noun', 'Request', 'PasswordResetRequested'],
      ['ScalingReplicaSet', 'progressive', 'Scaling'],
      ['DataSet', 'noun', 'Set'],
    ]);
  });
});

describe('judgeEventName: options', () => {
  it('allowAdjectiveStates and allowParticiplePrefix', () => {
    expectOk(['SubscriptionActive', 'InvoiceOverdue', 'UserPending'], { allowAdjectiveStates: true });
    expectOk(['CancelledOrder'], { allowParticiplePrefix: true });
    expectFlags([['CancelledOrder', 'participle-prefix', 'Cancelled', 'OrderCancelled']], { allowAdjectiveStates: true });
  });

  it('allow and deny take whole names or single words', () => {
    const options: TenseOptions = { allow: ['Heartbeat', 'user-login'], deny: ['Updated', 'OrderChanged'] };
    expectOk(['Heartbeat', 'ServiceHeartbeat', 'user-login'], options);
    expectFlags(
      [
        ['OrderUpdated', 'denied', 'Updated'],
        ['OrderChanged', 'denied', 'OrderChanged'],
      ],
      options,
    );
    expectOk(['InvoiceChanged'], options);
    expect(judgeEventName('OrderUpdated', options)).toMatchObject({ message: "denied word 'Updated'" });
  });

  it('extra past participles, extra verbs and suffixes', () => {
    expectFlags([['JobReran', 'noun', 'Reran']]);
    expectOk(['JobReran'], { extraPastParticiples: ['reran'] });
    expectFlags([['RecordYeet', 'imperative', 'Yeet', 'RecordYeeted']], { extraVerbs: ['yeet'] });
    expectFlags([['PortRebind', 'imperative', 'Rebind', 'PortRebound']], { extraVerbs: ['rebind:rebound'], extraPastParticiples: ['rebound'] });
    expectFlags([['CancelledPayload', 'participle-prefix', 'Cancelled', 'PayloadCancelled']]);
    expectOk(['CancelledPayload'], { suffixes: ['Payload'] });
    expectFlags([['ApprovedLoanEvent', 'participle-prefix', 'Approved', 'LoanEventApproved']], { suffixes: [] });
  });

  it('caches verdicts per options object', () => {
    const judge = createEventNameJudge({ allowAdjectiveStates: true });
    const first: TenseVerdict = judge('UserPending');
    expect(first).toEqual({ ok: true });
    expect(judge('UserPending')).toBe(first);
    const options: TenseOptions = { allowSameFormVerbs: false };
    expect(judgeEventName('UserRead', options)).toBe(judgeEventName('UserRead', options));
  });
});
