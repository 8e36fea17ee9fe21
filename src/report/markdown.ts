import { SEVERITIES, severityRank, type Finding, type RuleMeta, type Severity } from '../types.js';
import { escapeMarkdownCell } from '../util/escape.js';
import { displayPath } from '../util/paths.js';
import type { Formatter } from './types.js';

/** Rows beyond this stop helping a reviewer; the full list belongs in SARIF or JUnit. */
export const MARKDOWN_MAX_ROWS = 250;
/**
 * GitHub caps a PR comment at 65,536 characters (a job summary at 1 MiB); the table stops well before, with
 * room left for the heading, the summary line and the note about omitted rows.
 */
export const MARKDOWN_MAX_CHARS = 60_000;

const LABEL: Record<Severity, string> = { error: '❌ error', warn: '⚠️ warning', info: 'ℹ️ info', hint: '💡 hint' };
const NOUN: Record<Severity, [string, string]> = {
  error: ['error', 'errors'],
  warn: ['warning', 'warnings'],
  info: ['info', 'infos'],
  hint: ['hint', 'hints'],
};

/** A table for GitHub job summaries and pull-request comments, most severe findings first. */
export const markdown: Formatter = (findings, context) => {
  const fileCount = context.files.length;
  const plural = fileCount === 1 ? '' : 's';
  const lines = ['### apigate', ''];
  if (findings.length === 0) {
    lines.push(`**No findings** in ${fileCount} file${plural} checked.`, '');
    return lines.join('\n');
  }

  const counts = SEVERITIES.map((severity) => [severity, findings.filter((f) => f.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${NOUN[severity][count === 1 ? 0 : 1]}`);
  const filesWithFindings = new Set(findings.map((finding) => finding.file ?? '')).size;
  lines.push(
    `**${findings.length} problem${findings.length === 1 ? '' : 's'}** (${counts.join(', ')}) in ${filesWithFindings} of ${fileCount} checked file${plural}.`,
    '',
    '| Severity | Rule | Location | Message |',
    '| :-- | :-- | :-- | :-- |',
  );

  const docs = new Map(context.rules.map((rule) => [rule.id, rule]));
  const ordered = findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => severityRank(a.finding.severity) - severityRank(b.finding.severity) || a.index - b.index);
  let length = lines.reduce((sum, line) => sum + line.length + 1, 0);
  let shown = 0;
  for (const { finding } of ordered) {
    const row = tableRow(finding, docs, context.cwd);
    if (shown >= MARKDOWN_MAX_ROWS || length + row.length + 1 > MARKDOWN_MAX_CHARS) break;
    lines.push(row);
    length += row.length + 1;
    shown += 1;
  }

  const omitted = findings.length - shown;
  if (omitted > 0) {
    // The blank line ends the table, so the note can never be read as a malformed row.
    lines.push('', `_${omitted} more finding${omitted === 1 ? '' : 's'} not shown (the table lists the ${shown} most severe); see the SARIF or JUnit report for the full list._`);
  }
  lines.push('');
  return lines.join('\n');
};

function tableRow(finding: Finding, docs: Map<string, RuleMeta>, cwd: string): string {
  const rule = escapeMarkdownCell(finding.ruleId);
  const url = safeLinkTarget(docs.get(finding.ruleId)?.documentationUrl);
  const file = finding.file === undefined ? '' : displayPath(finding.file, cwd);
  const position = finding.range ? `${finding.range.start.line}:${finding.range.start.column}` : '';
  const location = [file, position].filter(Boolean).join(':');
  const cells = [
    LABEL[finding.severity],
    url ? `[${rule}](${url})` : rule,
    escapeMarkdownCell(location),
    escapeMarkdownCell(finding.message),
  ];
  return `| ${cells.join(' | ')} |`;
}

/** Only http(s) links, with every character that could end the link or the table cell percent-encoded. */
function safeLinkTarget(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return parsed.href.replace(/[()|<>\s\\[\]]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
