import { sanitizeText } from '../../util/escape.js';
import { allowanceText } from '../findings.js';
import type { DiffReport } from '../index.js';
import type { Change } from '../types.js';

/** Escapes markdown outside code spans; code spans (names from the spec) are kept, their text is inert. */
function inline(text: string): string {
  return sanitizeText(text, 2000)
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? part : part.replace(/([\\*_[\]<>|#!~])/g, '\\$1')))
    .join('');
}

function section(title: string, changes: Change[], withReason = false): string[] {
  if (changes.length === 0) return [];
  const lines = [`### ${title}`, ''];
  for (const change of changes) {
    const reason = withReason ? ` — allowed: ${inline(allowanceText(change))}` : '';
    lines.push(`- ${inline(capitalise(change.message))}${reason} (\`${change.id}\`)`);
  }
  lines.push('');
  return lines;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function version(side: DiffReport['base']): string {
  return side.version ? `${side.version}` : side.source;
}

/** A changelog that can be pasted into release notes: breaking first, then warnings, additions and allowed changes. */
export function markdownChangelog(report: DiffReport): string {
  const open = report.changes.filter((change) => !change.allowed);
  const breaking = open.filter((change) => change.level === 'breaking');
  const warnings = open.filter((change) => change.level === 'warn');
  const info = open.filter((change) => change.level === 'info');
  const allowed = report.changes.filter((change) => change.allowed);
  const title = report.head.title ?? report.base.title ?? 'API';
  const lines = [`## ${inline(title)}: changes from ${inline(version(report.base))} to ${inline(version(report.head))}`, ''];
  if (report.changes.length === 0) {
    lines.push('No changes to the API contract.', '');
    return lines.join('\n');
  }
  const counts = [
    `${breaking.length} breaking`,
    `${warnings.length} warning${warnings.length === 1 ? '' : 's'}`,
    `${info.length} other`,
    ...(allowed.length > 0 ? [`${allowed.length} allowed breaking`] : []),
  ];
  lines.push(`**${counts.join(', ')}**`, '');
  lines.push(...section('Breaking changes', breaking));
  lines.push(...section('Changes to review', warnings));
  lines.push(...section('Other changes', info));
  lines.push(...section('Allowed breaking changes', allowed, true));
  if (report.unusedApprovals.length > 0) {
    lines.push('### Unused approvals', '');
    for (const approval of report.unusedApprovals) lines.push(`- \`${approval.check}\` at ${inline(approval.location)} matches no change`);
    lines.push('');
  }
  return lines.join('\n');
}
