import type { ContractReport } from './types.js';

/**
 * The machine-readable report the coverage reporter reads: `summary`, `failures`, `cases` first (the
 * documented core), then run metadata. JSON escaping keeps server text inert.
 */
export function formatJson(report: ContractReport): string {
  const { summary, failures, cases, planned, ...meta } = report;
  const output: Record<string, unknown> = { summary, failures, cases, ...meta };
  if (report.dry_run) output['planned'] = planned;
  return `${JSON.stringify(output, null, 2)}\n`;
}
