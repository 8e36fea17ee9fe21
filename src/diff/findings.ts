import type { Finding, Severity } from '../types.js';
import type { Change, ChangeLevel } from './types.js';

const SEVERITY: Record<ChangeLevel, Severity> = { breaking: 'error', warn: 'warn', info: 'info' };

/**
 * Changes as the shared `Finding` type, for the SARIF, GitHub and other shared formatters. An allowed
 * breaking change becomes information that says why it was allowed, so annotations still show it.
 */
export function toFindings(changes: readonly Change[]): Finding[] {
  return changes.map((change) => ({
    ruleId: change.id,
    message: change.allowed ? `${change.message} (allowed: ${allowanceText(change)})` : change.message,
    severity: change.allowed ? 'info' : SEVERITY[change.level],
    file: change.file,
    ...(change.range ? { range: change.range } : {}),
    path: change.pointer,
    source: 'diff',
  }));
}

export function allowanceText(change: Change): string {
  const allowed = change.allowed;
  if (!allowed) return '';
  if (allowed.by === 'approval') return `approved by ${allowed.approver ?? 'unknown'}: ${allowed.reason}`;
  return allowed.reason;
}
