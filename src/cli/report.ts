import type { Linter } from 'eslint';
import path from 'node:path';
import { buildFlowMap, type FlowMap } from './flow-map.js';
import { decodeInventoryItem, type ConsumerItem, type InventoryItem, type PublishItem, type TypeCheckItem } from './inventory-items.js';
import type { ConsumerSite, DedupeStatus, EventName, Finding, Location, OutboxStatus, PublishSite } from './report-model.js';
import type { LintRun } from './lint.js';
import type { ReviewProject } from './project.js';

export type { ConsumerSite, DedupeStatus, EventName, Finding, Location, OutboxStatus, PublishSite } from './report-model.js';

/** The walk-through's sections that are lists of findings, and the rules that fill them. */
export const findingSections = [
  { id: 'publish', title: 'Publish sites', rules: ['no-dual-write', 'no-floating-publish'] },
  { id: 'consumers', title: 'Consumers', rules: ['idempotent-consumer', 'no-offset-dedupe', 'no-early-ack', 'no-swallowed-handler-error'] },
  { id: 'eventNames', title: 'Event names', rules: ['event-name-past-tense', 'no-generic-updated-event'] },
  { id: 'requestReply', title: 'Request/reply over events', rules: ['no-request-reply-over-events'] },
  { id: 'envelope', title: 'Envelope gaps', rules: ['require-event-envelope', 'prefer-monotonic-event-id', 'require-stable-identifiers', 'propagate-correlation', 'no-breaking-event-change'] },
  { id: 'ordering', title: 'Ordering', rules: ['no-wall-clock-ordering', 'require-partition-key'] },
] as const;

export type FindingSectionId = (typeof findingSections)[number]['id'] | 'other';

export interface Report {
  readonly tool: { readonly name: string; readonly version: string };
  /** The directory as given on the command line. */
  readonly target: string;
  readonly root: string;
  readonly tsconfigs: readonly string[];
  readonly fileCount: number;
  readonly preset: string;
  /** Rules that ran (without namespace); a section whose rules did not run says so. */
  readonly rules: readonly string[];
  readonly durationMs: number;
  readonly publishSites: readonly PublishSite[];
  readonly consumers: readonly ConsumerSite[];
  readonly eventNames: readonly EventName[];
  readonly findings: Readonly<Record<FindingSectionId, readonly Finding[]>>;
  /** Findings silenced by `eslint-disable` comments in the project. */
  readonly suppressedFindingCount: number;
  readonly flow: FlowMap;
  /** One-line problems that make the review incomplete: tsconfig errors, type errors, unparsed files. */
  readonly warnings: readonly string[];
  readonly summary: Summary;
}

export interface Summary {
  readonly publishSites: number;
  readonly byOutbox: Readonly<Record<OutboxStatus, number>>;
  readonly consumers: number;
  readonly byDedupe: Readonly<Record<DedupeStatus, number>>;
  readonly eventNames: number;
  readonly eventNamesNotPastTense: number;
  readonly findings: number;
  readonly filesWithFindings: number;
  readonly bySection: Readonly<Record<FindingSectionId, number>>;
}

export interface ReportInput {
  readonly target: string;
  readonly project: ReviewProject;
  readonly run: LintRun;
  readonly preset: string;
  readonly rules: readonly string[];
  readonly durationMs: number;
  readonly tool: { readonly name: string; readonly version: string };
}

const pluginPrefix = 'event-driven/';
const maxListedTypeErrorFiles = 3;

/** Turns the lint results into the walk-through: inventory items and findings joined by location. */
export function buildReport(input: ReportInput): Report {
  const { project, run } = input;
  const relative = (file: string): string => path.relative(project.root, file).split(path.sep).join('/');
  const findings: Finding[] = [];
  const publishItems: (Location & PublishItem)[] = [];
  const consumerItems: (Location & ConsumerItem & { endLine: number })[] = [];
  const nameSites: (Location & { name: string; source: string })[] = [];
  const typeErrors: (TypeCheckItem & { file: string })[] = [];
  const warnings: string[] = [...project.warnings];
  let suppressedFindingCount = 0;

  for (const result of run.results) {
    const file = relative(result.filePath);
    for (const message of result.messages) collectMessage(file, message, false);
    // Inventory items silenced by a blanket `eslint-disable` still belong in the inventory.
    for (const message of result.suppressedMessages) collectMessage(file, message, true);
  }
  for (const failure of run.failures) warnings.push(`${relative(failure.file)}: not linted: ${failure.message}`);
  if (run.warning !== undefined) warnings.push(run.warning);
  if (typeErrors.length > 0) warnings.unshift(typeErrorWarning(typeErrors));

  const publishSites = publishItems.map((item) => publishSiteOf(item, findings, publishItems));
  const consumers = consumerItems.map((item) => consumerSiteOf(item, findings));
  const eventNames = eventNamesOf(nameSites, findings);
  const bySection = groupFindings(findings);
  const flow = buildFlowMap(publishSites, consumers, eventNames);

  return {
    tool: input.tool,
    target: input.target,
    root: project.root,
    tsconfigs: project.tsconfigs.map((t) => relative(t) || 'tsconfig.json'),
    fileCount: project.files.length,
    preset: input.preset,
    rules: input.rules,
    durationMs: Math.round(input.durationMs),
    publishSites,
    consumers,
    eventNames,
    findings: bySection,
    suppressedFindingCount,
    flow,
    warnings,
    summary: summarize(publishSites, consumers, eventNames, findings, bySection),
  };

  function collectMessage(file: string, message: Linter.LintMessage, suppressed: boolean): void {
    const item = decodeInventoryItem(message);
    if (item !== undefined) {
      collectItem(item, { file, line: message.line, column: message.column }, message.endLine ?? message.line);
    } else if (message.ruleId === null) {
      if (!suppressed) warnings.push(`${file}:${String(message.line)}: ${firstLine(message.message)}`);
    } else if (message.ruleId.startsWith(pluginPrefix)) {
      // Other rule ids come from the project's disable comments naming rules not loaded here.
      if (suppressed) suppressedFindingCount++;
      else findings.push(findingOf(file, message, run.rulesMeta));
    }
  }

  function collectItem(item: InventoryItem, location: Location, endLine: number): void {
    switch (item.kind) {
      case 'publish':
        // One call is one publish site, however many ways it was reached (a message and its silenced copy).
        if (!publishItems.some((p) => p.file === location.file && p.line === location.line && p.column === location.column)) publishItems.push({ ...location, ...item });
        return;
      case 'consumer':
        consumerItems.push({ ...location, ...item, endLine });
        return;
      case 'event-name':
        nameSites.push({ ...location, name: item.name, source: item.source });
        return;
      case 'type-check':
        typeErrors.push({ ...item, file: location.file });
        return;
    }
  }
}

function findingOf(file: string, message: Linter.LintMessage, rulesMeta: LintRun['rulesMeta']): Finding {
  const ruleId = message.ruleId ?? '';
  const docsUrl = rulesMeta[ruleId]?.docs?.url;
  return {
    file,
    line: message.line,
    column: message.column,
    rule: ruleId.slice(pluginPrefix.length),
    message: message.message,
    severity: message.severity === 2 ? 'error' : 'warning',
    ...(docsUrl === undefined ? {} : { docsUrl }),
    suggestions: (message.suggestions ?? []).map((s) => s.desc),
  };
}

function publishSiteOf(item: Location & PublishItem, findings: readonly Finding[], all: readonly PublishItem[]): PublishSite {
  const rest = withoutKind(item);
  const own = findings.filter((f) => f.rule === 'no-dual-write' && f.file === item.file && f.line === item.line && f.column === item.column);
  return { ...rest, outbox: outboxStatusOf(item, own, all), findings: own };
}

function outboxStatusOf(item: PublishItem, findings: readonly Finding[], all: readonly PublishItem[]): OutboxStatus {
  if (item.mechanism === 'outbox') return 'outbox';
  if (item.relay) return 'relay';
  if (findings.length > 0) return 'dual-write';
  // A broker call inside a function that other publish sites call to reach that same client call.
  const isWrapper =
    item.mechanism === 'broker' &&
    all.some((other) => other.mechanism === 'wrapper' && other.chain.at(-1) === item.chain[0] && lastName(other.chain[0] ?? '') === lastName(item.producer));
  return isWrapper ? 'wrapper' : 'direct';
}

/** `publish` of `this.events.publish` or of `OrderPublisher.publish`, `eachMessage` of `start › eachMessage`. */
function lastName(name: string): string {
  return name.split(/[.›\s]/u).filter((part) => part !== '').at(-1) ?? name;
}

function consumerSiteOf(item: Location & ConsumerItem & { endLine: number }, findings: readonly Finding[]): ConsumerSite {
  const rest = withoutKind(item);
  const inside = findings.filter(
    (f) => (f.rule === 'idempotent-consumer' || f.rule === 'no-offset-dedupe') && f.file === item.file && f.line >= item.line && f.line <= item.endLine,
  );
  const dedupe: DedupeStatus = inside.some((f) => f.rule === 'no-offset-dedupe')
    ? 'broker-position'
    : inside.some((f) => f.rule === 'idempotent-consumer')
      ? 'missing'
      : item.guards.length > 0
        ? 'dedupes'
        : item.effects.length > 0
          ? 'guarded'
          : 'not-needed';
  return { ...rest, dedupe, findings: inside };
}

function eventNamesOf(sites: readonly (Location & { name: string; source: string })[], findings: readonly Finding[]): EventName[] {
  const byName = new Map<string, (Location & { source: string })[]>();
  for (const { name, ...site } of sites) byName.set(name, [...(byName.get(name) ?? []), site]);
  return [...byName.entries()]
    .map(([name, nameSites]) => ({
      name,
      sites: nameSites,
      findings: findings.filter((f) => f.rule === 'event-name-past-tense' && nameSites.some((s) => s.file === f.file && s.line === f.line && s.column === f.column)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function groupFindings(findings: readonly Finding[]): Record<FindingSectionId, Finding[]> {
  const groups: Record<FindingSectionId, Finding[]> = { publish: [], consumers: [], eventNames: [], requestReply: [], envelope: [], ordering: [], other: [] };
  for (const finding of findings) {
    const section = findingSections.find((s) => (s.rules as readonly string[]).includes(finding.rule));
    groups[section?.id ?? 'other'].push(finding);
  }
  return groups;
}

function summarize(
  publishSites: readonly PublishSite[],
  consumers: readonly ConsumerSite[],
  eventNames: readonly EventName[],
  findings: readonly Finding[],
  bySection: Readonly<Record<FindingSectionId, readonly Finding[]>>,
): Summary {
  const byOutbox: Record<OutboxStatus, number> = { outbox: 0, relay: 0, wrapper: 0, direct: 0, 'dual-write': 0 };
  for (const site of publishSites) byOutbox[site.outbox]++;
  const byDedupe: Record<DedupeStatus, number> = { dedupes: 0, 'broker-position': 0, missing: 0, guarded: 0, 'not-needed': 0 };
  for (const consumer of consumers) byDedupe[consumer.dedupe]++;
  return {
    publishSites: publishSites.length,
    byOutbox,
    consumers: consumers.length,
    byDedupe,
    eventNames: eventNames.length,
    eventNamesNotPastTense: eventNames.filter((n) => n.findings.length > 0).length,
    findings: findings.length,
    filesWithFindings: new Set(findings.map((f) => f.file)).size,
    bySection: Object.fromEntries(Object.entries(bySection).map(([id, list]) => [id, list.length])) as Record<FindingSectionId, number>,
  };
}

function typeErrorWarning(files: readonly (TypeCheckItem & { file: string })[]): string {
  const total = files.reduce((sum, f) => sum + f.errorCount, 0);
  const first = files[0];
  const where = files.slice(0, maxListedTypeErrorFiles).map((f) => f.file).join(', ') + (files.length > maxListedTypeErrorFiles ? ', …' : '');
  return (
    `the project has imports the type checker cannot resolve: ${String(total)} in ${String(files.length)} file${files.length === 1 ? '' : 's'} (${where})` +
    (first === undefined ? '' : `; first: ${first.file}:${String(first.firstErrorLine)}: ${firstLine(first.firstError).replace(/\.$/u, '')}`) +
    '. Calls into code the checker cannot resolve (packages not installed) are not recognised, so the review may be incomplete'
  );
}

/** An inventory item's fields without its `kind` tag, which the report's grouping already says. */
function withoutKind<T extends { kind: string }>(item: T): Omit<T, 'kind'> {
  const copy: Partial<T> = { ...item };
  delete copy.kind;
  return copy as Omit<T, 'kind'>;
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? text;
}
