import { OperationMatcher } from './match.js';
import { AUTH_SCENARIOS } from './types.js';
import type {
  AuthCoverage,
  CoverageOperation,
  CoverageReport,
  CoverageSpec,
  InputSummary,
  Observation,
  OperationCoverage,
  Ratio,
  ResponseCoverage,
} from './types.js';

/**
 * Which documented response accounts for a status: the exact code, else its `4XX`-style range, else
 * `default`. Undefined means the status is undocumented.
 */
export function documentedResponseFor(responses: string[], status: number): string | undefined {
  const exact = responses.find((key) => key === String(status));
  if (exact) return exact;
  const range = responses.find((key) => key.toUpperCase() === `${Math.floor(status / 100)}XX`);
  if (range) return range;
  return responses.find((key) => key === 'default');
}

/**
 * The auth scenarios that count for an operation. Every secured operation should be tried with valid, no and
 * invalid credentials; trying another identity only makes sense where the path names an object.
 */
export function expectedScenarios(operation: CoverageOperation): Set<string> {
  if (!operation.secured) return new Set();
  const scenarios = new Set(['valid', 'none', 'invalid']);
  if (/\{[^}]+\}/.test(operation.path)) scenarios.add('other_identity');
  return scenarios;
}

export function ratio(covered: number, total: number): Ratio {
  return { covered, total, percent: total === 0 ? null : Math.round((covered / total) * 100000) / 1000 };
}

/** Orders status keys the way people read them: 1xx…5xx with exact codes before their range, then `default`. */
export function compareStatusKeys(a: string, b: string): number {
  const rank = (key: string): number => {
    if (key === 'default') return 1000;
    const upper = key.toUpperCase();
    if (/^[1-5]XX$/.test(upper)) return Number(upper[0]) * 100 + 99.5;
    const number = Number(key);
    return Number.isFinite(number) ? number : 999;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

export interface ComputeOptions {
  inputs?: InputSummary[];
  warnings?: string[];
}

/** The operation × status × auth matrix. Pure: the same observations in any order give the same report. */
export function computeCoverage(spec: CoverageSpec, observations: Observation[], options: ComputeOptions = {}): CoverageReport {
  const matcher = new OperationMatcher(spec.operations, spec.basePaths);
  const byOperation = new Map<string, number[]>();
  const unmatched: number[] = [];
  const unknownKeys = new Set<string>();
  observations.forEach((observation, index) => {
    const operation = observation.operationKey !== undefined ? matcher.byOperationKey(observation.operationKey) : matcher.match(observation.method, observation.url ?? '/');
    if (!operation) {
      if (observation.operationKey !== undefined) unknownKeys.add(observation.operationKey);
      unmatched.push(index);
      return;
    }
    const list = byOperation.get(operation.key) ?? [];
    list.push(index);
    byOperation.set(operation.key, list);
  });

  // A browser session also fetches scripts, fonts and analytics from other hosts: those are not API gaps.
  const apiHosts = new Set<string>();
  for (const indices of byOperation.values()) {
    for (const index of indices) {
      const host = observations[index]?.host;
      if (host !== undefined) apiHosts.add(host);
    }
  }
  const isOtherHost = (index: number): boolean => {
    const host = observations[index]?.host;
    // With no host known to serve the API, nothing can be told apart: everything stays unmatched.
    return host !== undefined && apiHosts.size > 0 && !apiHosts.has(host);
  };
  const otherHosts = unmatched.filter(isOtherHost).length;
  const unmatchedHere = otherHosts > 0 ? unmatched.filter((index) => !isOtherHost(index)) : unmatched;
  const operations = spec.operations.map((operation) => operationCoverage(operation, byOperation.get(operation.key) ?? [], observations));
  const warnings = [...(options.warnings ?? [])];
  if (unknownKeys.size > 0) {
    const keys = [...unknownKeys].sort();
    warnings.push(
      `${keys.length} operation${keys.length === 1 ? '' : 's'} in the contract reports ${keys.length === 1 ? 'is' : 'are'} not in the spec (${keys.slice(0, 3).join(', ')}${keys.length > 3 ? ', …' : ''}): was the report made from another version of the spec?`,
    );
  }
  const documented = operations.flatMap((entry) => entry.responses);
  const authSlots = operations.flatMap((entry) => entry.auth.filter((slot) => slot.expected));
  return {
    spec: { title: spec.title, version: spec.version, source: spec.source },
    inputs: options.inputs ?? [],
    operations,
    observations,
    unmatched: unmatchedHere,
    totals: {
      operations: ratio(operations.filter((entry) => entry.exercised).length, operations.length),
      responses: ratio(documented.filter((response) => response.covered).length, documented.length),
      auth: ratio(authSlots.filter((slot) => slot.covered).length, authSlots.length),
      undocumentedStatuses: operations.reduce((sum, entry) => sum + entry.undocumented.length, 0),
      exchanges: observations.length,
      unmatched: unmatchedHere.length,
      otherHosts,
    },
    warnings,
  };
}

function operationCoverage(operation: CoverageOperation, indices: number[], observations: Observation[]): OperationCoverage {
  const responses = new Map<string, ResponseCoverage>(
    [...operation.responses].sort(compareStatusKeys).map((status) => [status, { status, covered: false, hits: 0, observed: [] }]),
  );
  const undocumented = new Map<number, number>();
  const scenarioHits = new Map<string, number>();
  let noResponse = 0;
  let responded = 0;
  for (const index of indices) {
    const observation = observations[index];
    if (!observation) continue;
    if (observation.status === null) {
      noResponse += 1;
      continue;
    }
    responded += 1;
    scenarioHits.set(observation.scenario, (scenarioHits.get(observation.scenario) ?? 0) + 1);
    const key = documentedResponseFor(operation.responses, observation.status);
    const response = key !== undefined ? responses.get(key) : undefined;
    if (!response) {
      undocumented.set(observation.status, (undocumented.get(observation.status) ?? 0) + 1);
      continue;
    }
    response.covered = true;
    response.hits += 1;
    if (!response.observed.includes(observation.status)) response.observed.push(observation.status);
  }
  for (const response of responses.values()) response.observed.sort((a, b) => a - b);
  const expected = expectedScenarios(operation);
  const auth: AuthCoverage[] = operation.secured
    ? AUTH_SCENARIOS.map((scenario) => ({
        scenario,
        expected: expected.has(scenario),
        covered: (scenarioHits.get(scenario) ?? 0) > 0,
        hits: scenarioHits.get(scenario) ?? 0,
      }))
    : [];
  return {
    operation,
    exercised: responded > 0,
    hits: indices.length,
    noResponse,
    responses: [...responses.values()],
    undocumented: [...undocumented.entries()].sort((a, b) => a[0] - b[0]).map(([status, hits]) => ({ status, hits })),
    auth,
    observations: indices,
  };
}
