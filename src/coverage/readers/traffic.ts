import type { AuthScenario, CredentialLocation, Observation } from '../types.js';
import { AUTH_SCENARIOS } from '../types.js';
import { redactUrl } from './credentials.js';

/** The `apigate proxy --record` file. Header values are never recorded; credential query values are `***`. */
export const TRAFFIC_FORMAT = 'apigate-traffic';
export const TRAFFIC_VERSION = 1;

export interface TrafficViolation {
  check: string;
  message: string;
}

export interface TrafficExchange {
  seq: number;
  started_at: string;
  method: string;
  /** Path and query as the client sent them. */
  url: string;
  /** `METHOD /path/template`, or null when the request matched no operation. */
  operation: string | null;
  status: number | null;
  scenario: AuthScenario;
  duration_ms: number;
  violations: TrafficViolation[];
  /** Why no response was relayed (upstream refused, reset, timed out). */
  error?: string;
}

export interface TrafficRecord {
  format: typeof TRAFFIC_FORMAT;
  version: typeof TRAFFIC_VERSION;
  spec: string;
  target: string;
  started_at: string;
  finished_at?: string;
  exchanges: TrafficExchange[];
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function isTrafficRecord(data: unknown): data is JsonObject {
  return isObject(data) && data['format'] === TRAFFIC_FORMAT && Array.isArray(data['exchanges']);
}

export function readTrafficRecord(data: JsonObject, source: string, credentials: CredentialLocation[]): { observations: Observation[]; problems: string[] } {
  const observations: Observation[] = [];
  const problems: string[] = [];
  (data['exchanges'] as unknown[]).forEach((entry, index) => {
    if (!isObject(entry) || typeof entry['method'] !== 'string' || typeof entry['url'] !== 'string') {
      problems.push(`exchange ${index} has no "method" or "url"`);
      return;
    }
    const scenario = entry['scenario'];
    const violations = Array.isArray(entry['violations']) ? entry['violations'] : [];
    observations.push({
      source,
      input: 'traffic',
      method: entry['method'].toUpperCase(),
      url: redactUrl(entry['url'], credentials),
      status: typeof entry['status'] === 'number' && Number.isInteger(entry['status']) ? entry['status'] : null,
      scenario: typeof scenario === 'string' && (AUTH_SCENARIOS as readonly string[]).includes(scenario) ? (scenario as AuthScenario) : 'valid',
      caseId: typeof entry['seq'] === 'number' ? `#${entry['seq']}` : undefined,
      durationMs: typeof entry['duration_ms'] === 'number' ? entry['duration_ms'] : undefined,
      ok: violations.length === 0 && entry['error'] === undefined,
      failedChecks: [...new Set(violations.flatMap((violation) => (isObject(violation) && typeof violation['check'] === 'string' ? [violation['check']] : [])))],
    });
  });
  return { observations, problems };
}
