import { findingSections, type ConsumerSite, type DedupeStatus, type FindingSectionId, type OutboxStatus, type PublishSite, type Report, type Summary } from './report.js';

/** Words shared by the text and Markdown reports, so that both say the same thing. */

export const outboxWords: Readonly<Record<OutboxStatus, { readonly mark: string; readonly text: string }>> = {
  outbox: { mark: '✓', text: 'through the outbox' },
  relay: { mark: '✓', text: 'outbox relay' },
  wrapper: { mark: '·', text: 'wrapper around the client (its callers are listed)' },
  direct: { mark: '·', text: 'straight to the broker, no dual write found' },
  'dual-write': { mark: '✗', text: 'dual write: no outbox' },
};

export function dedupeWords(consumer: ConsumerSite): { mark: string; text: string } {
  const effects = consumer.effects.join(', ');
  const words: Record<DedupeStatus, { mark: string; text: string }> = {
    dedupes: { mark: '✓', text: `dedupes (${consumer.guards.join(', ')})` },
    'broker-position': { mark: '✗', text: 'dedupes on a broker position (offset, delivery tag), not the event id' },
    missing: { mark: '✗', text: `no dedupe before: ${effects || 'its effects'}` },
    guarded: { mark: '✓', text: `guarded before: ${effects}` },
    'not-needed': { mark: '·', text: 'no effect a redelivery would repeat' },
  };
  return words[consumer.dedupe];
}

/** "Kafka · OrderPlaced · orders", the facts of a publish site in one phrase. */
export function publishFacts(site: PublishSite): string {
  const names = site.eventNames.length > 0 ? site.eventNames.join(', ') : 'event name not visible';
  return [site.system, names, ...(site.destinations.length > 0 ? [`to ${site.destinations.join(', ')}`] : [])].join(' · ');
}

/** "in placeOrder via publishEvent → producer.send". */
export function publishPath(site: PublishSite): string {
  return `in ${site.producer} via ${site.chain.join(' → ')}`;
}

export function consumerFacts(consumer: ConsumerSite): string {
  return [
    consumer.name,
    consumer.description,
    ...(consumer.subscriptions.length > 0 ? [`subscribes to ${consumer.subscriptions.join(', ')}`] : []),
    ...(consumer.handledEvents.length > 0 ? [`handles ${consumer.handledEvents.join(', ')}`] : []),
  ].join(' · ');
}

function sectionRules(section: FindingSectionId): readonly string[] {
  return findingSections.find((s) => s.id === section)?.rules ?? [];
}

/** Did any rule that fills this section run? */
function sectionChecked(report: Report, section: FindingSectionId): boolean {
  return sectionRules(section).some((rule) => report.rules.includes(rule));
}

/** "None found (checked by …)" or "Not checked: …", for a section with no findings. */
export function emptySectionText(report: Report, section: FindingSectionId): string {
  const rules = sectionRules(section);
  const ran = rules.filter((rule) => report.rules.includes(rule));
  if (ran.length === 0) {
    return `Not checked: ${rules.join(', ')} ${rules.length === 1 ? 'is' : 'are'} not among the rules of this version of the plugin (preset ${report.preset}).`;
  }
  // Envelopes are judged at publish sites: with none found, the rules had nothing to look at.
  if (section === 'envelope' && report.publishSites.length === 0) return 'Not checked: no publish site was found to check.';
  return `None found (checked by ${ran.join(', ')}).`;
}

/** The summary value of a section: its finding count, or why nothing was checked. */
function sectionSummary(report: Report, section: FindingSectionId, findings: number): string {
  if (!sectionChecked(report, section)) return 'not checked';
  if (section === 'envelope' && report.publishSites.length === 0) return 'not checked (no publish site)';
  return `${String(findings)} ${findings === 1 ? 'finding' : 'findings'}`;
}

export function summaryLines(report: Report): [string, string][] {
  const summary: Summary = report.summary;
  const count = (n: number, one: string, many = `${one}s`): string => `${String(n)} ${n === 1 ? one : many}`;
  const parts = (entries: [number, string][]): string =>
    entries
      .filter(([n]) => n > 0)
      .map(([n, text]) => `${String(n)} ${text}`)
      .join(', ');
  const { byOutbox, byDedupe, bySection } = summary;
  const publish = parts([
    [byOutbox.outbox, 'through the outbox'],
    [byOutbox.relay, byOutbox.relay === 1 ? 'outbox relay' : 'outbox relays'],
    [byOutbox.wrapper, byOutbox.wrapper === 1 ? 'wrapper' : 'wrappers'],
    [byOutbox.direct, 'direct'],
    [byOutbox['dual-write'], byOutbox['dual-write'] === 1 ? 'dual write' : 'dual writes'],
  ]);
  const consumers = parts([
    [byDedupe.dedupes, 'dedupe'],
    [byDedupe.guarded, 'guarded'],
    [byDedupe.missing, 'without dedupe'],
    [byDedupe['broker-position'], 'on a broker position'],
    [byDedupe['not-needed'], 'with nothing to repeat'],
  ]);
  return [
    ['Publish sites', `${String(summary.publishSites)}${publish === '' ? '' : `: ${publish}`}`],
    ['Consumers', `${String(summary.consumers)}${consumers === '' ? '' : `: ${consumers}`}`],
    ['Event names', `${String(summary.eventNames)}${summary.eventNamesNotPastTense > 0 ? `: ${String(summary.eventNamesNotPastTense)} not in the past tense` : ''}`],
    ['Request/reply', sectionSummary(report, 'requestReply', bySection.requestReply)],
    ['Envelope gaps', sectionSummary(report, 'envelope', bySection.envelope)],
    ['Ordering', sectionSummary(report, 'ordering', bySection.ordering)],
    ['Findings', `${String(summary.findings)} in ${count(summary.filesWithFindings, 'file')}`],
  ];
}

export function durationText(ms: number): string {
  return ms < 1000 ? `${String(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
