import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { runContract } from '../../../src/contract/runner.js';
import { loadSpec } from '../../../src/contract/spec/load.js';
import { fixture } from '../../helpers/cli.js';
import { sendJson, startHttpServer, type RecordedRequest, type TestServer } from '../../helpers/servers.js';
import { IDENTITIES, TOKENS } from './servers.js';

const SPEC = fixture('contract', 'stateful', 'widgets-links.yaml');

/** A two-tenant widget store; `readable: false` makes every widget unreadable after its create. */
function widgets(options: { readable: boolean }): (request: RecordedRequest, response: ServerResponse) => void {
  const byTenant = new Map<string, Map<string, string>>(Object.keys(TOKENS).map((tenant) => [tenant, new Map()]));
  let next = 0;
  const error = (response: ServerResponse, status: number, code: string): void => sendJson(response, status, { code, message: code, request_id: 'req_1' });
  return (request, response) => {
    const tenant = Object.entries(TOKENS).find(([, token]) => request.headers.authorization === `Bearer ${token}`)?.[0];
    if (!tenant) return error(response, 401, 'unauthorized');
    const store = byTenant.get(tenant)!;
    const path = new URL(request.url, 'http://localhost').pathname;
    if (path === '/widgets' && request.method === 'POST') {
      let body: unknown;
      try {
        body = JSON.parse(request.body);
      } catch {
        return error(response, 400, 'invalid_json');
      }
      const record = body as Record<string, unknown>;
      if (!body || typeof body !== 'object' || typeof record['label'] !== 'string' || record['label'] === '' || Object.keys(record).length !== 1) return error(response, 400, 'invalid_request');
      const key = `wk${++next}`;
      store.set(key, record['label']);
      return sendJson(response, 201, { handle: { key }, label: record['label'] });
    }
    const key = /^\/widgets\/([^/]+)$/.exec(path)?.[1];
    const label = key !== undefined && options.readable ? store.get(key) : undefined;
    if (request.method === 'GET') return label === undefined ? error(response, 404, 'not_found') : sendJson(response, 200, { handle: { key }, label });
    if (request.method === 'DELETE') {
      if (key === undefined || !store.delete(key)) return error(response, 404, 'not_found');
      response.writeHead(204).end();
      return;
    }
    error(response, 404, 'not_found');
  };
}

describe('links', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('are followed to the created resource (operationId and operationRef, nested body pointer)', async () => {
    server = await startHttpServer(widgets({ readable: true }));
    const report = await runContract({ spec: SPEC, baseUrl: server.url, identities: IDENTITIES, seed: 5 });
    expect(report.failures).toEqual([]);
    expect(report.warnings).toEqual([]);
    const flow = report.cases.filter((record) => /^(stateful|bola)_/.test(record.kind)).map((record) => `${record.case} ${record.status}`);
    expect(flow).toEqual([
      'POST /widgets stateful_create #1 201',
      'GET /widgets/{widget_ref} stateful_read #1 200',
      'GET /widgets/{widget_ref} bola_read #1 404',
      'DELETE /widgets/{widget_ref} bola_delete #1 404',
      'GET /widgets/{widget_ref} stateful_read #2 200',
      'DELETE /widgets/{widget_ref} stateful_delete #1 204',
      'GET /widgets/{widget_ref} stateful_read_after_delete #1 404',
    ]);
    // The key came from `$response.body#/handle/key` of the flow's own create.
    // (wk1 is the positive case's widget, created in the earlier phase.)
    expect(server.requests.filter((request) => request.url === '/widgets/wk2').map((request) => request.method)).toEqual(['GET', 'GET', 'DELETE', 'GET', 'DELETE', 'GET']);
    // The positive case's widget is cleaned up through the DELETE its links point to.
    expect(report.cleanup).toEqual({ created: 2, deleted: 2, left: [] });
    expect(server.requests.filter((request) => request.method === 'DELETE' && request.url === '/widgets/wk1')).toHaveLength(1);
  });

  it('make a create that cannot be read back visible', async () => {
    server = await startHttpServer(widgets({ readable: false }));
    const report = await runContract({ spec: SPEC, baseUrl: server.url, identities: IDENTITIES, seed: 5 });
    expect(report.failures.map((failure) => [failure.check, failure.operation, failure.received])).toEqual([['ensure_resource_availability', 'POST /widgets', '404']]);
  });

  it('without them, the flow says what is missing instead of guessing', async () => {
    server = await startHttpServer(widgets({ readable: true }));
    const spec = await loadSpec(SPEC);
    for (const operation of spec.operations) for (const response of operation.responses) response.links = {};
    const report = await runContract({ spec, baseUrl: server.url, identities: IDENTITIES, seed: 5 });
    expect(report.failures).toEqual([]);
    const read = report.cases.find((record) => record.case === 'GET /widgets/{widget_ref} stateful_read #1')!;
    expect(read).toMatchObject({ outcome: 'skipped' });
    expect(read.skipped_reason).toBe('no id for {widget_ref} in the Location header or the body of the response to POST /widgets stateful_create #1; declare a link to say where it is');
    expect(report.cleanup.left).toEqual([
      'resource created by POST /widgets stateful_create #1: no Location header or id in the response to find it by',
      'resource created by POST /widgets positive #1: no Location header or id in the response to find it by',
    ]);
  });
});
