import pc from 'picocolors';
import { sanitizeText } from '../../util/escape.js';
import { displayPath } from '../../util/paths.js';
import { allowanceText } from '../findings.js';
import type { DiffReport } from '../index.js';
import type { ChangeLevel } from '../types.js';

/** Terminal output: one line per change with its HEAD position, then a summary that says what failed. */
export function stylishChanges(report: DiffReport, options: { cwd: string; color: boolean }): string {
  const colors = pc.createColors(options.color);
  const paint: Record<ChangeLevel, (text: string) => string> = { breaking: colors.red, warn: colors.yellow, info: colors.blue };
  const header = `${sanitizeText(report.base.source, 300)} → ${sanitizeText(report.head.source, 300)}`;
  if (report.changes.length === 0) return `${colors.green('No changes.')} ${header}\n`;
  const rows = report.changes.map((change) => {
    const where = `${sanitizeText(displayPath(change.file, options.cwd), 300)}${change.range ? `:${change.range.start.line}:${change.range.start.column}` : ''}`;
    const label = change.allowed ? 'allowed' : change.level;
    const allowed = change.allowed ? colors.dim(` (allowed: ${sanitizeText(allowanceText(change), 300)})`) : '';
    return { where, label, level: change.level, allowedChange: Boolean(change.allowed), id: change.id, message: `${sanitizeText(change.message, 1000)}${allowed}` };
  });
  const labelWidth = Math.max(...rows.map((row) => row.label.length));
  const idWidth = Math.max(...rows.map((row) => row.id.length));
  const lines = [colors.underline(header)];
  for (const row of rows) {
    const label = row.allowedChange ? colors.green(row.label.padEnd(labelWidth)) : paint[row.level](row.label.padEnd(labelWidth));
    lines.push(` ${label}  ${colors.dim(row.id.padEnd(idWidth))}  ${row.message}`);
    lines.push(` ${''.padEnd(labelWidth)}  ${''.padEnd(idWidth)}  ${colors.dim(row.where)}`);
  }
  lines.push('');
  const count = (level: ChangeLevel): number => report.changes.filter((change) => !change.allowed && change.level === level).length;
  const allowed = report.changes.filter((change) => change.allowed).length;
  const parts = [paint.breaking(`${count('breaking')} breaking`), paint.warn(`${count('warn')} warning${count('warn') === 1 ? '' : 's'}`), paint.info(`${count('info')} info`)];
  if (allowed > 0) parts.push(colors.green(`${allowed} allowed`));
  const verdict =
    report.failing.length > 0
      ? colors.red(`✖ ${report.failing.length} change${report.failing.length === 1 ? '' : 's'} at or above --fail-on ${report.failOn}`)
      : colors.green(report.failOn === 'none' ? '✔ not gating (--fail-on none)' : `✔ no changes at or above --fail-on ${report.failOn}`);
  lines.push(`${verdict} (${parts.join(', ')})`);
  for (const approval of report.unusedApprovals) {
    lines.push(colors.yellow(`unused approval: ${approval.check} at ${sanitizeText(approval.location, 500)} matches no change`));
  }
  return `${lines.join('\n')}\n`;
}
