import { uniqueFingerprints } from '../baseline/fingerprint.js';
import type { Severity } from '../types.js';
import { sanitizeText } from '../util/escape.js';
import { displayPath } from '../util/paths.js';
import type { Formatter } from './types.js';

/** GitLab Code Quality has five levels; its widget counts blockers and criticals as the severe ones. */
const SEVERITY: Record<Severity, 'info' | 'minor' | 'major' | 'critical' | 'blocker'> = {
  error: 'major',
  warn: 'minor',
  info: 'info',
  hint: 'info',
};

/**
 * GitLab Code Quality JSON (`artifacts:reports:codequality`). Fingerprints follow the baseline scheme (rule,
 * file, JSON path, message; no line numbers), so GitLab's merge request widget shows a finding as new only
 * when it is new, not when a line moved; repeats on one node get distinct fingerprints, which GitLab requires.
 */
export const gitlab: Formatter = (findings, context) => {
  const fingerprints = uniqueFingerprints(findings, context.cwd);
  const fallbackPath = context.files[0] === undefined ? 'openapi' : displayPath(context.files[0], context.cwd);
  const issues = findings.map((finding, index) => ({
    type: 'issue',
    check_name: finding.ruleId,
    description: sanitizeText(finding.message, 4000),
    fingerprint: fingerprints[index],
    severity: SEVERITY[finding.severity],
    location: {
      path: finding.file === undefined ? fallbackPath : displayPath(finding.file, context.cwd),
      lines: { begin: Math.max(1, finding.range?.start.line ?? 1) },
    },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
};
