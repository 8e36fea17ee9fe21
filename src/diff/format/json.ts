import type { DiffReport } from '../index.js';

/** The whole report as JSON: every change with its id, level, location, HEAD position and allowance. */
export function jsonChanges(report: DiffReport): string {
  const { checks: _checks, failing, ...rest } = report;
  return `${JSON.stringify({ ...rest, failing: failing.length }, null, 2)}\n`;
}
