import pc from 'picocolors';
import { sanitizeText } from '../../util/escape.js';
import type { CoverageReport, Observation, OperationCoverage } from '../types.js';
import { groupByTag, percentText, SCENARIO_LABELS, type CoverageFormatOptions } from './common.js';

const MAX_UNMATCHED_SHOWN = 5;

/** A table per tag: one line per operation, then its statuses and auth scenarios with ✓/✗ marks; totals last. */
export function formatCoverageText(report: CoverageReport, options: CoverageFormatOptions = {}): string {
  const colors = pc.createColors(options.color ?? false);
  const yes = colors.green('✓');
  const no = colors.red('✗');
  const lines: string[] = [];
  const title = [report.spec.title, report.spec.version].filter((part) => part !== '').join(' ');
  const inputs = report.inputs.length;
  lines.push(
    colors.bold(`Coverage of ${sanitizeText(title || report.spec.source, 200)}`) +
      ` from ${inputs} input${inputs === 1 ? '' : 's'}, ${report.totals.exchanges} exchange${report.totals.exchanges === 1 ? '' : 's'}`,
  );
  const width = Math.min(60, Math.max(0, ...report.operations.map((entry) => sanitizeText(entry.operation.key, 200).length)));
  for (const group of groupByTag(report)) {
    lines.push('', colors.bold(sanitizeText(group.tag, 200)));
    for (const entry of group.operations) lines.push(...operationLines(entry, width, yes, no, colors));
  }
  if (report.unmatched.length > 0) {
    lines.push('', colors.yellow(`${report.unmatched.length} exchange${report.unmatched.length === 1 ? '' : 's'} matched no operation:`));
    for (const index of report.unmatched.slice(0, MAX_UNMATCHED_SHOWN)) {
      const observation = report.observations[index];
      if (observation) lines.push(`  ${describe(observation)}`);
    }
    if (report.unmatched.length > MAX_UNMATCHED_SHOWN) lines.push(`  … and ${report.unmatched.length - MAX_UNMATCHED_SHOWN} more`);
  }
  if (report.totals.otherHosts > 0) {
    lines.push('', colors.dim(`${report.totals.otherHosts} HAR entr${report.totals.otherHosts === 1 ? 'y' : 'ies'} for other hosts (assets, analytics) left out`));
  }
  for (const warning of report.warnings) lines.push('', colors.yellow(`warning: ${sanitizeText(warning, 1000)}`));
  const { operations, responses, auth } = report.totals;
  const rows: Array<[string, string, string]> = [
    ['Operations covered', `${operations.covered}/${operations.total}`, percentText(operations)],
    ['Documented responses covered', `${responses.covered}/${responses.total}`, percentText(responses)],
    ['Auth scenarios covered', `${auth.covered}/${auth.total}`, percentText(auth)],
    ['Undocumented statuses', String(report.totals.undocumentedStatuses), ''],
  ];
  lines.push('');
  for (const [label, count, percent] of rows) lines.push(`${label.padEnd(30)} ${count.padStart(9)} ${percent.padStart(7)}`.trimEnd());
  return `${lines.join('\n')}\n`;
}

function operationLines(entry: OperationCoverage, width: number, yes: string, no: string, colors: ReturnType<typeof pc.createColors>): string[] {
  const key = sanitizeText(entry.operation.key, 200);
  const id = entry.operation.operationId ? colors.dim(sanitizeText(entry.operation.operationId, 120)) : '';
  const status = entry.exercised ? yes : no;
  const lines = [`  ${status} ${key.padEnd(width)}  ${id}`.trimEnd()];
  const responses = entry.responses.map((response) => `${sanitizeText(response.status, 20)} ${response.covered ? yes : no}`);
  const undocumented = entry.undocumented.map((item) => colors.magenta(`!${item.status}${item.hits > 1 ? ` (${item.hits}×)` : ''}`));
  const responseText = [...responses, ...(undocumented.length > 0 ? [`undocumented ${undocumented.join(' ')}`] : [])].join('   ');
  lines.push(`      responses  ${responseText || colors.dim('none documented')}`);
  if (entry.operation.secured) {
    const slots = entry.auth
      .filter((slot) => slot.expected || slot.covered)
      .map((slot) => `${SCENARIO_LABELS[slot.scenario]} ${slot.covered ? yes : no}`);
    lines.push(`      auth       ${slots.join('   ')}`);
  }
  if (entry.noResponse > 0) lines.push(colors.yellow(`      ${entry.noResponse} request${entry.noResponse === 1 ? '' : 's'} got no response`));
  return lines;
}

export function describe(observation: Observation): string {
  const target = observation.operationKey ?? `${observation.method} ${observation.url ?? ''}`;
  return `${sanitizeText(target, 300)} → ${observation.status ?? 'no response'} (${sanitizeText(observation.source, 200)})`;
}
