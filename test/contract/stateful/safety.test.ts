import { afterEach, describe, expect, it } from 'vitest';
import { formatStylish } from '../../../src/contract/report/stylish.js';
import { runContract } from '../../../src/contract/runner.js';
import { fixture } from '../../helpers/cli.js';
import type { TestServer } from '../../helpers/servers.js';
import { IDENTITIES, startTeamsServer } from './servers.js';

const SPEC = fixture('demo', 'openapi.yaml');
const FLOW_KIND = /^(stateful|bola)_/;

describe('stateful flows stay safe', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('--dry-run prints the planned flows, with the learnt ids as placeholders, and sends nothing', async () => {
    server = await startTeamsServer();
    const report = await runContract({ spec: SPEC, baseUrl: server.url, identities: IDENTITIES, seed: 3, dryRun: true });
    expect(server.requests).toEqual([]);
    const flow = report.planned.filter((planned) => FLOW_KIND.test(planned.kind));
    expect(flow.map((planned) => `${planned.request.method} ${new URL(planned.request.url).pathname.replace(/%7B/g, '{').replace(/%7D/g, '}')} ${planned.identity}`)).toEqual([
      'POST /v1/teams alice',
      'GET /v1/teams/{team_id} alice',
      'POST /v1/teams/{team_id}/members alice',
      'DELETE /v1/teams/{team_id}/members/{member_id} bob',
      'DELETE /v1/teams/{team_id}/members/{member_id} alice',
      'GET /v1/teams/{team_id} bob',
      'GET /v1/teams/{team_id}/members bob',
      'GET /v1/teams/{team_id}/members alice',
      'POST /v1/teams/{team_id}/members bob',
      'GET /v1/teams/{team_id}/members alice',
      'GET /v1/teams/{team_id} alice',
      'PATCH /v1/teams/{team_id} bob',
      'GET /v1/teams/{team_id} alice',
      'DELETE /v1/teams/{team_id} bob',
      'GET /v1/teams/{team_id} alice',
      'PATCH /v1/teams/{team_id} alice',
      'DELETE /v1/teams/{team_id} alice',
      'GET /v1/teams/{team_id} alice',
    ]);
    expect(flow.find((planned) => planned.kind === 'bola_read')).toMatchObject({
      scenario: 'other_identity',
      intent: 'a 401, 403 or 404 for "bob" on a resource of "alice" (GET /v1/teams/{team_id})',
    });
    const text = formatStylish(report, { color: false });
    expect(text).toMatch(/GET \/v1\/teams\/\{team_id\} bola_read #1 {2}a 401, 403 or 404 for "bob" on a resource of "alice"/);
    expect(text).toContain("curl -X DELETE 'http://127.0.0.1");
    expect(text).toMatch(/\/v1\/teams\/\{team_id\}' -H 'accept: application\/json' -H 'authorization: \*\*\*'/);
    expect(text).toContain('Identity scenarios planned');
  });

  it('--read-only plans no flow and sends no mutating probe', async () => {
    server = await startTeamsServer();
    const report = await runContract({ spec: SPEC, baseUrl: server.url, identities: IDENTITIES, seed: 3, readOnly: true });
    expect(report.cases.filter((record) => FLOW_KIND.test(record.kind))).toEqual([]);
    expect(new Set(server.requests.map((request) => request.method))).toEqual(new Set(['GET']));
    expect(report.failures).toEqual([]);
  });

  it('with one identity, flows run without authorization probes', async () => {
    server = await startTeamsServer();
    const report = await runContract({ spec: SPEC, baseUrl: server.url, identities: IDENTITIES.slice(0, 1), seed: 3 });
    const kinds = new Set(report.cases.map((record) => record.kind));
    expect(kinds.has('stateful_create')).toBe(true);
    expect([...kinds].filter((kind) => kind.startsWith('bola_'))).toEqual([]);
    expect(Object.values(report.scenarios).some((scenarios) => scenarios.includes('other_identity'))).toBe(false);
    expect(report.failures).toEqual([]);
    expect(report.cleanup.left).toEqual([]);
  });

  it('a shard takes whole flows, and the shards together plan every case once', async () => {
    const plan = async (index: number, total: number) =>
      (await runContract({ spec: SPEC, baseUrl: 'http://127.0.0.1:9', identities: IDENTITIES, seed: 3, dryRun: true, shard: { index, total } })).planned.map((planned) => planned.case);
    const [all, one, two] = await Promise.all([plan(1, 1), plan(1, 2), plan(2, 2)]);
    expect([...one, ...two].sort()).toEqual([...all].sort());
    const flowIn = (cases: string[]) => cases.filter((id) => / (stateful|bola)_/.test(id)).length;
    expect([flowIn(one), flowIn(two)].sort()).toEqual([0, 18]);
  });

  it('the stylish report shows the identity scenarios each operation exercised', async () => {
    server = await startTeamsServer();
    const report = await runContract({ spec: SPEC, baseUrl: server.url, identities: IDENTITIES, seed: 3 });
    const text = formatStylish(report, { color: false });
    expect(text).toContain('Identity scenarios exercised');
    expect(text).toMatch(/ {2}GET \/v1\/teams\/\{team_id\} +✓ valid {2}✓ none {2}✓ invalid {2}✓ other_identity\n/);
    expect(text).toMatch(/ {2}GET \/v1\/health +✓ valid {2}· none {2}· invalid {2}· other_identity\n/);
  });
});
