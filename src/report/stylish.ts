import pc from 'picocolors';
import { SEVERITIES, type Finding, type Severity } from '../types.js';
import { displayPath } from '../util/paths.js';
import { sanitizeText } from '../util/escape.js';
import type { Formatter } from './types.js';

const SEVERITY_LABEL: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'information', hint: 'hint' };

/** Grouped by file, `line:col severity code message`, then a summary line; colour only when asked for. */
export const stylish: Formatter = (findings, context) => {
  const colors = pc.createColors(context.color);
  const paint: Record<Severity, (text: string) => string> = {
    error: colors.red,
    warn: colors.yellow,
    info: colors.blue,
    hint: colors.gray,
  };
  if (findings.length === 0) {
    return `${colors.green('No findings.')} ${context.files.length} file${context.files.length === 1 ? '' : 's'} checked.\n`;
  }
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = finding.file ?? '';
    byFile.set(key, [...(byFile.get(key) ?? []), finding]);
  }
  const lines: string[] = [];
  for (const [file, group] of byFile) {
    lines.push(colors.underline(sanitizeText(displayPath(file, context.cwd) || '(no file)', 1000)));
    const rows = group.map((finding) => [
      finding.range ? `${finding.range.start.line}:${finding.range.start.column}` : '',
      SEVERITY_LABEL[finding.severity],
      finding.ruleId,
      sanitizeText(finding.message),
      finding.severity,
    ] as const);
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => (row[i] ?? "").length)));
    for (const [position, label, rule, message, severity] of rows) {
      lines.push(
        ` ${position.padStart(widths[0] ?? 0)}  ${paint[severity](label.padEnd(widths[1] ?? 0))}  ${colors.dim(rule.padEnd(widths[2] ?? 0))}  ${message}`,
      );
    }
    lines.push('');
  }
  const counts = SEVERITIES.map((severity) => [severity, findings.filter((f) => f.severity === severity).length] as const);
  const parts = counts
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => paint[severity](`${count} ${SEVERITY_LABEL[severity]}${count === 1 ? '' : 's'}`));
  const total = findings.length;
  lines.push(`✖ ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')})`);
  return `${lines.join('\n')}\n`;
};
