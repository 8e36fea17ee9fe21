import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import { fixture } from '../helpers/cli.js';
import { NOW } from './helpers.js';

const base = fixture('diff', 'response-required-property-removed', 'base.yaml');
const head = fixture('diff', 'response-required-property-removed', 'head.yaml');
const LOCATION = 'GET /v1/teams response 200 application/json property member_count';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'apigate-diff-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('approvals file', () => {
  it('allows an approved breaking change and names the approver', async () => {
    const cwd = workspace({
      '.apigate-approved-changes.yaml': `- check: response-required-property-removed\n  location: ${LOCATION}\n  reason: member_count moved to /v1/teams/{id}/stats\n  approver: api-council\n`,
    });
    const report = await diff(base, head, { cwd, policy: { now: NOW } });
    expect(report.changes[0]?.allowed).toEqual({ by: 'approval', reason: 'member_count moved to /v1/teams/{id}/stats', approver: 'api-council' });
    expect(report.failing).toEqual([]);
    expect(report.unusedApprovals).toEqual([]);
  });

  it('keeps failing when the approval is for another location, and lists the stale approval', async () => {
    const cwd = workspace({
      '.apigate-approved-changes.yaml': 'approvals:\n  - {check: response-required-property-removed, location: GET /v1/users response 200 application/json property name, reason: r, approver: a}\n',
    });
    const report = await diff(base, head, { cwd, policy: { now: NOW } });
    expect(report.failing).toHaveLength(1);
    expect(report.unusedApprovals.map((approval) => approval.location)).toEqual(['GET /v1/users response 200 application/json property name']);
  });

  it.each([
    ['- check: response-required-property-removed\n  location: x\n  reason: r\n', 'approval 1 needs a non-empty "approver"'],
    ['- {check: no-such-check, location: x, reason: r, approver: a}\n', 'approval 1: unknown check "no-such-check"'],
    ['check: x\n', 'expected a list of approvals'],
  ])('rejects an invalid approvals file with one line naming it: %j', async (content, message) => {
    const cwd = workspace({ '.apigate-approved-changes.yaml': content });
    await expect(diff(base, head, { cwd })).rejects.toMatchObject({ code: 'E_CONFIG', message: expect.stringContaining(`.apigate-approved-changes.yaml: ${message}`) });
  });

  it('requires an approvals file that was named explicitly', async () => {
    const cwd = workspace({});
    await expect(diff(base, head, { cwd, approvals: 'approved.yaml' })).rejects.toMatchObject({ code: 'E_CONFIG', message: 'approved.yaml: approvals file not found' });
  });
});

describe('config: diff section', () => {
  it('overrides a check level and turns checks off', async () => {
    const cwd = workspace({
      'apigate.config.yaml': 'diff:\n  checks:\n    response-required-property-removed: warn\n    response-property-added: off\n',
    });
    const report = await diff(fixture('diff', 'real-world/realworld-conduit/base.yml'), fixture('diff', 'real-world/realworld-conduit/head.yml'), { cwd, policy: { now: NOW } });
    expect(report.changes.filter((change) => change.id === 'response-required-property-removed').every((change) => change.level === 'warn')).toBe(true);
    expect(report.changes.some((change) => change.id === 'response-property-added')).toBe(false);
    expect(report.failing.map((change) => change.id)).toEqual(['response-success-status-changed', 'response-success-status-changed']);
  });

  it('reads failOn, policy switches and the approvals path', async () => {
    const cwd = workspace({
      'apigate.config.yaml': 'diff:\n  failOn: warn\n  approvals: reviewed.yaml\n  policy: {majorVersionBump: false}\n',
      'reviewed.yaml': `- {check: response-required-property-removed, location: "${LOCATION}", reason: r, approver: a}\n`,
    });
    const report = await diff(base, head, { cwd, policy: { now: NOW } });
    expect(report.failOn).toBe('warn');
    expect(report.changes[0]?.allowed?.by).toBe('approval');
  });

  it.each([
    ['diff:\n  checks:\n    response-property-gone: off\n', 'diff.checks: unknown check "response-property-gone"'],
    ['diff:\n  checks:\n    response-property-added: fatal\n', 'diff.checks.response-property-added must be breaking, warn, info or off'],
    ['diff:\n  failOn: error\n', 'diff.failOn must be one of breaking, warn, info, none'],
    ['diff:\n  policy: {sunsets: true}\n', 'diff.policy: unknown key "sunsets"'],
    ['diff:\n  level: warn\n', 'diff: unknown key "level"'],
  ])('rejects %j with one clear line', async (content, message) => {
    const cwd = workspace({ 'apigate.config.yaml': content });
    await expect(diff(base, head, { cwd })).rejects.toMatchObject({ code: 'E_CONFIG', message: expect.stringContaining(message) });
  });
});
