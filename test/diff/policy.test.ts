import { describe, expect, it } from 'vitest';
import { diffFixtures, summarise } from './helpers.js';

const lines = (report: Awaited<ReturnType<typeof diffFixtures>>): string[] =>
  summarise(report).map((change) => `${change.allowed ? `allowed by ${change.allowed}` : change.level}: ${change.message}`);

describe('versioning policy', () => {
  it('allows breaking changes to /v1 operations when HEAD adds their /v2 successor, and applies sunsets', async () => {
    const report = await diffFixtures('cases/policy/v1.yaml', 'cases/policy/v1-with-v2.yaml', { policy: { now: new Date('2026-03-01T00:00:00Z') } });
    expect(lines(report)).toEqual([
      'breaking: GET /v1/legacy-export was removed (its path no longer exists); it is deprecated with sunset 2026-06-30; removing it is allowed from that date',
      'breaking: GET /v1/stats was removed (its path no longer exists); it is deprecated but has no sunset date (x-sunset or a Sunset header), so its deprecation window never ends',
      'info: response property `size` of GET /v1/teams 200 was added',
      'allowed by sunset: GET /v1/old-report was removed (its path no longer exists)',
      'allowed by major-version: response property `member_count` of GET /v1/teams 200 was removed',
    ]);
    expect(report.failing.map((change) => change.id)).toEqual([]);
  });

  it('fails on the breaking changes that remain under --fail-on breaking', async () => {
    const report = await diffFixtures('cases/policy/v1.yaml', 'cases/policy/v1-with-v2.yaml', { failOn: 'breaking', policy: { now: new Date('2026-03-01T00:00:00Z') } });
    expect(report.failing.map((change) => change.location)).toEqual(['GET /v1/legacy-export', 'GET /v1/stats']);
  });

  it('allows removing a deprecated operation once its x-sunset date has passed', async () => {
    const report = await diffFixtures('cases/policy/v1.yaml', 'cases/policy/v1-with-v2.yaml', { failOn: 'breaking', policy: { now: new Date('2026-07-01T00:00:00Z') } });
    const legacy = report.changes.find((change) => change.location === 'GET /v1/legacy-export');
    expect(legacy?.allowed).toEqual({ by: 'sunset', reason: 'it was deprecated and its sunset date 2026-06-30 has passed' });
    expect(report.failing.map((change) => change.location)).toEqual(['GET /v1/stats']);
  });

  it('allows every breaking change on an info.version major bump, except removals before an announced sunset', async () => {
    const report = await diffFixtures('cases/policy/v1.yaml', 'cases/policy/major-bump.yaml', { failOn: 'breaking', policy: { now: new Date('2026-03-01T00:00:00Z') } });
    expect(report.failing.map((change) => change.location)).toEqual(['GET /v1/legacy-export']);
    const stats = report.changes.find((change) => change.location === 'GET /v1/stats');
    expect(stats?.allowed).toEqual({ by: 'major-version', reason: 'info.version moved to a new major version (1.4.0 → 2.0.0)' });
  });

  it('can turn both major-version rules off', async () => {
    const report = await diffFixtures('cases/policy/v1.yaml', 'cases/policy/major-bump.yaml', {
      failOn: 'breaking',
      policy: { now: new Date('2026-03-01T00:00:00Z'), majorVersionBump: false, pathVersions: false },
    });
    expect(report.failing.map((change) => change.location)).toEqual([
      'GET /v1/legacy-export',
      'GET /v1/stats',
      'GET /v1/teams response 200 application/json property member_count',
    ]);
  });
});
