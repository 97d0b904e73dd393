import { renderMermaid } from './flow-map.js';
import type { Finding, FindingSectionId, Location, Report } from './report.js';
import { consumerFacts, dedupeWords, durationText, emptySectionText, outboxWords, summaryLines } from './wording.js';

/** Past this many, warnings would bury the report (see render-text.ts). */
const maxWarnings = 12;

/**
 * The walk-through as Markdown, for a pull-request comment or a CI job summary: tables per
 * section and a Mermaid map of the event flow, which GitHub and GitLab draw in place.
 */
export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  out.push(`# Event-driven review of \`${report.target}\``, '');
  out.push(
    `${String(report.fileCount)} ${report.fileCount === 1 ? 'file' : 'files'} from ${report.tsconfigs.map((t) => `\`${t}\``).join(', ')} · preset \`${report.preset}\` · ${durationText(report.durationMs)} · ${report.tool.name} ${report.tool.version}`,
  );
  if (report.warnings.length > 0) {
    const shown = report.warnings.slice(0, maxWarnings).map((w) => `> - ${escapeText(w)}`);
    const more = report.warnings.length > maxWarnings ? [`> - … and ${String(report.warnings.length - maxWarnings)} more (all of them with \`--format json\`)`] : [];
    out.push('', '> [!WARNING]', ...shown, ...more);
  }

  out.push('', '## Event flow', '');
  if (report.flow.events.length === 0 && report.flow.consumers.length === 0) out.push('No event type, topic or consumer is visible in the code.');
  else out.push('Producers → event types → consumers, as the code shows them. Outlined in red: a finding is attached.', '', '```mermaid', renderMermaid(report.flow), '```');

  out.push('', `## 1. Publish sites (${String(report.publishSites.length)})`, '');
  if (report.publishSites.length === 0) out.push('None found: no broker client call, outbox write or wrapper of one.');
  else {
    out.push(...table(
      ['Where', 'Broker', 'Event', 'Destination', 'Outbox', 'Path'],
      report.publishSites.map((site) => [
        code(where(site)),
        site.system,
        site.eventNames.join(', ') || '—',
        site.destinations.join(', ') || '—',
        `${outboxWords[site.outbox].mark} ${outboxWords[site.outbox].text}`,
        `${site.producer}: ${site.chain.map(code).join(' → ')}`,
      ]),
    ));
  }
  findings('publish');

  out.push('', `## 2. Consumers (${String(report.consumers.length)})`, '');
  if (report.consumers.length === 0) out.push('None found: no handler of an at-least-once broker.');
  else {
    out.push(...table(
      ['Where', 'Handler', 'Dedupe'],
      report.consumers.map((consumer) => {
        const status = dedupeWords(consumer);
        return [code(where(consumer)), consumerFacts(consumer), `${status.mark} ${status.text}`];
      }),
    ));
  }
  findings('consumers');

  out.push('', `## 3. Event names (${String(report.eventNames.length)})`, '');
  if (report.eventNames.length === 0) out.push('None found.');
  else {
    out.push(...table(
      ['Event', 'Past tense', 'Where'],
      report.eventNames.map((name) => [
        code(name.name),
        name.findings.length > 0 ? `✗ ${name.findings[0]?.suggestions[0] ?? 'no'}` : '✓',
        name.sites.map((s) => code(where(s))).join(', '),
      ]),
    ));
  }
  findings('eventNames');

  out.push('', '## 4. Request/reply over events', '');
  findings('requestReply', true);
  out.push('', '## 5. Envelope gaps', '');
  findings('envelope', true);
  out.push('', '## 6. Ordering', '');
  findings('ordering', true);
  if (report.findings.other.length > 0) {
    out.push('', '## 7. Other findings', '');
    findings('other', true);
  }

  out.push('', '## Summary', '');
  out.push(...table(['', ''], summaryLines(report).map(([label, value]) => [`**${label}**`, value])));
  if (report.suppressedFindingCount > 0) out.push('', `${String(report.suppressedFindingCount)} more findings are silenced by \`eslint-disable\` comments.`);
  return `${out.join('\n')}\n`;

  function findings(section: FindingSectionId, standalone = false): void {
    const list = report.findings[section];
    if (list.length === 0) {
      if (standalone) out.push(emptySectionText(report, section));
      return;
    }
    if (!standalone) out.push('', `**Findings (${String(list.length)})**`, '');
    for (const finding of list) out.push(findingItem(finding));
  }
}

function findingItem(finding: Finding): string {
  const rule = finding.docsUrl === undefined ? code(finding.rule) : `[${finding.rule}](${finding.docsUrl})`;
  const suggestions = finding.suggestions.length > 0 ? ` _Suggested: ${escapeText(finding.suggestions.join(' / '))}_` : '';
  return `- ${code(`${where(finding)}:${String(finding.column)}`)} ${rule}: ${escapeText(finding.message)}${suggestions}`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]): string => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)];
}

function where(location: Location): string {
  return `${location.file}:${String(location.line)}`;
}

/** Inline code that survives backticks in the text. */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${fence === '``' ? ' ' : ''}${text}${fence === '``' ? ' ' : ''}${fence}`;
}

/** Messages are prose with `code` spans: keep those, but never let a line break or a tag through. */
function escapeText(text: string): string {
  return text.replaceAll('\n', ' ').replaceAll('<', '&lt;');
}

function escapeCell(text: string): string {
  return escapeText(text).replaceAll('|', '\\|');
}
