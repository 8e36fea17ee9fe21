import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoHandler } from '../../src/demo/server.js';
import { fixture, runCli } from '../helpers/cli.js';
import { startHttpServer, startListener, type TestServer } from '../helpers/servers.js';

const ALICE = 'alice-cli-secret-0001';
const BOB = 'bob-cli-secret-0002';
const SPEC = fixture('demo', 'openapi.yaml');
const ENV = { ALICE_TOKEN: ALICE, BOB_TOKEN: BOB };

let workDir: string;
let configPath: string;

function writeConfig(baseUrl: string, extra = ''): string {
  const path = join(workDir, `apigate-${Math.random().toString(36).slice(2)}.config.yaml`);
  writeFileSync(
    path,
    `contract:
  base_url: ${baseUrl}
  identities:
    - name: alice
      headers: { Authorization: "Bearer \${ALICE_TOKEN}" }
    - name: bob
      headers: { Authorization: "Bearer \${BOB_TOKEN}" }
${extra}`,
  );
  return path;
}

async function demoServer(): Promise<TestServer> {
  return startListener(createDemoHandler({ tokens: { alice: ALICE, bob: BOB } }));
}

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'apigate-contract-cli-'));
});

describe('apigate contract (built CLI)', () => {
  it('exits 0 against a conformant server and writes the documented JSON report', async () => {
    const server = await demoServer();
    try {
      configPath = writeConfig(server.url);
      const result = await runCli(['contract', '--spec', SPEC, '--config', configPath, '--report', 'json', '--seed', '11'], { env: ENV });
      expect(result.stderr).toBe('apigate contract: seed 11\n');
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout);
      expect(Object.keys(report).slice(0, 3)).toEqual(['summary', 'failures', 'cases']);
      expect(Object.keys(report.summary)).toEqual(['operations', 'cases', 'passed', 'failed', 'skipped', 'duration_ms']);
      expect(report.summary).toMatchObject({ operations: 10, failed: 0 });
      expect(report.failures).toEqual([]);
      expect(report.seed).toBe(11);
      for (const record of report.cases) {
        // bob is the second identity: the authorization probes on alice's resources are his.
        expect(record).toMatchObject({ operation: expect.stringMatching(/^[A-Z]+ \/v1\//), kind: expect.any(String), identity: record.kind.startsWith('bola_') ? 'bob' : 'alice', ok: true });
        expect(typeof record.status).toBe('number');
        expect(typeof record.duration_ms).toBe('number');
      }
      expect(result.stdout + result.stderr).not.toContain(ALICE);
    } finally {
      await server.close();
    }
  });

  it('exits 1 on a failure and prints it grouped by operation with a curl to reproduce it', async () => {
    const demo = createDemoHandler({ tokens: { alice: ALICE, bob: BOB } });
    const server = await startListener((request, response) => {
      if (request.url === '/v1/health') {
        response.writeHead(500, { 'content-type': 'application/json', 'ratelimit-limit': '1', 'ratelimit-remaining': '1', 'ratelimit-reset': '1' });
        response.end(JSON.stringify({ code: 'internal_error', message: 'boom', request_id: 'req_1' }));
        return;
      }
      demo(request, response);
    });
    try {
      const result = await runCli(['contract', '--spec', SPEC, '--base-url', server.url, '--auth', `bearer:${ALICE}`, '--operations', 'GET /v1/health', '--seed', '3']);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('GET /v1/health (getHealth)');
      expect(result.stdout).toContain('✖ not_a_server_error  GET /v1/health positive #1');
      expect(result.stdout).toContain(`Reproduce: curl -X GET '${server.url}/v1/health'`);
      expect(result.stdout).toMatch(/1 operation, 1 case: 1 failed, 0 passed/);
      expect(result.stdout).toContain('seed 3 (repeat this run with --seed 3)');
    } finally {
      await server.close();
    }
  });

  it('never prints a secret, in any format, even when the server echoes it', async () => {
    const server = await startHttpServer((request, response) => {
      response.writeHead(500, { 'content-type': 'application/json', 'x-echo': String(request.headers.authorization) });
      response.end(JSON.stringify({ code: 'x', message: `you sent ${request.headers.authorization}`, request_id: ALICE }));
    });
    try {
      const config = writeConfig(server.url);
      const outputFile = join(workDir, 'report.xml');
      const runs = await Promise.all([
        runCli(['contract', '--spec', SPEC, '--config', config, '--operations', 'GET /v1/teams'], { env: ENV }),
        runCli(['contract', '--spec', SPEC, '--config', config, '--operations', 'GET /v1/teams', '--report', 'json'], { env: ENV }),
        runCli(['contract', '--spec', SPEC, '--config', config, '--operations', 'GET /v1/teams', '--report', 'junit', '--output', outputFile], { env: ENV }),
        runCli(['contract', '--spec', SPEC, '--config', config, '--operations', 'GET /v1/teams', '--dry-run'], { env: ENV }),
      ]);
      for (const run of runs) {
        expect(run.stdout + run.stderr).not.toContain(ALICE);
        expect(run.stdout + run.stderr).not.toContain(BOB);
      }
      expect(runs[0]!.code).toBe(1);
      expect(runs[0]!.stdout).toContain('you sent ***');
      const junit = readFileSync(outputFile, 'utf8');
      expect(junit).toContain('<failure type="not_a_server_error"');
      expect(junit).not.toContain(ALICE);
      expect(runs[2]!.stdout).toBe('');
    } finally {
      await server.close();
    }
  });

  it('--dry-run prints every planned request and sends nothing', async () => {
    const server = await startHttpServer((_request, response) => response.end());
    try {
      const result = await runCli(['contract', '--spec', SPEC, '--base-url', server.url, '--auth', `bearer:${ALICE}`, '--dry-run', '--seed', '9']);
      expect(result.code).toBe(0);
      expect(server.requests).toEqual([]);
      expect(result.stdout).toMatch(/^Dry run: \d+ planned requests, nothing sent/);
      expect(result.stdout).toContain(`curl -X POST '${server.url}/v1/teams'`);
      expect(result.stdout).toContain("-H 'authorization: ***'");
      expect(result.stdout).not.toContain(ALICE);
    } finally {
      await server.close();
    }
  });

  it('--read-only sends only GET, HEAD and OPTIONS', async () => {
    const server = await demoServer();
    try {
      const result = await runCli(['contract', '--spec', SPEC, '--base-url', server.url, '--auth', `bearer:${ALICE}`, '--read-only', '--report', 'json']);
      expect(result.code).toBe(0);
      expect(server.requests.length).toBeGreaterThan(0);
      expect(new Set(server.requests.map((request) => request.method))).toEqual(new Set(['GET']));
      expect(JSON.parse(result.stdout).read_only).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('--seed makes the planned requests reproducible', async () => {
    const plan = async (seed: string) => {
      const result = await runCli(['contract', '--spec', SPEC, '--base-url', 'http://127.0.0.1:9', '--dry-run', '--report', 'json', '--seed', seed]);
      expect(result.code).toBe(0);
      return JSON.parse(result.stdout).planned as Array<{ request: { body?: string } }>;
    };
    const [first, second, other] = await Promise.all([plan('42'), plan('42'), plan('43')]);
    expect(second).toEqual(first);
    const bodies = (runs: typeof first) => runs.map((planned) => planned.request.body ?? '').join('\n');
    // Create bodies carry a seed-derived unique suffix, so another seed plans different values.
    expect(bodies(other)).not.toEqual(bodies(first));
  });

  it('--shard splits the cases without overlap', async () => {
    const cases = async (shard: string) => {
      const result = await runCli(['contract', '--spec', SPEC, '--base-url', 'http://127.0.0.1:9', '--dry-run', '--report', 'json', '--seed', '1', '--shard', shard]);
      return (JSON.parse(result.stdout).planned as Array<{ case: string }>).map((planned) => planned.case);
    };
    const [all, one, two] = await Promise.all([cases('1/1'), cases('1/2'), cases('2/2')]);
    expect([...one, ...two].sort()).toEqual([...all].sort());
    expect(one.filter((id) => two.includes(id))).toEqual([]);
  });

  it('honours operations.exclude from the config', async () => {
    const config = writeConfig('http://127.0.0.1:9', '  operations: { exclude: ["DELETE /v1/teams/{team_id}", "POST /v1/teams*"] }\n');
    const result = await runCli(['contract', '--spec', SPEC, '--config', config, '--dry-run', '--report', 'json'], { env: ENV });
    const operations = new Set((JSON.parse(result.stdout).planned as Array<{ operation: string }>).map((planned) => planned.operation));
    expect(operations.has('DELETE /v1/teams/{team_id}')).toBe(false);
    expect(operations.has('POST /v1/teams')).toBe(false);
    expect(operations.has('POST /v1/teams/{team_id}/members')).toBe(false);
    expect(operations.has('GET /v1/teams')).toBe(true);
  });

  it.each([
    [['--spec', fixture('contract', 'invalid', 'openapi.yaml'), '--base-url', 'http://127.0.0.1:9'], /invalid\/openapi\.yaml: the spec is not valid OpenAPI: .*must have required property 'description'/],
    [['--spec', fixture('contract', 'refs-outside', 'openapi.yaml'), '--base-url', 'http://127.0.0.1:9'], /refusing to read .*outside the spec's folder/],
    [['--spec', 'missing.yaml', '--base-url', 'http://127.0.0.1:9'], /missing\.yaml: spec file not found/],
    [['--spec', SPEC], /--base-url is required/],
    [['--spec', SPEC, '--base-url', 'http://127.0.0.1:9', '--shard', '3/2'], /--shard: "3\/2" must be I\/N/],
    [['--spec', SPEC, '--base-url', 'http://127.0.0.1:9', '--checks', 'not_a_check'], /Unknown check "not_a_check"/],
    [['--spec', SPEC, '--base-url', 'http://127.0.0.1:9', '--auth', 'token'], /--auth: expected bearer:TOKEN or header:Name=VALUE/],
    [['--spec', SPEC, '--base-url', 'http://127.0.0.1:1', '--operations', 'GET /v1/health'], /cannot connect to http:\/\/127\.0\.0\.1:1: ECONNREFUSED/],
  ])('exits 2 with one line for %j', async (args, message) => {
    const result = await runCli(['contract', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it('exits 2 when the config names an unset environment variable', async () => {
    const config = writeConfig('http://127.0.0.1:9');
    const result = await runCli(['contract', '--spec', SPEC, '--config', config], { env: { ALICE_TOKEN: ALICE } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/environment variable BOB_TOKEN is not set/);
  });
});

describe('apigate demo (built CLI)', () => {
  it('starts the example API, lints it cleanly and finishes green', async () => {
    const result = await runCli(['demo', '--seed', '5']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Example API started at http:\/\/127\.0\.0\.1:\d+/);
    expect(result.stdout).toContain('No findings.');
    expect(result.stdout).toMatch(/✔ 10 operations, \d+ cases: 0 failed, \d+ passed/);
  });
});
