import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoHandler } from '../../../src/demo/server.js';
import { runContract } from '../../../src/contract/runner.js';
import type { Identity } from '../../../src/contract/identity.js';
import { fixture } from '../../helpers/cli.js';
import { startListener, type TestServer } from '../../helpers/servers.js';

const TOKENS = { alice: 'alice-conformant-token', bob: 'bob-conformant-token' };
const IDENTITIES: Identity[] = Object.entries(TOKENS).map(([name, token]) => ({ name, headers: { Authorization: `Bearer ${token}` }, query: {} }));

/** A fresh server per run: the runner deletes the example team, so runs must not share state. */
async function runAgainstFreshServer(spec: string): Promise<{ server: TestServer; report: Awaited<ReturnType<typeof runContract>> }> {
  const server = await startListener(createDemoHandler({ tokens: TOKENS }));
  try {
    const report = await runContract({ spec, baseUrl: server.url, identities: IDENTITIES, seed: 20260101 });
    return { server, report };
  } finally {
    await server.close();
  }
}

describe.each([
  ['OpenAPI 3.1', fixture('demo', 'openapi.yaml')],
  ['OpenAPI 3.0', fixture('contract', 'conformant', 'openapi-3.0.yaml')],
])('a conformant server (%s)', (_label, spec) => {
  let result: Awaited<ReturnType<typeof runAgainstFreshServer>>;
  beforeAll(async () => {
    result = await runAgainstFreshServer(spec);
  });

  it('gets no failure and no warning from any case', () => {
    expect(result.report.failures).toEqual([]);
    expect(result.report.warnings).toEqual([]);
    expect(result.report.summary).toMatchObject({ operations: 10, failed: 0, skipped: 0 });
    expect(result.report.summary.passed).toBe(result.report.summary.cases);
  });

  it('exercised every case kind and auth scenario', () => {
    const kinds = new Set(result.report.cases.map((record) => record.kind));
    expect([...kinds].sort()).toEqual([
      'auth_invalid',
      'auth_none',
      'bola_delete',
      'bola_read',
      'bola_update',
      'negative_missing_required',
      'negative_query_enum',
      'negative_query_type',
      'negative_wrong_type',
      'positive',
      'stateful_create',
      'stateful_delete',
      'stateful_read',
      'stateful_read_after_delete',
      'stateful_update',
    ]);
    expect(new Set(result.report.cases.map((record) => record.scenario))).toEqual(new Set(['valid', 'none', 'invalid', 'other_identity']));
    // Every request was answered (no transport failure) and every negative case was refused with a 4xx.
    for (const record of result.report.cases) {
      expect(record.status, record.case).not.toBeNull();
      if (record.kind.startsWith('negative_')) expect(record.status, record.case).toBe(400);
      if (record.kind.startsWith('auth_')) expect(record.status, record.case).toBe(401);
      // The other tenant is refused everywhere, as if the resource did not exist.
      if (record.kind.startsWith('bola_')) expect(record.status, record.case).toBe(404);
    }
  });

  it('cleans up what it created', () => {
    // Two positive creates (cleanup) and a team with a member the stateful flow deleted itself.
    expect(result.report.cleanup).toEqual({ created: 4, deleted: 4, left: [] });
    const deletes = result.server.requests.filter((request) => request.method === 'DELETE').map((request) => request.url);
    expect(deletes).toEqual(expect.arrayContaining([expect.stringMatching(/^\/v1\/teams\/tm_n\d+$/), expect.stringMatching(/^\/v1\/teams\/tm_alpha\/members\/mb_n\d+$/)]));
  });
});
