import type { Loc } from './documents.js';
import { pathKey, type PathEntry } from './operations.js';
import type { Allowance, ChangeLevel } from './types.js';

export interface PolicyOptions {
  /** A major bump of `info.version` (1.4.0 → 2.0.0) allows breaking changes. */
  majorVersionBump: boolean;
  /** A breaking change to `/v1/…` is allowed when HEAD adds the same operation under a higher `/vN/`. */
  pathVersions: boolean;
  /** The clock sunset dates are compared with; injectable so tests do not depend on today's date. */
  now: Date;
}

export interface PolicySubject {
  level: ChangeLevel;
  message: string;
  operation?: { method: string; path: string };
  removed?: unknown;
}

export interface PolicyContext {
  baseVersion?: string;
  headVersion?: string;
  baseOperations: Map<string, PathEntry>;
  headOperations: Map<string, PathEntry>;
}

/**
 * The versioning policy: breaking changes belong in a new major version, and removals wait until the
 * deprecation's sunset date. Returns the allowance, or a note to add to the message when the change still
 * fails (e.g. when the removal becomes allowed).
 */
export function applyPolicy(subject: PolicySubject, context: PolicyContext, options: PolicyOptions): { allowed?: Allowance; note?: string } {
  if (subject.level !== 'breaking') return {};
  const deprecation = deprecationOf(subject.removed);
  if (deprecation) {
    if (deprecation.sunset && deprecation.sunset.getTime() <= options.now.getTime()) {
      return { allowed: { by: 'sunset', reason: `it was deprecated and its sunset date ${isoDate(deprecation.sunset)} has passed` } };
    }
    if (deprecation.sunset) {
      // An announced sunset is a promise to clients: not even a major version may break it early.
      return { note: `it is deprecated with sunset ${isoDate(deprecation.sunset)}; removing it is allowed from that date` };
    }
  }
  const major = majorVersionMove(context, options);
  if (major) return { allowed: { by: 'major-version', reason: major } };
  const successor = options.pathVersions ? newerPathVersion(subject.operation, context) : undefined;
  if (successor) return { allowed: { by: 'major-version', reason: `${successor} is its new major version` } };
  if (deprecation) return { note: 'it is deprecated but has no sunset date (x-sunset or a Sunset header), so its deprecation window never ends' };
  return {};
}

function majorVersionMove(context: PolicyContext, options: PolicyOptions): string | undefined {
  if (!options.majorVersionBump) return undefined;
  const before = majorOf(context.baseVersion);
  const after = majorOf(context.headVersion);
  if (before === undefined || after === undefined || after <= before) return undefined;
  return `info.version moved to a new major version (${context.baseVersion} → ${context.headVersion})`;
}

function majorOf(version: string | undefined): number | undefined {
  const match = version === undefined ? null : /^\s*v?(\d+)(?:\.|$|-|\+)/i.exec(version);
  return match ? Number(match[1]) : undefined;
}

const VERSION_SEGMENT = /\/v(\d+)(?=\/|$)/i;

function newerPathVersion(operation: { method: string; path: string } | undefined, context: PolicyContext): string | undefined {
  if (!operation) return undefined;
  const match = VERSION_SEGMENT.exec(operation.path);
  if (!match) return undefined;
  const current = Number(match[1]);
  const method = operation.method.toLowerCase();
  for (const [key, entry] of context.headOperations) {
    const other = VERSION_SEGMENT.exec(entry.path);
    if (!other || Number(other[1]) <= current || !entry.operations.has(method)) continue;
    if (pathKey(entry.path.replace(VERSION_SEGMENT, '/v')) !== pathKey(operation.path.replace(VERSION_SEGMENT, '/v'))) continue;
    if (context.baseOperations.get(key)?.operations.has(method)) continue;
    return `${operation.method} ${entry.path}`;
  }
  return undefined;
}

interface Deprecation {
  sunset?: Date;
}

/** Deprecation of a removed node: `deprecated: true`, with the sunset from `x-sunset` or a documented `Sunset` header. */
export function deprecationOf(node: unknown): Deprecation | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const record = node as Record<string, unknown>;
  if (record['deprecated'] !== true) return undefined;
  return { sunset: parseDate(record['x-sunset']) ?? sunsetHeader(record) };
}

function sunsetHeader(operation: Record<string, unknown>): Date | undefined {
  const responses = operation['responses'];
  if (responses === null || typeof responses !== 'object') return undefined;
  for (const response of Object.values(responses as Record<string, unknown>)) {
    const headers = (response as { headers?: unknown } | null)?.headers;
    if (headers === null || typeof headers !== 'object') continue;
    for (const [name, header] of Object.entries(headers as Record<string, unknown>)) {
      if (name.toLowerCase() !== 'sunset' || header === null || typeof header !== 'object') continue;
      const record = header as Record<string, unknown>;
      const schema = (record['schema'] ?? {}) as Record<string, unknown>;
      const candidates = [record['example'], schema['example'], schema['default'], Array.isArray(schema['enum']) ? schema['enum'][0] : undefined, record['x-sunset']];
      for (const candidate of candidates) {
        const date = parseDate(candidate);
        if (date) return date;
      }
    }
  }
  return undefined;
}

function parseDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export type { Loc };
