import { fixture } from '../helpers/cli.js';
import { diff, type DiffOptions, type DiffReport } from '../../src/diff/index.js';

/** A fixed clock, so sunset dates compare the same way on every day the suite runs. */
export const NOW = new Date('2026-01-01T00:00:00Z');

export function diffFixtures(base: string, head: string, options: DiffOptions = {}): Promise<DiffReport> {
  return diff(fixture('diff', base), fixture('diff', head), {
    cwd: fixture('diff'),
    failOn: 'none',
    ...options,
    policy: { now: NOW, ...options.policy },
  });
}

/** The parts of a change a user reads, for exact comparisons. */
export function summarise(report: DiffReport): Array<{ id: string; level: string; message: string; location: string; line?: number; allowed?: string }> {
  return report.changes.map((change) => ({
    id: change.id,
    level: change.level,
    message: change.message,
    location: change.location,
    line: change.range?.start.line,
    ...(change.allowed ? { allowed: change.allowed.by } : {}),
  }));
}
