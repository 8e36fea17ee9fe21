import type { ContractReport } from '../contract/report/types.js';
import { formatCoverageMarkdown } from '../coverage/format/markdown.js';
import type { CoverageReport } from '../coverage/types.js';
import { SEVERITIES, type Finding, type Severity } from '../types.js';
import { escapeMarkdownCell } from '../util/escape.js';
import { displayPath } from '../util/paths.js';

/** GitHub refuses a step summary over 1 MiB. */
export const SUMMARY_MAX_BYTES = 1024 * 1024;
/** GitHub refuses a comment over 65,536 characters. */
export const COMMENT_MAX_CHARS = 65_536;

export interface BaselineTally {
  file: string;
  baselined: number;
  fixed: number;
  expired: number;
}

export interface SummaryInput {
  result: 'pass' | 'fail';
  failSeverity: Severity;
  /** Paths are shown relative to this folder (the repository root). */
  root: string;
  /** Findings reported after the baseline (lint and breaking changes). */
  findings: Finding[];
  /** The one-line error when the gate could not run. */
  error?: string;
  baseline?: BaselineTally;
  notAnnotated: number;
  contract?: ContractReport;
  coverage?: { report: CoverageReport; shortfalls: string[] };
  diff?: { base: string; failing: number; changes: number };
  toolVersion: string;
}

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Errors', warn: 'Warnings', info: 'Info', hint: 'Hints' };

/**
 * The job summary (and the PR comment): the verdict first, counts by severity and by rule, the top findings,
 * contract failures and coverage. Lists shrink until the text fits `maxBytes`, so a huge spec never makes
 * GitHub reject the whole summary.
 */
export function buildSummary(input: SummaryInput, maxBytes: number = SUMMARY_MAX_BYTES): string {
  for (const top of [50, 20, 10, 5, 0]) {
    for (const withCoverageDetails of [true, false]) {
      const text = render(input, top, withCoverageDetails, maxBytes);
      if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
    }
  }
  const text = render(input, 0, false, maxBytes);
  return `${text.slice(0, Math.max(0, maxBytes / 4 - 100))}\n\n_(summary cut to fit GitHub's size limit)_\n`;
}

function render(input: SummaryInput, top: number, withCoverageDetails: boolean, maxBytes: number): string {
  const out: string[] = [];
  const verdict = input.result === 'pass' ? '✅ passed' : '❌ failed';
  out.push(`## apigate: ${verdict}`, '');
  if (input.error) {
    out.push(`**The gate could not run:** ${escapeMarkdownCell(input.error)}`, '');
  }

  const counts = new Map<Severity, number>(SEVERITIES.map((severity) => [severity, 0]));
  for (const finding of input.findings) counts.set(finding.severity, (counts.get(finding.severity) ?? 0) + 1);
  if (!input.error) {
    out.push(`Fails on findings of severity **${input.failSeverity}** or worse.`, '');
    out.push('| Severity | Findings |', '|---|---:|');
    for (const severity of SEVERITIES) out.push(`| ${SEVERITY_LABEL[severity]} | ${counts.get(severity)} |`);
    out.push('');
  }
  if (input.baseline) {
    const { baselined, fixed, expired } = input.baseline;
    const notes = [`${baselined} known finding${baselined === 1 ? '' : 's'} left out by \`${escapeMarkdownCell(input.baseline.file)}\``];
    if (fixed > 0) notes.push(`${fixed} baselined finding${fixed === 1 ? ' is' : 's are'} fixed (the baseline can shrink)`);
    if (expired > 0) notes.push(`${expired} expired entr${expired === 1 ? 'y counts' : 'ies count'} again`);
    out.push(`${notes.join('; ')}.`, '');
  }

  if (input.findings.length > 0) {
    const byRule = new Map<string, { count: number; severity: Severity }>();
    for (const finding of input.findings) {
      const entry = byRule.get(finding.ruleId) ?? { count: 0, severity: finding.severity };
      entry.count += 1;
      if (SEVERITIES.indexOf(finding.severity) < SEVERITIES.indexOf(entry.severity)) entry.severity = finding.severity;
      byRule.set(finding.ruleId, entry);
    }
    out.push('### Findings by rule', '', '| Rule | Severity | Findings |', '|---|---|---:|');
    const rules = [...byRule.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
    for (const [rule, { count, severity }] of rules.slice(0, 100)) out.push(`| \`${escapeMarkdownCell(rule)}\` | ${severity} | ${count} |`);
    if (rules.length > 100) out.push(`| _${rules.length - 100} more rules_ | | |`);
    out.push('');

    if (top > 0) {
      const shown = [...input.findings]
        .map((finding, index) => ({ finding, index }))
        .sort((a, b) => SEVERITIES.indexOf(a.finding.severity) - SEVERITIES.indexOf(b.finding.severity) || a.index - b.index)
        .slice(0, top);
      out.push(`### Top findings${input.findings.length > shown.length ? ` (${shown.length} of ${input.findings.length})` : ''}`, '');
      out.push('| Severity | Location | Rule | Message |', '|---|---|---|---|');
      for (const { finding } of shown) {
        const file = finding.file === undefined ? '' : displayPath(finding.file, input.root);
        const where = `${file}${finding.range ? `:${finding.range.start.line}` : ''}`;
        out.push(`| ${finding.severity} | ${escapeMarkdownCell(where)} | \`${escapeMarkdownCell(finding.ruleId)}\` | ${escapeMarkdownCell(finding.message)} |`);
      }
      out.push('');
    }
  } else if (!input.error) {
    out.push('No findings.', '');
  }
  if (input.notAnnotated > 0) {
    out.push(
      `> ${input.notAnnotated} finding${input.notAnnotated === 1 ? ' was' : 's were'} not annotated: GitHub shows at most 10 error, 10 warning and 10 notice annotations per step (findings on changed lines went first). All are listed in the step log and the findings file.`,
      '',
    );
  }

  if (input.diff) {
    out.push('### Breaking changes', '', `${input.diff.changes} change${input.diff.changes === 1 ? '' : 's'} against \`${escapeMarkdownCell(input.diff.base)}\`, ${input.diff.failing} failing the gate.`, '');
  }

  if (input.contract) {
    const { summary, failures } = input.contract;
    out.push('### Contract', '', `${summary.cases} cases on ${summary.operations} operations: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped.`, '');
    if (failures.length > 0) {
      out.push('| Check | Operation | Problem |', '|---|---|---|');
      const limit = Math.max(5, top);
      for (const failure of failures.slice(0, limit)) {
        out.push(`| \`${escapeMarkdownCell(failure.check)}\` | ${escapeMarkdownCell(failure.operation)} | ${escapeMarkdownCell(failure.message)} |`);
      }
      if (failures.length > limit) out.push(`| _${failures.length - limit} more failures_ | | |`);
      out.push('');
    }
  }

  if (input.coverage) {
    const budget = withCoverageDetails ? Math.min(60_000, Math.floor(maxBytes / 3)) : 2_000;
    out.push(formatCoverageMarkdown(input.coverage.report, { maxChars: budget }).trimEnd(), '');
    for (const shortfall of input.coverage.shortfalls) out.push(`- ❌ ${escapeMarkdownCell(shortfall)}`);
    if (input.coverage.shortfalls.length > 0) out.push('');
  }
  out.push(`<sub>apigate ${escapeMarkdownCell(input.toolVersion)}</sub>`, '');
  return `${out.join('\n')}\n`;
}
