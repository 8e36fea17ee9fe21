import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoHandler } from '../../../src/demo/server.js';
import { runContract } from '../../../src/contract/runner.js';
import type { Identity } from '../../../src/contract/identity.js';
import { fixture } from '../../helpers/cli.js';
import { startListener, type TestServer } from '../../helpers/servers.js';

const TOKENS = { alice: 'alice-broken-token', bob: 'bob-broken-token' };
const IDENTITIES: Identity[] = Object.entries(TOKENS).map(([name, token]) => ({ name, headers: { Authorization: `Bearer ${token}` }, query: {} }));
const RATE_LIMIT_HEADERS = { 'RateLimit-Limit': '1000', 'RateLimit-Remaining': '999', 'RateLimit-Reset': '60' };

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

interface Violation {
  check: string;
  operation: string;
  /** Other checks the same deliberate bug rightly trips as well. */
  alsoFails?: string[];
  maxResponseTimeMs?: number;
  /** Handles the matching requests; everything else goes to the conformant demo API. */
  breaks: (demo: Handler) => Handler;
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = RATE_LIMIT_HEADERS): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function on(method: string, path: RegExp, override: Handler): (demo: Handler) => Handler {
  return (demo) => (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === method && path.test(url.pathname)) override(request, response);
    else demo(request, response);
  };
}

/** Passes the request to the demo API but drops the named response headers. */
function withoutHeaders(method: string, path: RegExp, names: RegExp): (demo: Handler) => Handler {
  return (demo) => (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === method && path.test(url.pathname)) {
      const setHeader = response.setHeader.bind(response);
      response.setHeader = ((name: string, value: string | number | readonly string[]) => (names.test(name) ? response : setHeader(name, value))) as ServerResponse['setHeader'];
    }
    demo(request, response);
  };
}

const VIOLATIONS: Violation[] = [
  {
    check: 'not_a_server_error',
    operation: 'GET /v1/health',
    alsoFails: ['status_code_conformance'],
    breaks: on('GET', /^\/v1\/health$/, (_request, response) => json(response, 500, { code: 'internal_error', message: 'boom', request_id: 'req_1' })),
  },
  {
    check: 'status_code_conformance',
    operation: 'GET /v1/health',
    breaks: on('GET', /^\/v1\/health$/, (_request, response) => json(response, 202, { status: 'ok' })),
  },
  {
    check: 'content_type_conformance',
    operation: 'GET /v1/health',
    breaks: on('GET', /^\/v1\/health$/, (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain', ...RATE_LIMIT_HEADERS });
      response.end('ok');
    }),
  },
  {
    check: 'response_headers_conformance',
    operation: 'POST /v1/teams',
    breaks: withoutHeaders('POST', /^\/v1\/teams$/, /^location$/i),
  },
  {
    check: 'response_schema_conformance',
    operation: 'GET /v1/ready',
    breaks: on('GET', /^\/v1\/ready$/, (_request, response) => json(response, 200, { status: 'warming' })),
  },
  {
    check: 'undocumented_property',
    operation: 'GET /v1/health',
    alsoFails: ['response_schema_conformance'],
    breaks: on('GET', /^\/v1\/health$/, (_request, response) => json(response, 200, { status: 'ok', build: 'abc123' })),
  },
  {
    check: 'negative_data_rejection',
    operation: 'POST /v1/teams/{team_id}/members',
    breaks: on('POST', /^\/v1\/teams\/[^/]+\/members$/, (request, response) => {
      if (!/Bearer alice-broken-token/.test(request.headers.authorization ?? '')) return json(response, 401, { code: 'unauthorized', message: 'no', request_id: 'req_2' });
      json(response, 201, { id: 'mb_n1', email: 'grace@example.com', role: 'member', created_at: '2026-01-01T00:00:00Z' }, { ...RATE_LIMIT_HEADERS, Location: '/v1/teams/tm_alpha/members/mb_n1' });
    }),
  },
  {
    check: 'positive_data_acceptance',
    operation: 'PATCH /v1/teams/{team_id}',
    breaks: on('PATCH', /^\/v1\/teams\/[^/]+$/, (request, response) => {
      if (!/Bearer alice-broken-token/.test(request.headers.authorization ?? '')) return json(response, 401, { code: 'unauthorized', message: 'no', request_id: 'req_3' });
      json(response, 400, { code: 'invalid_request', message: 'rejected', request_id: 'req_3' });
    }),
  },
  {
    check: 'ignored_auth',
    operation: 'GET /v1/teams',
    breaks: (demo) => (request, response) => {
      if (request.method === 'GET' && new URL(request.url ?? '/', 'http://localhost').pathname === '/v1/teams') request.headers.authorization = 'Bearer alice-broken-token';
      demo(request, response);
    },
  },
  {
    check: 'error_format_conformance',
    operation: 'GET /v1/teams/{team_id}',
    alsoFails: ['response_schema_conformance', 'undocumented_property'],
    // Only the error bodies are broken: the owner's requests get the conformant API.
    breaks: (demo) => (request, response) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (request.method !== 'GET' || !/^\/v1\/teams\/[^/]+$/.test(path) || /Bearer alice-broken-token/.test(request.headers.authorization ?? '')) return demo(request, response);
      json(response, 401, { error: 'unauthorized' });
    },
  },
  {
    check: 'rate_limit_headers',
    operation: 'GET /v1/ready',
    breaks: withoutHeaders('GET', /^\/v1\/ready$/, /^ratelimit-/i),
  },
  {
    check: 'max_response_time',
    operation: 'GET /v1/health',
    // Wide margins both ways: a loaded machine must not slow the conformant responses past the budget.
    maxResponseTimeMs: 300,
    breaks: on('GET', /^\/v1\/health$/, (_request, response) => {
      setTimeout(() => json(response, 200, { status: 'ok' }), 900);
    }),
  },
];

describe('a server with one deliberate violation', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it.each(VIOLATIONS.map((violation) => [violation.check, violation] as const))('%s is reported on the right operation', async (_id, violation) => {
    server = await startListener(violation.breaks(createDemoHandler({ tokens: TOKENS })));
    const report = await runContract({
      spec: fixture('demo', 'openapi.yaml'),
      baseUrl: server.url,
      identities: IDENTITIES,
      seed: 7,
      ...(violation.maxResponseTimeMs ? { maxResponseTimeMs: violation.maxResponseTimeMs } : {}),
    });
    const failing = new Set(report.failures.map((failure) => failure.operation));
    expect([...failing]).toEqual([violation.operation]);
    const checks = new Set(report.failures.map((failure) => failure.check));
    expect([...checks].sort()).toEqual([violation.check, ...(violation.alsoFails ?? [])].sort());
    const failure = report.failures.find((item) => item.check === violation.check)!;
    expect(failure.curl).toMatch(/^curl -X [A-Z]+ 'http:\/\/127\.0\.0\.1:\d+\/v1\//);
    expect(failure.message.length).toBeGreaterThan(0);
  });
});
