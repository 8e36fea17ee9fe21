import type { AuthScenario, CoverageReport, OperationCoverage, Ratio } from '../types.js';

export const SCENARIO_LABELS: Record<AuthScenario, string> = {
  valid: 'valid',
  none: 'none',
  invalid: 'invalid',
  other_identity: 'other identity',
};

export const UNTAGGED = '(untagged)';

export function percentText(ratio: Ratio): string {
  return ratio.percent === null ? 'n/a' : `${Number(ratio.percent.toFixed(1))}%`;
}

export function missingResponses(entry: OperationCoverage): string[] {
  return entry.responses.filter((response) => !response.covered).map((response) => response.status);
}

export function missingScenarios(entry: OperationCoverage): AuthScenario[] {
  return entry.auth.filter((slot) => slot.expected && !slot.covered).map((slot) => slot.scenario);
}

/** Anything a team should look at: never called, a documented response or auth scenario not seen, or a surprise status. */
export function hasGap(entry: OperationCoverage): boolean {
  return !entry.exercised || missingResponses(entry).length > 0 || missingScenarios(entry).length > 0 || entry.undocumented.length > 0;
}

/** Operations grouped by their first tag, in the order tags first appear in the spec; untagged last. */
export function groupByTag(report: CoverageReport): Array<{ tag: string; operations: OperationCoverage[] }> {
  const groups = new Map<string, OperationCoverage[]>();
  for (const entry of report.operations) {
    const tag = entry.operation.tags[0] ?? UNTAGGED;
    const list = groups.get(tag) ?? [];
    list.push(entry);
    groups.set(tag, list);
  }
  const untagged = groups.get(UNTAGGED);
  groups.delete(UNTAGGED);
  const result = [...groups.entries()].map(([tag, operations]) => ({ tag, operations }));
  if (untagged) result.push({ tag: UNTAGGED, operations: untagged });
  return result;
}

export interface CoverageFormatOptions {
  color?: boolean;
  toolVersion?: string;
  /** Markdown: the most characters to emit (GitHub comments stop at 65,536). */
  maxChars?: number;
}
