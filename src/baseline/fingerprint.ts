import { createHash } from 'node:crypto';
import type { Finding, JsonPath } from '../types.js';
import { displayPath } from '../util/paths.js';

/**
 * What identifies a finding across edits: its rule, the file it is in (relative, so checkouts agree), the
 * JSON path of the node and the message with whitespace normalised. Line numbers are deliberately left out,
 * so inserting a path above a finding does not turn it into a new one.
 */
export function fingerprintParts(finding: Finding, root: string): { ruleId: string; file: string; path: string; message: string } {
  return {
    ruleId: finding.ruleId,
    file: finding.file === undefined ? '' : displayPath(finding.file, root),
    path: jsonPointer(finding.path),
    message: normaliseMessage(finding.message),
  };
}

export function fingerprint(finding: Finding, root: string): string {
  const parts = fingerprintParts(finding, root);
  return hash([parts.ruleId, parts.file, parts.path, parts.message].join('\u0000'));
}

/**
 * Fingerprints that must be unique per report (GitLab collapses equal ones): the n-th repeat of the same
 * fingerprint gets its occurrence number mixed in, so identical findings on one node stay distinct and stable.
 */
export function uniqueFingerprints(findings: Finding[], root: string): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const base = fingerprint(finding, root);
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    return occurrence === 1 ? base : hash(`${base}:${occurrence}`);
  });
}

export function normaliseMessage(message: string): string {
  return message.replace(/\s+/g, ' ').trim();
}

export function jsonPointer(path: JsonPath): string {
  return `#${path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')}`;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
