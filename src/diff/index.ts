import { join, resolve } from 'node:path';
import { discoverConfig } from '../config.js';
import { ApigateError } from '../errors.js';
import { DEFAULT_MAX_DOCUMENT_BYTES } from '../lint/document.js';
import type { RuleMeta } from '../types.js';
import { APPROVALS_FILE_NAME, loadApprovals, type Approval } from './approvals.js';
import { CHECKS, checkDocumentationUrl } from './checks/index.js';
import { SpecDocuments } from './documents.js';
import { DiffEngine } from './engine.js';
import { collectOperations } from './operations.js';
import { readDiffConfig, type CheckLevelOverride, type FailOn } from './options.js';
import { applyPolicy, type PolicyOptions } from './policy.js';
import { openSource } from './source.js';
import { levelRank, type Change, type ChangeLevel, type DiffCheck } from './types.js';

export interface DiffOptions {
  cwd?: string;
  /** An `apigate.config.yaml`; when absent one is discovered in `cwd`. */
  config?: string;
  /** Overrides the config's `diff.failOn`. Default `breaking`. */
  failOn?: FailOn;
  /** Per-check level overrides on top of the config's `diff.checks`. */
  checks?: Record<string, CheckLevelOverride>;
  policy?: Partial<PolicyOptions>;
  /** The approvals file; default `.apigate-approved-changes.yaml` in `cwd` (optional there). */
  approvals?: string;
  /** Let `$ref`s read files outside each spec's folder. */
  allowExternalRefs?: boolean;
  maxDocumentBytes?: number;
}

export interface DiffSide {
  /** As given: a path, a URL or `git:REF:path`. */
  source: string;
  /** The entry document's id: an absolute path, URL or `git:REF:path`. */
  file: string;
  version?: string;
  title?: string;
}

export interface DiffReport {
  base: DiffSide;
  head: DiffSide;
  /** Sorted by level, then HEAD file and line. */
  changes: Change[];
  /** Approvals that matched no change: stale entries worth deleting. */
  unusedApprovals: Approval[];
  approvalsFile?: string;
  failOn: FailOn;
  /** Changes at or above `failOn` that no policy or approval allowed. */
  failing: Change[];
  /** Every check that ran, for formatters that list rules. */
  checks: RuleMeta[];
}

const FINDING_SEVERITY: Record<ChangeLevel, RuleMeta['severity']> = { breaking: 'error', warn: 'warn', info: 'info' };

/**
 * Compares two OpenAPI documents (files, explicit URLs or `git:REF:path`) and returns every change a client
 * could notice, with its level after configuration, the versioning policy and approvals were applied.
 * Throws `ApigateError` for unusable input.
 */
export async function diff(base: string, head: string, options: DiffOptions = {}): Promise<DiffReport> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const config = await discoverConfig(options.config && resolve(cwd, options.config), cwd);
  const settings = readDiffConfig(config);
  const overrides = { ...settings.checks, ...options.checks };
  for (const id of Object.keys(options.checks ?? {})) {
    if (!CHECKS.some((check) => check.id === id)) throw new ApigateError('E_USAGE', `unknown check "${id}"`);
  }
  const failOn = options.failOn ?? settings.failOn ?? 'breaking';
  const policy: PolicyOptions = {
    majorVersionBump: options.policy?.majorVersionBump ?? settings.policy.majorVersionBump ?? true,
    pathVersions: options.policy?.pathVersions ?? settings.policy.pathVersions ?? true,
    now: options.policy?.now ?? new Date(),
  };
  const approvalsFile = options.approvals ? resolve(cwd, options.approvals) : settings.approvals ?? join(cwd, APPROVALS_FILE_NAME);
  const approvals = await loadApprovals(approvalsFile, Boolean(options.approvals ?? settings.approvals), cwd);

  const sourceOptions = { cwd, maxDocumentBytes: options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES, allowExternalRefs: options.allowExternalRefs };
  // Both load at once, but when both fail the error reported is BASE's, whichever failed first.
  const [baseLoaded, headLoaded] = await Promise.allSettled([
    openSource(base, sourceOptions).then((source) => SpecDocuments.load(source)),
    openSource(head, sourceOptions).then((source) => SpecDocuments.load(source)),
  ]);
  if (baseLoaded.status === 'rejected') throw baseLoaded.reason;
  if (headLoaded.status === 'rejected') throw headLoaded.reason;
  const baseDocuments = baseLoaded.value;
  const headDocuments = headLoaded.value;
  assertOpenApi(baseDocuments, base);
  assertOpenApi(headDocuments, head);

  const enabled = CHECKS.filter((check) => overrides[check.id] !== 'off');
  const pair = { base: { documents: baseDocuments, root: baseDocuments.root }, head: { documents: headDocuments, root: headDocuments.root } };
  const detected = new DiffEngine(pair, enabled).run();
  const context = {
    baseVersion: versionOf(baseDocuments.root),
    headVersion: versionOf(headDocuments.root),
    baseOperations: collectOperations(baseDocuments),
    headOperations: collectOperations(headDocuments),
  };

  const used = new Set<Approval>();
  const seen = new Set<string>();
  const changes: Change[] = [];
  for (const change of detected) {
    const key = `${change.check.id}\u0000${change.location}\u0000${change.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const override = overrides[change.check.id];
    const level: ChangeLevel = override && override !== 'off' ? override : change.level ?? change.check.level;
    const { allowed, note } = applyPolicy({ level, message: change.message, operation: change.operation, removed: change.removed }, context, policy);
    const result: Change = {
      id: change.check.id,
      level,
      message: note ? `${change.message}; ${note}` : change.message,
      location: change.location,
      ...(change.operation ? { operation: change.operation } : {}),
      file: headDocuments.reportPath(change.at.file),
      range: headDocuments.position(change.at),
      pointer: change.at.pointer,
    };
    const approval = approvals.find((entry) => entry.check === result.id && entry.location === result.location);
    if (approval) {
      used.add(approval);
      result.allowed = { by: 'approval', reason: approval.reason, approver: approval.approver };
    } else if (allowed) {
      result.allowed = allowed;
    }
    changes.push(result);
  }
  changes.sort(compareChanges);
  const failing = failOn === 'none' ? [] : changes.filter((change) => !change.allowed && levelRank(change.level) <= levelRank(failOn));
  return {
    base: describeSide(base, baseDocuments),
    head: describeSide(head, headDocuments),
    changes,
    unusedApprovals: approvals.filter((approval) => !used.has(approval)),
    ...(approvals.length > 0 || options.approvals || settings.approvals ? { approvalsFile } : {}),
    failOn,
    failing,
    checks: enabled.map((check) => describeCheck(check, overrides[check.id])),
  };
}

function assertOpenApi(documents: SpecDocuments, given: string): void {
  const root = documents.root;
  const openapi = root['openapi'];
  if (typeof openapi === 'string' && /^3\.[01](\.|$)/.test(openapi)) return;
  if (openapi !== undefined) throw new ApigateError('E_NOT_OPENAPI', `${given}: unsupported OpenAPI version ${JSON.stringify(openapi)} (3.0.x, 3.1.x and Swagger 2.0 are supported)`);
  if (String(root['swagger']) === '2.0') return;
  throw new ApigateError('E_NOT_OPENAPI', `${given}: not an OpenAPI document (no "openapi" or "swagger" field at the top level)`);
}

function versionOf(root: Record<string, unknown>): string | undefined {
  const info = root['info'];
  const version = info && typeof info === 'object' ? (info as Record<string, unknown>)['version'] : undefined;
  return typeof version === 'string' || typeof version === 'number' ? String(version) : undefined;
}

function describeSide(source: string, documents: SpecDocuments): DiffSide {
  const info = documents.root['info'];
  const title = info && typeof info === 'object' ? (info as Record<string, unknown>)['title'] : undefined;
  return {
    source,
    file: documents.reportPath(documents.rootLoc.file),
    ...(versionOf(documents.root) !== undefined ? { version: versionOf(documents.root) } : {}),
    ...(typeof title === 'string' ? { title } : {}),
  };
}

function describeCheck(check: DiffCheck, override: CheckLevelOverride | undefined): RuleMeta {
  const level = override && override !== 'off' ? override : check.level;
  return { id: check.id, description: check.description, severity: FINDING_SEVERITY[level], documentationUrl: checkDocumentationUrl(check.id) };
}

function compareChanges(a: Change, b: Change): number {
  return (
    Number(Boolean(a.allowed)) - Number(Boolean(b.allowed)) ||
    levelRank(a.level) - levelRank(b.level) ||
    a.file.localeCompare(b.file) ||
    (a.range?.start.line ?? 0) - (b.range?.start.line ?? 0) ||
    a.location.localeCompare(b.location) ||
    a.message.localeCompare(b.message)
  );
}

export { CHECKS, checkDocumentationUrl } from './checks/index.js';
export { toFindings } from './findings.js';
export { markdownChangelog } from './format/markdown.js';
export { CHANGE_LEVELS, type Change, type ChangeLevel, type Allowance, type DiffCheck } from './types.js';
export type { Approval } from './approvals.js';
export type { FailOn, CheckLevelOverride } from './options.js';
export type { PolicyOptions } from './policy.js';
