import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { runContract } from '../../../src/contract/runner.js';
import { formatJson } from '../../../src/contract/report/json.js';
import { formatJunit } from '../../../src/contract/report/junit.js';
import { formatStylish } from '../../../src/contract/report/stylish.js';
import type { Identity } from '../../../src/contract/identity.js';
import { fixture } from '../../helpers/cli.js';
import { startHttpServer, startRawServer, type TestServer } from '../../helpers/servers.js';

const SECRET = 'sk-live-0123456789abcdef';
const IDENTITIES: Identity[] = [{ name: 'alice', headers: { Authorization: `Bearer ${SECRET}` }, query: {} }];
const SPEC = fixture('contract', 'hostile', 'openapi.yaml');

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function allOutputs(report: Awaited<ReturnType<typeof runContract>>): string {
  return [formatStylish(report, { color: false }), formatJson(report), formatJunit(report)].join('\n');
}

describe('runs against hostile servers', () => {
  it('turns each misbehaviour into a transport_error and finishes', async () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20));
    let request = 0;
    server = await startHttpServer((_request, response) => {
      // The three cases (positive, auth_none, auth_invalid) each meet a different failure.
      request += 1;
      if (request === 1) return; // hangs
      if (request === 2) {
        response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        response.end(bomb);
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"name": ');
    });
    const report = await runContract({ spec: SPEC, baseUrl: server.url, identities: IDENTITIES, seed: 1, timeoutMs: 500, concurrency: 1, maxBodyBytes: 1024 * 1024 });
    expect(report.summary).toMatchObject({ cases: 3, failed: 3, passed: 0 });
    expect(report.failures.map((failure) => [failure.check, failure.received])).toEqual([
      ['transport_error', 'timeout'],
      ['transport_error', 'body_too_large'],
      ['transport_error', 'invalid_json'],
    ]);
  });

  it('redacts a credential the server echoes back, in every report format', async () => {
    server = await startHttpServer((request, response) => {
      const echoed = request.headers.authorization ?? 'none';
      // A 500 carrying the token in a JSON field, a header and a non-JSON error page.
      response.writeHead(500, { 'content-type': 'application/json', 'x-debug-auth': echoed });
      response.end(JSON.stringify({ name: `token was ${echoed}`, raw: echoed.replace('Bearer ', '') }));
    });
    const report = await runContract({ spec: SPEC, baseUrl: server.url, identities: IDENTITIES, seed: 1 });
    expect(report.failures.length).toBeGreaterThan(0);
    const text = allOutputs(report);
    expect(text).not.toContain(SECRET);
    expect(text).toContain("'authorization: ***'");
    expect(text).toContain('token was ***');
    expect(report.failures[0]!.response!.headers['x-debug-auth']).toBe('***');
  });

  it('keeps terminal control sequences from the server out of the stylish report', async () => {
    server = await startRawServer((socket) => {
      const body = JSON.stringify({ code: 'x', message: '\u001b[2J\u001b]0;pwned\u0007', request_id: 'r' });
      socket.end(`HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    });
    const report = await runContract({ spec: SPEC, baseUrl: server.url, identities: IDENTITIES, seed: 1 });
    const stylish = formatStylish(report, { color: false });
    expect(stylish).toContain('not_a_server_error');
    expect(stylish).not.toMatch(/\u001b|\u0007/);
    expect(formatJunit(report)).not.toMatch(/\u001b|\u0007/);
  });
});
