import type { CoverageReport, Ratio } from '../types.js';
import type { CoverageFormatOptions } from './common.js';

export const COVERAGE_JSON_FORMAT = 'apigate-coverage';
export const COVERAGE_JSON_VERSION = 1;
/** Unmatched requests listed in full; the total is always given. */
const MAX_UNMATCHED_LISTED = 200;

function ratio(value: Ratio): Ratio {
  return { covered: value.covered, total: value.total, percent: value.percent };
}

/** The stable machine-readable report; its schema is documented in docs/coverage.md and only grows. */
export function formatCoverageJson(report: CoverageReport, options: CoverageFormatOptions = {}): string {
  const output = {
    format: COVERAGE_JSON_FORMAT,
    version: COVERAGE_JSON_VERSION,
    ...(options.toolVersion ? { tool_version: options.toolVersion } : {}),
    spec: report.spec,
    inputs: report.inputs.map((input) => ({ file: input.file, kind: input.kind, exchanges: input.exchanges, ...(input.seed !== undefined ? { seed: input.seed } : {}) })),
    totals: {
      operations: ratio(report.totals.operations),
      responses: ratio(report.totals.responses),
      auth: ratio(report.totals.auth),
      undocumented_statuses: report.totals.undocumentedStatuses,
      exchanges: report.totals.exchanges,
      unmatched: report.totals.unmatched,
      other_hosts: report.totals.otherHosts,
    },
    operations: report.operations.map((entry) => ({
      operation: entry.operation.key,
      method: entry.operation.method,
      path: entry.operation.path,
      operation_id: entry.operation.operationId ?? null,
      tags: entry.operation.tags,
      secured: entry.operation.secured,
      deprecated: entry.operation.deprecated,
      exercised: entry.exercised,
      hits: entry.hits,
      no_response: entry.noResponse,
      responses: entry.responses.map((response) => ({ status: response.status, covered: response.covered, hits: response.hits, observed: response.observed })),
      undocumented: entry.undocumented,
      auth: entry.auth.map((slot) => ({ scenario: slot.scenario, expected: slot.expected, covered: slot.covered, hits: slot.hits })),
    })),
    unmatched: report.unmatched.slice(0, MAX_UNMATCHED_LISTED).map((index) => {
      const observation = report.observations[index];
      return {
        source: observation?.source ?? '',
        method: observation?.method ?? '',
        ...(observation?.operationKey !== undefined ? { operation: observation.operationKey } : { url: observation?.url ?? '' }),
        status: observation?.status ?? null,
      };
    }),
    warnings: report.warnings,
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
