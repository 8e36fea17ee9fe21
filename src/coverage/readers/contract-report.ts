import type { AuthScenario, Observation } from '../types.js';
import { AUTH_SCENARIOS } from '../types.js';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function isContractReport(data: unknown): data is JsonObject {
  return isObject(data) && isObject(data['summary']) && Array.isArray(data['cases']);
}

/** The scenario a case ran under: the runner's own `scenario` when it wrote one, else implied by its kind. */
export function scenarioOfCase(scenario: unknown, kind: string): AuthScenario {
  if (typeof scenario === 'string' && (AUTH_SCENARIOS as readonly string[]).includes(scenario)) return scenario as AuthScenario;
  if (kind === 'auth_none') return 'none';
  if (kind === 'auth_invalid') return 'invalid';
  if (kind.startsWith('bola_')) return 'other_identity';
  return 'valid';
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/**
 * Reads an `apigate contract --report json` file. Failures are attached to their case (by case id when the
 * runner gives one, else by operation, kind and identity) so the drill-down shows which checks failed.
 */
export function readContractReport(data: JsonObject, source: string): { observations: Observation[]; seed?: string | number; problems: string[]; notes: string[] } {
  const problems: string[] = [];
  const failuresByCase = new Map<string, string[]>();
  for (const failure of Array.isArray(data['failures']) ? data['failures'] : []) {
    if (!isObject(failure) || typeof failure['check'] !== 'string') continue;
    const keys = [text(failure['case']), `${text(failure['operation'])}\u0000${text(failure['case'])}\u0000${text(failure['identity'])}`];
    for (const key of keys) {
      if (key === undefined) continue;
      const list = failuresByCase.get(key) ?? [];
      if (!list.includes(failure['check'])) list.push(failure['check']);
      failuresByCase.set(key, list);
    }
  }
  const observations: Observation[] = [];
  const cases = data['cases'] as unknown[];
  cases.forEach((entry, index) => {
    if (!isObject(entry) || typeof entry['operation'] !== 'string') {
      problems.push(`case ${index} has no "operation"`);
      return;
    }
    // A skipped case (budget, dry run) sent nothing, so it exercised nothing.
    if (entry['outcome'] === 'skipped') return;
    const kind = text(entry['kind']) ?? 'positive';
    const identity = text(entry['identity']);
    const caseId = text(entry['id']) ?? text(entry['case']);
    const status = typeof entry['status'] === 'number' && Number.isInteger(entry['status']) ? entry['status'] : null;
    const reported = Array.isArray(entry['checks_failed']) ? entry['checks_failed'].filter((check): check is string => typeof check === 'string') : undefined;
    const failedChecks =
      reported ??
      (caseId !== undefined ? failuresByCase.get(caseId) : undefined) ??
      failuresByCase.get(`${entry['operation']}\u0000${caseId ?? kind}\u0000${identity}`) ??
      [];
    observations.push({
      source,
      input: 'contract',
      method: (entry['operation'].trim().split(/\s+/)[0] ?? '').toUpperCase(),
      operationKey: entry['operation'],
      status,
      scenario: scenarioOfCase(entry['scenario'], kind),
      caseId,
      kind,
      identity,
      ok: typeof entry['ok'] === 'boolean' ? entry['ok'] : undefined,
      durationMs: typeof entry['duration_ms'] === 'number' ? entry['duration_ms'] : undefined,
      failedChecks,
    });
  });
  const notes = data['dry_run'] === true ? [`${source} is a --dry-run report: it sent nothing, so it covers nothing`] : [];
  const seed = data['seed'] ?? (isObject(data['summary']) ? data['summary']['seed'] : undefined);
  return { observations, notes, seed: typeof seed === 'string' || typeof seed === 'number' ? seed : undefined, problems };
}
