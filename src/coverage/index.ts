/** `apigate coverage` as a library: spec + inputs → the operation × status × auth matrix. */
import { resolve } from 'node:path';
import { computeCoverage } from './compute.js';
import { readCoverageInputs, type CoverageInput } from './inputs.js';
import { loadCoverageSpec } from './spec.js';
import type { CoverageReport } from './types.js';

export { computeCoverage, documentedResponseFor, expectedScenarios } from './compute.js';
export { readCoverageInputs, type CoverageInput } from './inputs.js';
export { OperationMatcher } from './match.js';
export { coverageSpecFromDocument, loadCoverageSpec } from './spec.js';
export { checkThresholds, type CoverageThresholds, type ThresholdShortfall } from './thresholds.js';
export { COVERAGE_FORMATS, COVERAGE_FORMAT_NAMES, getCoverageFormatter, type CoverageFormatter } from './format/index.js';
export type * from './types.js';

export interface CoverageOptions {
  /** The OpenAPI document the traffic is measured against. */
  spec: string;
  inputs: CoverageInput[];
  cwd?: string;
}

export async function coverage(options: CoverageOptions): Promise<CoverageReport> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const spec = await loadCoverageSpec(resolve(cwd, options.spec), cwd);
  const read = await readCoverageInputs(options.inputs, spec.credentials, cwd);
  return computeCoverage(spec, read.observations, { inputs: read.inputs, warnings: read.warnings });
}
