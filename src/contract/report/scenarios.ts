import type { AuthScenario, TestCase } from '../types.js';

export const SCENARIO_ORDER: readonly AuthScenario[] = ['valid', 'none', 'invalid', 'other_identity'];

/** `{ "GET /v1/teams/{team_id}": ["valid", "none", "invalid", "other_identity"] }`, operations in case order. */
export function scenariosByOperation(cases: readonly TestCase[]): Record<string, AuthScenario[]> {
  const seen = new Map<string, Set<AuthScenario>>();
  for (const testCase of cases) {
    const set = seen.get(testCase.operation.key) ?? new Set<AuthScenario>();
    set.add(testCase.scenario);
    seen.set(testCase.operation.key, set);
  }
  const result: Record<string, AuthScenario[]> = {};
  for (const [operation, set] of seen) result[operation] = SCENARIO_ORDER.filter((scenario) => set.has(scenario));
  return result;
}
