/** The public API of apigate. The CLI is a thin layer over these functions. */
export { lint, type LintOptions, type LintReport } from './lint/lint.js';
export { FORMATTERS, FORMAT_NAMES, getFormatter, type FormatContext, type Formatter } from './report/index.js';
export { ApigateError, isApigateError, type ApigateErrorCode } from './errors.js';
export { SEVERITIES, isAtLeast, type Finding, type Severity, type RuleMeta, type Range, type Position, type JsonPath } from './types.js';
export {
  coverage,
  computeCoverage,
  checkThresholds,
  getCoverageFormatter,
  COVERAGE_FORMAT_NAMES,
  type CoverageOptions,
  type CoverageReport,
  type CoverageThresholds,
} from './coverage/index.js';
export { startProxy, type ProxyOptions, type RunningProxy } from './proxy/proxy.js';
export { runContract, parseShard, type RunContractOptions, type Shard } from './contract/runner.js';
export { loadSpec, type LoadSpecOptions } from './contract/spec/load.js';
export { CONTRACT_FORMATTERS, CONTRACT_FORMAT_NAMES, getContractFormatter, type ContractFormatter } from './contract/report/index.js';
export type { ContractReport, FailureRecord, CaseRecord } from './contract/report/types.js';
export type { Identity } from './contract/identity.js';
export { runDemo } from './demo/index.js';
export { VERSION } from './version.js';
export { createBaseline, matchBaseline, readBaseline, writeBaseline, fingerprint, type Baseline, type BaselineEntry, type BaselineMatch } from './baseline/index.js';
export { lintNewSince, type NewSinceReport } from './lint/new-since.js';
export {
  diff,
  markdownChangelog,
  toFindings as diffChangesToFindings,
  CHECKS as DIFF_CHECKS,
  CHANGE_LEVELS,
  type DiffOptions,
  type DiffReport,
  type Change,
  type ChangeLevel,
  type FailOn,
} from './diff/index.js';
