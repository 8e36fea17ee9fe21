import type { Severity } from '../types.js';
import type { Formatter } from './types.js';

const SPECTRAL_SEVERITY: Record<Severity, number> = { error: 0, warn: 1, info: 2, hint: 3 };

/**
 * Spectral-compatible JSON: the same fields, 0-based ranges and numeric severities, so tools written for
 * `spectral lint -f json` read it unchanged.
 */
export const json: Formatter = (findings) => {
  const results = findings.map((finding) => ({
    code: finding.ruleId,
    path: finding.path,
    message: finding.message,
    severity: SPECTRAL_SEVERITY[finding.severity],
    range: finding.range
      ? {
          start: { line: finding.range.start.line - 1, character: finding.range.start.column - 1 },
          end: { line: finding.range.end.line - 1, character: finding.range.end.column - 1 },
        }
      : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    source: finding.file,
  }));
  return `${JSON.stringify(results, null, 2)}\n`;
};
