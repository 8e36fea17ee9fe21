import type { Finding, Severity } from '../types.js';
import { escapeWorkflowData, escapeWorkflowProperty, sanitizeText } from '../util/escape.js';
import { displayPath } from '../util/paths.js';
import type { Formatter } from './types.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warn: 'warning', info: 'notice', hint: 'notice' };

/**
 * GitHub Actions workflow commands, which the runner turns into annotations on the pull request diff.
 * Spec text is untrusted: it is flattened to one line and percent-encoded, so it can neither end the command
 * early nor start a line of its own that the runner would execute as another command.
 */
export const github: Formatter = (findings, context) => {
  if (findings.length === 0) return '';
  return `${findings.map((finding) => annotation(finding, context.cwd)).join('\n')}\n`;
};

function annotation(finding: Finding, cwd: string): string {
  const properties: Array<[string, string | number]> = [];
  if (finding.file !== undefined) properties.push(['file', displayPath(finding.file, cwd)]);
  if (finding.range) {
    const { start, end } = finding.range;
    properties.push(['line', start.line], ['col', start.column], ['endLine', end.line], ['endColumn', end.column]);
  }
  properties.push(['title', finding.ruleId]);
  const encoded = properties.map(([key, value]) => `${key}=${escapeWorkflowProperty(sanitizeText(String(value), 1000))}`).join(',');
  return `::${COMMAND[finding.severity]} ${encoded}::${escapeWorkflowData(sanitizeText(finding.message, 4000))}`;
}
