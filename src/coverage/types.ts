/**
 * The coverage model. Every input (contract reports, proxy recordings, HAR files) is reduced to
 * `Observation`s; the matrix is a pure function of the spec and the observations, so shards merge by
 * concatenation and the numbers do not depend on how a run was split.
 */
import type { AuthScenario } from '../contract/types.js';

export type { AuthScenario } from '../contract/types.js';

export const AUTH_SCENARIOS: readonly AuthScenario[] = ['valid', 'none', 'invalid', 'other_identity'];

export type InputKind = 'contract' | 'traffic' | 'har';

/** One operation of the spec as coverage sees it. */
export interface CoverageOperation {
  /** `METHOD /path/template`. */
  key: string;
  method: string;
  path: string;
  operationId?: string;
  tags: string[];
  /** Documented response keys as written: `200`, `4XX`, `default`. */
  responses: string[];
  /** True when every security requirement needs credentials (no `{}` alternative). */
  secured: boolean;
  deprecated: boolean;
}

/** Where a credential travels, from the spec's security schemes; used to classify recorded traffic. */
export interface CredentialLocation {
  in: 'header' | 'query' | 'cookie';
  /** Lower-cased for headers. */
  name: string;
}

export interface CoverageSpec {
  title: string;
  version: string;
  /** The file the spec was read from. */
  source: string;
  operations: CoverageOperation[];
  /** Path prefixes taken from `servers` (or Swagger 2.0 `basePath`), without trailing slash. */
  basePaths: string[];
  credentials: CredentialLocation[];
}

/** One request/response seen in some input. */
export interface Observation {
  /** The input file, as shown to users. */
  source: string;
  input: InputKind;
  method: string;
  /** Contract reports name the operation directly: `METHOD /path/template`. */
  operationKey?: string;
  /** The request path (and query) for traffic and HAR, secrets redacted. */
  url?: string;
  /** HAR only: the host the request went to, so a browser's requests for assets elsewhere can be set aside. */
  host?: string;
  /** Null when no response arrived (timeout, reset). */
  status: number | null;
  scenario: AuthScenario;
  /** Contract case details, for the drill-down. */
  caseId?: string;
  kind?: string;
  identity?: string;
  ok?: boolean;
  durationMs?: number;
  /** Check ids that failed on this exchange. */
  failedChecks: string[];
}

export interface ResponseCoverage {
  /** As documented: `200`, `4XX`, `default`. */
  status: string;
  covered: boolean;
  hits: number;
  /** The concrete statuses that landed on this documented response (`4XX` ← 400, 422). */
  observed: number[];
}

export interface AuthCoverage {
  scenario: AuthScenario;
  /** Whether this scenario counts towards the auth total for the operation. */
  expected: boolean;
  covered: boolean;
  hits: number;
}

export interface OperationCoverage {
  operation: CoverageOperation;
  exercised: boolean;
  /** Exchanges matched to the operation, with or without a response. */
  hits: number;
  /** Exchanges that got no response at all. */
  noResponse: number;
  responses: ResponseCoverage[];
  /** Observed statuses that no documented response (code, range or default) accounts for. */
  undocumented: Array<{ status: number; hits: number }>;
  /** Empty for public operations. */
  auth: AuthCoverage[];
  /** Indices into `CoverageReport.observations`, for drill-down. */
  observations: number[];
}

export interface Ratio {
  covered: number;
  total: number;
  /** 0–100; null when `total` is 0 (nothing to cover). */
  percent: number | null;
}

export interface CoverageTotals {
  operations: Ratio;
  responses: Ratio;
  auth: Ratio;
  undocumentedStatuses: number;
  exchanges: number;
  unmatched: number;
  /** HAR exchanges with hosts that served no request of the API (fonts, analytics, CDNs), left out. */
  otherHosts: number;
}

export interface InputSummary {
  file: string;
  kind: InputKind;
  exchanges: number;
  seed?: string | number;
}

export interface CoverageReport {
  spec: { title: string; version: string; source: string };
  inputs: InputSummary[];
  operations: OperationCoverage[];
  observations: Observation[];
  /** Indices into `observations` of exchanges that matched no operation. */
  unmatched: number[];
  totals: CoverageTotals;
  /** Things a user should know that do not stop the report (mixed seeds, unknown operation keys). */
  warnings: string[];
}
