import { escapeMarkdownCell, sanitizeText } from '../../util/escape.js';
import type { CoverageReport, OperationCoverage } from '../types.js';
import { hasGap, missingResponses, missingScenarios, percentText, SCENARIO_LABELS, type CoverageFormatOptions } from './common.js';

/** GitHub rejects comments over 65,536 characters; the default leaves room for text around the report. */
export const DEFAULT_MARKDOWN_MAX_CHARS = 60_000;

/**
 * Compact enough for a PR comment or job summary: totals, then one row per operation that has a gap. When the
 * rows would pass the size limit, whole rows are dropped and a note after the table says how many.
 */
export function formatCoverageMarkdown(report: CoverageReport, options: CoverageFormatOptions = {}): string {
  const maxChars = options.maxChars ?? DEFAULT_MARKDOWN_MAX_CHARS;
  const { operations, responses, auth } = report.totals;
  const title = [report.spec.title, report.spec.version].filter((part) => part !== '').join(' ');
  const head = [
    `### API coverage${title ? `: ${escapeMarkdownCell(title)}` : ''}`,
    '',
    '| Metric | Covered | % |',
    '|---|---:|---:|',
    `| Operations | ${operations.covered}/${operations.total} | ${percentText(operations)} |`,
    `| Documented responses | ${responses.covered}/${responses.total} | ${percentText(responses)} |`,
    `| Auth scenarios (secured operations) | ${auth.covered}/${auth.total} | ${percentText(auth)} |`,
    `| Undocumented statuses seen | ${report.totals.undocumentedStatuses} | |`,
    '',
  ];
  const gaps = report.operations.filter(hasGap);
  const fullyCovered = report.operations.length - gaps.length;
  const tail: string[] = [];
  if (report.unmatched.length > 0) tail.push(`${report.unmatched.length} exchange${report.unmatched.length === 1 ? '' : 's'} matched no operation of the spec.`, '');
  for (const warning of report.warnings) tail.push(`> ${escapeMarkdownCell(warning)}`, '');
  const inputs = `<sub>${report.totals.exchanges} exchange${report.totals.exchanges === 1 ? '' : 's'} from ${report.inputs.length} input${report.inputs.length === 1 ? '' : 's'}${options.toolVersion ? ` · apigate ${sanitizeText(options.toolVersion, 40)}` : ''}</sub>`;
  tail.push(inputs);

  if (gaps.length === 0) {
    head.push(`All ${report.operations.length} operations are fully covered.`, '');
    return `${[...head, ...tail].join('\n')}\n`;
  }
  head.push(`${fullyCovered} of ${report.operations.length} operations fully covered. Gaps:`, '');
  const tableHead = ['| Operation | Missing responses | Missing auth scenarios | Undocumented statuses |', '|---|---|---|---|'];
  const fixed = [...head, ...tableHead, ...tail].join('\n').length + 400;
  const rows: string[] = [];
  let used = fixed;
  for (const entry of gaps) {
    const row = gapRow(entry);
    if (used + row.length + 1 > maxChars) break;
    rows.push(row);
    used += row.length + 1;
  }
  const omitted = gaps.length - rows.length;
  const note = omitted > 0 ? ['', `…and ${omitted} more operation${omitted === 1 ? '' : 's'} with gaps not shown (the report is limited to ${maxChars} characters); see the JSON or HTML report for all of them.`] : [];
  return `${[...head, ...tableHead, ...rows, ...note, '', ...tail].join('\n')}\n`;
}

function gapRow(entry: OperationCoverage): string {
  const name = escapeMarkdownCell(entry.operation.key);
  const missing = missingResponses(entry);
  const responses = !entry.exercised ? `not exercised${missing.length > 0 ? ` (${missing.map(escapeMarkdownCell).join(', ')})` : ''}` : missing.map(escapeMarkdownCell).join(', ');
  const scenarios = missingScenarios(entry).map((scenario) => SCENARIO_LABELS[scenario]).join(', ');
  const undocumented = entry.undocumented.map((item) => String(item.status)).join(', ');
  return `| ${name} | ${responses || '—'} | ${scenarios || '—'} | ${undocumented || '—'} |`;
}
