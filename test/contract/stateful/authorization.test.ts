import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runContract } from '../../../src/contract/runner.js';
import { loadSpec } from '../../../src/contract/spec/load.js';
import type { SpecModel } from '../../../src/contract/types.js';
import { fixture, REPO_ROOT } from '../../helpers/cli.js';
import type { TestServer } from '../../helpers/servers.js';
import { FLAWS, IDENTITIES, startTeamsServer } from './servers.js';

const SPECS = [
  ['OpenAPI 3.1', fixture('demo', 'openapi.yaml')],
  ['OpenAPI 3.0', fixture('contract', 'conformant', 'openapi-3.0.yaml')],
] as const;

const ITEM = 'GET /v1/teams/{team_id}';

/** Each flaw, the one failure it must produce, and on which case kind of which operation. */
const EXPECTED: Array<[keyof typeof FLAWS, { check: string; operation: string; kind: string; identity: string }]> = [
  ['readOfAnotherTenantsObject', { check: 'object_level_authorization', operation: ITEM, kind: 'bola_read', identity: 'bob' }],
  ['updateOfAnotherTenantsObject', { check: 'object_level_authorization', operation: 'PATCH /v1/teams/{team_id}', kind: 'bola_update', identity: 'bob' }],
  ['updateThatDoesNothing', { check: 'misleading_success_status', operation: 'PATCH /v1/teams/{team_id}', kind: 'bola_update', identity: 'bob' }],
  ['deleteThatDoesNothing', { check: 'misleading_success_status', operation: 'DELETE /v1/teams/{team_id}', kind: 'bola_delete', identity: 'bob' }],
  ['stillServedAfterDelete', { check: 'use_after_free', operation: 'DELETE /v1/teams/{team_id}', kind: 'stateful_delete', identity: 'alice' }],
  ['createThatCannotBeReadBack', { check: 'ensure_resource_availability', operation: 'POST /v1/teams', kind: 'stateful_create', identity: 'alice' }],
];

const MESSAGES: Record<string, { message: string; expected: string | RegExp; received: string | RegExp }> = {
  readOfAnotherTenantsObject: { message: 'Another identity can read the resource', expected: '401, 403 or 404 for "bob" on a resource of "alice"', received: '200' },
  updateOfAnotherTenantsObject: {
    message: 'Another identity changed the resource',
    expected: '401, 403 or 404 for "bob" on a resource of "alice"',
    received: '200; the owner reads back a changed resource',
  },
  updateThatDoesNothing: {
    message: 'Success status for a change that did not happen',
    expected: '401, 403 or 404 for "bob" on a resource of "alice"',
    received: '200; the owner reads back the resource unchanged',
  },
  deleteThatDoesNothing: {
    message: 'Success status for a delete that did not happen',
    expected: '401, 403 or 404 for "bob" on a resource of "alice"',
    received: '204; the owner still reads the resource (200)',
  },
  stillServedAfterDelete: {
    message: 'Deleted resource is still served',
    expected: '404 or 410 from GET /v1/teams/{team_id} after DELETE /v1/teams/{team_id} answered 204',
    received: '200',
  },
  createThatCannotBeReadBack: {
    message: 'Created resource is not available',
    expected: 'a 2xx from GET /v1/teams/{team_id} after POST /v1/teams answered 201',
    received: '404',
  },
};

describe.each(SPECS)('stateful and authorization checks (%s)', (_label, path) => {
  let spec: SpecModel;
  let server: TestServer | undefined;
  beforeAll(async () => {
    spec = await loadSpec(path);
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('a conformant multi-tenant server passes every flow and probe', async () => {
    server = await startTeamsServer();
    const report = await runContract({ spec, baseUrl: server.url, identities: IDENTITIES, seed: 11 });
    expect(report.failures).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.summary).toMatchObject({ failed: 0, skipped: 0 });
    const flowCases = report.cases.filter((record) => /^(stateful|bola)_/.test(record.kind));
    expect(flowCases.map((record) => `${record.case} ${record.identity} ${record.status}`)).toEqual([
      'POST /v1/teams stateful_create #1 alice 201',
      'GET /v1/teams/{team_id} stateful_read #1 alice 200',
      'POST /v1/teams/{team_id}/members stateful_create #1 alice 201',
      'DELETE /v1/teams/{team_id}/members/{member_id} bola_delete #1 bob 404',
      'DELETE /v1/teams/{team_id}/members/{member_id} stateful_delete #1 alice 204',
      'GET /v1/teams/{team_id} bola_read #1 bob 404',
      'GET /v1/teams/{team_id}/members bola_read #1 bob 404',
      'GET /v1/teams/{team_id}/members stateful_read #1 alice 200',
      'POST /v1/teams/{team_id}/members bola_update #1 bob 404',
      'GET /v1/teams/{team_id}/members stateful_read #2 alice 200',
      'GET /v1/teams/{team_id} stateful_read #2 alice 200',
      'PATCH /v1/teams/{team_id} bola_update #1 bob 404',
      'GET /v1/teams/{team_id} stateful_read #3 alice 200',
      'DELETE /v1/teams/{team_id} bola_delete #1 bob 404',
      'GET /v1/teams/{team_id} stateful_read #4 alice 200',
      'PATCH /v1/teams/{team_id} stateful_update #1 alice 200',
      'DELETE /v1/teams/{team_id} stateful_delete #1 alice 204',
      'GET /v1/teams/{team_id} stateful_read_after_delete #1 alice 404',
    ]);
    // The flow used the resource it created, nested collection included, never the spec's example ids.
    const flowUrls = server.requests.filter((request) => /Bearer bob/.test(request.headers.authorization ?? '')).map((request) => request.url);
    expect(flowUrls.filter((url) => /^\/v1\/teams\/tm_n\d+(\/members(\/mb_n\d+)?)?(\?|$)/.test(url))).toHaveLength(6);
    // Every templated secured operation was tried by the other identity; the report says so per operation.
    expect(report.scenarios).toMatchObject({
      'GET /v1/teams': ['valid', 'none', 'invalid'],
      'GET /v1/teams/{team_id}': ['valid', 'none', 'invalid', 'other_identity'],
      'PATCH /v1/teams/{team_id}': ['valid', 'none', 'invalid', 'other_identity'],
      'DELETE /v1/teams/{team_id}': ['valid', 'none', 'invalid', 'other_identity'],
      'GET /v1/teams/{team_id}/members': ['valid', 'none', 'invalid', 'other_identity'],
      'POST /v1/teams/{team_id}/members': ['valid', 'none', 'invalid', 'other_identity'],
      'DELETE /v1/teams/{team_id}/members/{member_id}': ['valid', 'none', 'invalid', 'other_identity'],
    });
    // The flows deleted what they created; the rest went in cleanup.
    expect(report.cleanup).toEqual({ created: 4, deleted: 4, left: [] });
  });

  it.each(EXPECTED)('%s is reported as %j and nothing else', async (flaw, expected) => {
    server = await startTeamsServer(FLAWS[flaw]);
    const report = await runContract({ spec, baseUrl: server.url, identities: IDENTITIES, seed: 11 });
    expect(report.failures.map((failure) => ({ check: failure.check, operation: failure.operation, kind: failure.kind, identity: failure.identity }))).toEqual([expected]);
    const [failure] = report.failures;
    const { message, expected: wanted, received } = MESSAGES[flaw]!;
    expect(failure).toMatchObject({ message, expected: wanted, received });
    expect(failure!.curl).toMatch(/^curl -X [A-Z]+ 'http:\/\/127\.0\.0\.1:\d+\/v1\/teams\/tm_(n|ghost)\d+'/);
    expect(report.warnings).toEqual([]);
    const failedCase = report.cases.find((record) => record.case === failure!.case)!;
    expect(failedCase).toMatchObject({ outcome: 'failed', checks_failed: [expected.check] });
    expect(report.summary.failed).toBe(1);
  });

  it('--exclude-checks turns a multi-request check off', async () => {
    server = await startTeamsServer(FLAWS['readOfAnotherTenantsObject']);
    const report = await runContract({ spec, baseUrl: server.url, identities: IDENTITIES, seed: 11, excludeChecks: ['object_level_authorization'] });
    expect(report.failures).toEqual([]);
  });
});

describe('docs', () => {
  it.each(Object.entries(MESSAGES))('docs/contract-stateful.md shows the exact output for %s', (flaw, { message, expected, received }) => {
    const block = `\`\`\`text\n${message}\nExpected: ${String(expected)}\nReceived: ${String(received)}\n\`\`\``;
    expect(readFileSync(`${REPO_ROOT}docs/contract-stateful.md`, 'utf8'), flaw).toContain(block);
    if (message.startsWith('Success status')) expect(readFileSync(`${REPO_ROOT}docs/checks/misleading_success_status.md`, 'utf8')).toContain(block);
  });
});
