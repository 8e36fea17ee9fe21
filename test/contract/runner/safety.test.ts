import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedactor } from '../../../src/contract/redact.js';
import { runContract } from '../../../src/contract/runner.js';
import { createDemoHandler } from '../../../src/demo/server.js';
import type { Identity } from '../../../src/contract/identity.js';
import { fixture } from '../../helpers/cli.js';
import { startListener, type TestServer } from '../../helpers/servers.js';

const TOKENS = { alice: 'alice-safety-token', bob: 'bob-safety-token' };
const IDENTITIES: Identity[] = Object.entries(TOKENS).map(([name, token]) => ({ name, headers: { Authorization: `Bearer ${token}` }, query: {} }));
const SPEC = fixture('demo', 'openapi.yaml');

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('redaction', () => {
  const redactor = createRedactor(
    [
      { name: 'a', headers: { Authorization: 'Bearer tok/en+1234' }, query: {} },
      { name: 'b', headers: {}, query: { api_key: 'query-secret-99' } },
    ],
    { partner: { type: 'apiKey', in: 'header', name: 'X-Partner-Key' } },
  );

  it('hides credential headers by name, whatever their value', () => {
    expect(redactor.headers({ Authorization: 'Bearer other', 'x-partner-key': 'k', cookie: 'sid=1', accept: 'application/json' })).toEqual({
      Authorization: '***',
      'x-partner-key': '***',
      cookie: '***',
      accept: 'application/json',
    });
  });

  it('hides credential query parameters by name', () => {
    expect(redactor.url('http://127.0.0.1:1/v1/x?api_key=anything&limit=2')).toBe('http://127.0.0.1:1/v1/x?api_key=***&limit=2');
  });

  it('hides secret values wherever they appear, in plain, URL-encoded, JSON-escaped and base64 form', () => {
    expect(redactor.text('{"echo":"tok/en+1234"}')).toBe('{"echo":"***"}');
    expect(redactor.text('sent tok%2Fen%2B1234 and query-secret-99')).toBe('sent *** and ***');
    expect(redactor.text(`as basic ${Buffer.from('tok/en+1234').toString('base64')}`)).toBe('as basic ***');
  });

  it('hides cookie values and decoded basic credentials on their own', () => {
    const cookies = createRedactor([{ name: 'c', headers: { Cookie: 'sid=session-abc123; theme=dark', Authorization: `Basic ${Buffer.from('ada:pass-word-77').toString('base64')}` }, query: {} }]);
    expect(cookies.text('session=session-abc123 user=ada:pass-word-77 again pass-word-77')).toBe('session=*** user=*** again ***');
  });
});

describe('run safety', () => {
  it('spends no more than the request budget and reports the rest as skipped', async () => {
    server = await startListener(createDemoHandler({ tokens: TOKENS }));
    const report = await runContract({ spec: SPEC, baseUrl: server.url, identities: IDENTITIES, seed: 1, maxRequests: 5, concurrency: 1 });
    expect(server.requests).toHaveLength(5);
    expect(report.summary.skipped).toBe(report.summary.cases - 5);
    expect(report.summary.failed).toBe(0);
    expect(report.warnings).toEqual(["cases skipped: the run's budget of 5 requests is spent"]);
    expect(report.cases.find((record) => record.outcome === 'skipped')?.skipped_reason).toBe("the run's budget of 5 requests is spent");
  });

  it('never calls an excluded operation, not even to clean up', async () => {
    server = await startListener(createDemoHandler({ tokens: TOKENS }));
    const report = await runContract({ spec: SPEC, baseUrl: server.url, identities: IDENTITIES, seed: 1, excludeOperations: ['DELETE /v1/teams/{team_id}'] });
    expect(server.requests.filter((request) => request.method === 'DELETE' && /^\/v1\/teams\/[^/]+$/.test(request.url))).toEqual([]);
    expect(report.cleanup.left).toEqual([
      'resource created by POST /v1/teams stateful_create #1: DELETE /v1/teams/{team_id} is excluded from this run',
      'resource created by POST /v1/teams positive #1: DELETE /v1/teams/{team_id} is excluded from this run',
    ]);
    expect(report.failures).toEqual([]);
  });

  it('refuses an untrusted TLS certificate with a clear error, and accepts it with insecure', async () => {
    const https = createServer(
      { cert: readFileSync(fixture('contract', 'tls', 'cert.pem')), key: readFileSync(fixture('contract', 'tls', 'key.pem')) },
      createDemoHandler({ tokens: TOKENS }),
    );
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(https.address() as AddressInfo).port}`;
    try {
      await expect(runContract({ spec: SPEC, baseUrl: url, identities: IDENTITIES, seed: 1, operations: ['GET /v1/health'] })).rejects.toThrow(
        /cannot connect to https:\/\/127\.0\.0\.1:\d+: the TLS certificate is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\); pass --insecure to accept it/,
      );
      const report = await runContract({ spec: SPEC, baseUrl: url, identities: IDENTITIES, seed: 1, insecure: true });
      expect(report.summary.failed).toBe(0);
      expect(report.summary.passed).toBe(report.summary.cases);
    } finally {
      https.closeAllConnections();
      await new Promise((resolve) => https.close(resolve));
    }
  });
});
