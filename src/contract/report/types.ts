import type { AuthScenario, CaseKind } from '../types.js';

/** A request or response as it appears in reports: credentials already redacted. */
export interface ReportedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ReportedResponse {
  status: number;
  headers: Record<string, string>;
  /** The body text, redacted and cut to a readable excerpt. */
  body: string;
}

export interface FailureRecord {
  check: string;
  /** `METHOD /path/template`. */
  operation: string;
  operation_id: string | null;
  case: string;
  kind: CaseKind;
  identity: string;
  scenario: AuthScenario;
  message: string;
  expected?: string;
  received?: string;
  request: ReportedRequest;
  response: ReportedResponse | null;
  /** A shell command that repeats the request (credentials shown as ***). */
  curl: string;
}

export type CaseOutcome = 'passed' | 'failed' | 'skipped';

export interface CaseRecord {
  case: string;
  operation: string;
  kind: CaseKind;
  identity: string;
  scenario: AuthScenario;
  /** HTTP status received; null when the request failed or was not sent. */
  status: number | null;
  duration_ms: number;
  ok: boolean;
  outcome: CaseOutcome;
  /** Check ids that failed on this case. */
  checks_failed: string[];
  /** Why a case was not sent (budget, dry run). */
  skipped_reason?: string;
}

export interface PlannedRecord {
  case: string;
  operation: string;
  kind: CaseKind;
  identity: string;
  scenario: AuthScenario;
  intent: string;
  request: ReportedRequest;
  curl: string;
}

export interface ContractSummary {
  operations: number;
  cases: number;
  passed: number;
  failed: number;
  skipped: number;
  duration_ms: number;
}

export interface CleanupSummary {
  /** Resources the run created that it could identify. */
  created: number;
  deleted: number;
  /** Created resources left behind, with why (no delete operation in the spec, delete failed, ...). */
  left: string[];
}

export interface ContractReport {
  summary: ContractSummary;
  failures: FailureRecord[];
  cases: CaseRecord[];
  seed: number;
  base_url: string;
  spec: string;
  dry_run: boolean;
  read_only: boolean;
  shard?: string;
  checks: string[];
  warnings: string[];
  cleanup: CleanupSummary;
  /** Every planned request; filled on --dry-run only. */
  planned: PlannedRecord[];
  /**
   * Per operation, the identity scenarios its cases exercised (sent, or planned in a dry run), in the order
   * valid, none, invalid, other_identity: the auth axis of coverage.
   */
  scenarios: Record<string, AuthScenario[]>;
}
