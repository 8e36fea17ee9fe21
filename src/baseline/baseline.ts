import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ApigateError } from '../errors.js';
import type { Finding } from '../types.js';
import { sanitizeText } from '../util/escape.js';
import { writeFileAtomic } from '../util/files.js';
import { displayPath } from '../util/paths.js';
import { fingerprint, fingerprintParts } from './fingerprint.js';

export const BASELINE_FILE_NAME = '.apigate-baseline.json';
const FORMAT_VERSION = 1;

/** One accepted finding (or several identical ones on the same node, `count`). */
export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  /** Relative to the baseline file's folder. */
  file: string;
  /** JSON pointer of the node. */
  path: string;
  message: string;
  count: number;
  /** Why the finding is accepted; kept when the baseline is rewritten. */
  reason?: string;
  /** `YYYY-MM-DD` (UTC): the entry holds through that day and counts again after it. */
  expires?: string;
}

export interface Baseline {
  /** Absolute path of the file; fingerprints use paths relative to its folder. */
  file: string;
  entries: BaselineEntry[];
}

export interface BaselineMatch {
  /** Findings not covered by a live baseline entry: the ones to report and fail on. */
  findings: Finding[];
  /** Findings the baseline covered. */
  baselined: number;
  /** Baselined findings that no longer occur: the baseline can shrink by this much. */
  fixed: number;
  /** Entries past their expiry date, whose findings count again. */
  expired: BaselineEntry[];
}

/** Reads a baseline file; a missing, unreadable or malformed file is a one-line input error. */
export async function readBaseline(path: string): Promise<Baseline> {
  const file = resolve(path);
  const shown = displayPath(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ApigateError(
      code === 'ENOENT' ? 'E_FILE_NOT_FOUND' : 'E_FILE_UNREADABLE',
      code === 'ENOENT' ? `${shown}: baseline file not found (create it with --write-baseline ${shown})` : `${shown}: cannot read the baseline file (${code ?? 'error'})`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ApigateError('E_CONFIG', `${shown}: the baseline is not valid JSON (${sanitizeText((error as Error).message, 200)})`);
  }
  const entries = (raw as { entries?: unknown } | null)?.entries;
  if (raw === null || typeof raw !== 'object' || !Array.isArray(entries)) {
    throw new ApigateError('E_CONFIG', `${shown}: a baseline is an object with an "entries" list (write one with --write-baseline)`);
  }
  return { file, entries: entries.map((entry, index) => validateEntry(entry, index, shown)) };
}

function validateEntry(entry: unknown, index: number, shown: string): BaselineEntry {
  const where = `${shown}: entries[${index}]`;
  if (entry === null || typeof entry !== 'object') throw new ApigateError('E_CONFIG', `${where} is not an object`);
  const value = entry as Record<string, unknown>;
  for (const key of ['fingerprint', 'ruleId'] as const) {
    if (typeof value[key] !== 'string' || value[key] === '') throw new ApigateError('E_CONFIG', `${where} has no "${key}"`);
  }
  const count = value['count'] ?? 1;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
    throw new ApigateError('E_CONFIG', `${where}: "count" must be a positive whole number`);
  }
  if (value['expires'] !== undefined && (typeof value['expires'] !== 'string' || expiryEnd(value['expires']) === undefined)) {
    throw new ApigateError('E_CONFIG', `${where}: "expires" must be a date such as 2027-03-31`);
  }
  if (value['reason'] !== undefined && typeof value['reason'] !== 'string') {
    throw new ApigateError('E_CONFIG', `${where}: "reason" must be text`);
  }
  return {
    fingerprint: value['fingerprint'] as string,
    ruleId: value['ruleId'] as string,
    file: typeof value['file'] === 'string' ? value['file'] : '',
    path: typeof value['path'] === 'string' ? value['path'] : '',
    message: typeof value['message'] === 'string' ? value['message'] : '',
    count,
    ...(value['reason'] !== undefined ? { reason: value['reason'] as string } : {}),
    ...(value['expires'] !== undefined ? { expires: value['expires'] as string } : {}),
  };
}

/** The first instant the entry no longer applies: the day after a bare date, or the timestamp itself. */
function expiryEnd(expires: string): number | undefined {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(expires);
  const time = Date.parse(dateOnly ? `${expires}T00:00:00Z` : expires);
  if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}/.test(expires)) return undefined;
  return dateOnly ? time + 24 * 60 * 60 * 1000 : time;
}

export function isExpired(entry: BaselineEntry, now: Date = new Date()): boolean {
  if (entry.expires === undefined) return false;
  const end = expiryEnd(entry.expires);
  return end !== undefined && now.getTime() >= end;
}

/**
 * Splits findings into new ones and baselined ones. An entry with `count: n` covers up to n findings with its
 * fingerprint, so a second identical violation on the same node is still reported.
 */
export function matchBaseline(findings: Finding[], baseline: Baseline, now: Date = new Date()): BaselineMatch {
  const root = dirname(baseline.file);
  const remaining = new Map<string, number>();
  const expired: BaselineEntry[] = [];
  for (const entry of baseline.entries) {
    if (isExpired(entry, now)) {
      expired.push(entry);
      continue;
    }
    remaining.set(entry.fingerprint, (remaining.get(entry.fingerprint) ?? 0) + entry.count);
  }
  const reported: Finding[] = [];
  let baselined = 0;
  for (const finding of findings) {
    const key = fingerprint(finding, root);
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      remaining.set(key, left - 1);
      baselined += 1;
    } else {
      reported.push(finding);
    }
  }
  let fixed = 0;
  for (const left of remaining.values()) fixed += left;
  return { findings: reported, baselined, fixed, expired };
}

/**
 * Builds the entries for today's findings. Reasons and expiry dates of entries that still match are kept, so
 * regenerating the file after fixing some findings does not lose the notes on the rest.
 */
export function createBaseline(findings: Finding[], file: string, previous?: Baseline): Baseline {
  const absolute = resolve(file);
  const root = dirname(absolute);
  const notes = new Map<string, Pick<BaselineEntry, 'reason' | 'expires'>>();
  for (const entry of previous?.entries ?? []) {
    if (entry.reason !== undefined || entry.expires !== undefined) {
      notes.set(entry.fingerprint, { ...(entry.reason !== undefined ? { reason: entry.reason } : {}), ...(entry.expires !== undefined ? { expires: entry.expires } : {}) });
    }
  }
  const byFingerprint = new Map<string, BaselineEntry>();
  for (const finding of findings) {
    const key = fingerprint(finding, root);
    const existing = byFingerprint.get(key);
    if (existing) {
      existing.count += 1;
      continue;
    }
    const parts = fingerprintParts(finding, root);
    byFingerprint.set(key, { fingerprint: key, ruleId: parts.ruleId, file: parts.file, path: parts.path, message: parts.message, count: 1, ...notes.get(key) });
  }
  const entries = [...byFingerprint.values()].sort(
    (a, b) => a.file.localeCompare(b.file) || a.path.localeCompare(b.path) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint),
  );
  return { file: absolute, entries };
}

/** Stable, diff-friendly JSON: sorted entries, two-space indent, trailing newline. */
export function serializeBaseline(baseline: Baseline): string {
  return `${JSON.stringify({ version: FORMAT_VERSION, generator: 'apigate', entries: baseline.entries }, null, 2)}\n`;
}

export async function writeBaseline(baseline: Baseline): Promise<void> {
  await writeFileAtomic(baseline.file, serializeBaseline(baseline));
}

/** The previous baseline at `file` when there is a readable one, to carry its reasons over. */
export async function readBaselineIfPresent(file: string): Promise<Baseline | undefined> {
  try {
    return await readBaseline(file);
  } catch (error) {
    if (error instanceof ApigateError && error.code === 'E_FILE_NOT_FOUND') return undefined;
    throw error;
  }
}
