/**
 * The shared model. Every engine (lint rules, contract checks, diff checks) produces `Finding`s and every
 * formatter consumes them, so a new engine or output format only has to speak this one type.
 */

/** Ordered from most to least severe; the order is the one `--fail-severity` compares against. */
export const SEVERITIES = ['error', 'warn', 'info', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** 1-based line and column, converted once when a finding is created so no formatter adds 1. */
export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type JsonPath = ReadonlyArray<string | number>;

export type FindingSource = 'lint' | 'contract' | 'diff';

export interface Finding {
  /** Rule, check or change id, e.g. `apigate-error-format` or `status_code_conformance`. */
  ruleId: string;
  message: string;
  severity: Severity;
  /** Absolute path (or URL) of the file the offending node lives in; for `$ref`'d nodes, the referenced file. */
  file?: string;
  range?: Range;
  /** Location inside the document as a JSON path. */
  path: JsonPath;
  source: FindingSource;
}

/** What formatters need to know about a rule: SARIF and markdown list rules with their docs. */
export interface RuleMeta {
  id: string;
  description: string;
  severity: Severity;
  documentationUrl?: string;
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** True when `severity` is at least as severe as `threshold`. */
export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) <= severityRank(threshold);
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}
