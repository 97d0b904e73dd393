import { renderFlowText } from './flow-map.js';
import type { FindingSectionId, Location, Report } from './report.js';
import { consumerFacts, dedupeWords, durationText, emptySectionText, outboxWords, publishFacts, publishPath, summaryLines } from './wording.js';

const indent = '  ';
const maxNameColumn = 36;
/** Past this many, warnings (often one per file outside every tsconfig) would bury the report. */
const maxWarnings = 12;

/** The walk-through for a terminal, in the order a reviewer goes through an event-driven codebase. */
export function renderText(report: Report): string {
  const out: string[] = [];
  const heading = (text: string): void => {
    out.push('', text);
  };

  out.push(`Event-driven review of ${report.target}`);
  out.push(
    `${plural(report.fileCount, 'file')} from ${report.tsconfigs.join(', ')} · preset ${report.preset} · ${durationText(report.durationMs)} · ${report.tool.name} ${report.tool.version}`,
  );
  if (report.warnings.length > 0) {
    heading('Warnings');
    for (const warning of report.warnings.slice(0, maxWarnings)) out.push(`${indent}! ${warning}`);
    if (report.warnings.length > maxWarnings) out.push(`${indent}! … and ${String(report.warnings.length - maxWarnings)} more (all of them with --format json)`);
  }

  heading(`1. Publish sites (${String(report.publishSites.length)})`);
  if (report.publishSites.length === 0) out.push(`${indent}None found: no broker client call, outbox write or wrapper of one.`);
  for (const site of report.publishSites) {
    const status = outboxWords[site.outbox];
    out.push(`${indent}${where(site)}  ${status.mark} ${status.text}`, `${indent}${indent}${publishFacts(site)} · ${publishPath(site)}`);
  }
  findings(report, 'publish');

  heading(`2. Consumers (${String(report.consumers.length)})`);
  if (report.consumers.length === 0) out.push(`${indent}None found: no handler of an at-least-once broker.`);
  for (const consumer of report.consumers) {
    const status = dedupeWords(consumer);
    out.push(`${indent}${where(consumer)}  ${status.mark} ${status.text}`, `${indent}${indent}${consumerFacts(consumer)}`);
  }
  findings(report, 'consumers');

  heading(`3. Event names (${String(report.eventNames.length)})`);
  if (report.eventNames.length === 0) out.push(`${indent}None found.`);
  const nameWidth = Math.min(maxNameColumn, Math.max(0, ...report.eventNames.map((n) => n.name.length)));
  for (const name of report.eventNames) {
    const verdict = name.findings.length > 0 ? `✗ ${name.findings[0]?.suggestions[0] ?? 'not in the past tense'}` : '✓';
    out.push(`${indent}${name.name.padEnd(nameWidth)}  ${verdict}  ${name.sites.map(where).join(', ')}`);
  }
  findings(report, 'eventNames');

  heading('4. Request/reply over events');
  findings(report, 'requestReply', true);

  heading('5. Envelope gaps');
  findings(report, 'envelope', true);

  heading('6. Ordering');
  findings(report, 'ordering', true);

  if (report.findings.other.length > 0) {
    heading('7. Other findings');
    findings(report, 'other', true);
  }

  heading('Event flow (producer → event type → consumer)');
  const flow = renderFlowText(report.flow);
  if (flow.length === 0) out.push(`${indent}No event type or topic is visible in the code.`);
  for (const line of flow) out.push(`${indent}${line}`);

  heading('Summary');
  const rows = summaryLines(report);
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) out.push(`${indent}${label.padEnd(labelWidth)}  ${value}`);
  if (report.suppressedFindingCount > 0) out.push(`${indent}${''.padEnd(labelWidth)}  (${String(report.suppressedFindingCount)} more silenced by eslint-disable comments)`);
  return `${out.join('\n')}\n`;

  /** A section's findings; `standalone` sections consist of nothing else, so they say when there are none. */
  function findings(current: Report, section: FindingSectionId, standalone = false): void {
    const list = current.findings[section];
    if (list.length === 0) {
      if (standalone) out.push(`${indent}${emptySectionText(current, section)}`);
      return;
    }
    const margin = standalone ? indent : indent.repeat(2);
    if (!standalone) out.push(`${indent}Findings (${String(list.length)}):`);
    for (const finding of list) out.push(`${margin}${where(finding)}:${String(finding.column)}  ${finding.rule}`, `${margin}${indent}${finding.message}`);
  }
}

function plural(count: number, noun: string): string {
  return `${String(count)} ${noun}${count === 1 ? '' : 's'}`;
}

function where(location: Location): string {
  return `${location.file}:${String(location.line)}`;
}
