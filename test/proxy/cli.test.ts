import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, fixture, runCli } from '../helpers/cli.js';
import { send, startUpstream, type Upstream } from './upstream.js';

const spec = fixture('coverage', 'proxy-api.yaml');
let folder: string;
let upstream: Upstream;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'apigate-proxy-cli-'));
  upstream = await startUpstream();
});
afterAll(async () => {
  await upstream?.close();
  await rm(folder, { recursive: true, force: true });
});

interface RunningCli {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first stdout match of `pattern`, however the output was split into chunks. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
}

function startCli(args: string[]): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: folder, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ pattern: RegExp; resolve: (match: RegExpMatchArray) => void }> = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const waiter of [...waiters]) {
      const match = stdout.match(waiter.pattern);
      if (match) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const match = stdout.match(pattern);
        if (match) return resolve(match);
        waiters.push({ pattern, resolve });
        void exited.then((code) => reject(new Error(`apigate proxy exited (${code}) before printing ${pattern}:\n${stdout}\n${stderr}`)));
      }),
    exited,
  };
}

describe('apigate proxy (built CLI)', () => {
  it('prints violations as they happen, finishes in-flight exchanges on SIGTERM, and flushes the whole record', async () => {
    const record = join(folder, 'traffic.json');
    const cli = startCli(['proxy', '--spec', spec, '--target', upstream.url, '--port', '0', '--record', record]);
    try {
      const [, url = ''] = await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      expect((await send(url, { path: '/api/items/1', headers: ['Authorization', 'Bearer t'] })).status).toBe(200);
      await send(url, { path: '/api/items/2', headers: ['Authorization', 'Bearer t'] });
      await cli.waitFor(/✗ GET \/api\/items\/2 → 200 {2}response_schema_conformance: /);
      await send(url, { path: '/api/items/3' });
      await cli.waitFor(/✗ GET \/api\/items\/3 → 404 {2}content_type_conformance: /);
      await send(url, { path: '/api/unknown' });
      await cli.waitFor(/\? GET \/api\/unknown → 404 {2}matches no operation of the spec\n/);

      const holding = send(url, { path: '/api/hold' });
      await upstream.held;
      cli.child.kill('SIGTERM');
      await cli.waitFor(/SIGTERM received; finishing 1 exchange in flight and writing the record/);
      upstream.release();
      expect((await holding).body.toString()).toBe('released\n');
      expect(await cli.exited).toBe(1);

      const saved = JSON.parse(await readFile(record, 'utf8')) as { format: string; finished_at?: string; exchanges: Array<Record<string, unknown>> };
      expect(saved.format).toBe('apigate-traffic');
      expect(saved.finished_at).toEqual(expect.any(String));
      expect(saved.exchanges.map((exchange) => [exchange['url'], exchange['operation'], exchange['status'], exchange['scenario']])).toEqual([
        ['/api/items/1', 'GET /items/{id}', 200, 'valid'],
        ['/api/items/2', 'GET /items/{id}', 200, 'valid'],
        ['/api/items/3', 'GET /items/{id}', 404, 'none'],
        ['/api/unknown', null, 404, 'none'],
        ['/api/hold', 'GET /hold', 200, 'none'],
      ]);
      expect(cli.stdout()).toMatch(/apigate proxy stopped \(SIGTERM\): 5 exchanges, 1 matched no operation, 3 violations \(/);
      expect(cli.stdout()).not.toContain('Bearer t');

      const coverage = await runCli(['coverage', '--spec', spec, record, '--format', 'json'], { cwd: folder });
      expect(coverage.code).toBe(0);
      expect((JSON.parse(coverage.stdout) as { totals: unknown }).totals).toEqual({
        operations: { covered: 2, total: 4, percent: 50 },
        responses: { covered: 3, total: 5, percent: 60 },
        // GET /items/{id} counts four scenarios (it names an object), POST /items three.
        auth: { covered: 2, total: 7, percent: 28.571 },
        undocumented_statuses: 0,
        exchanges: 5,
        unmatched: 1,
        other_hosts: 0,
      });
    } finally {
      cli.child.kill('SIGKILL');
    }
  }, 60_000);

  it('exits 0 on SIGINT with a clean run and still writes a complete record', async () => {
    const record = join(folder, 'clean.json');
    const cli = startCli(['proxy', '--spec', spec, '--target', upstream.url, '--port', '0', '--record', record]);
    try {
      const [, url = ''] = await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      await send(url, { path: '/api/items/1', headers: ['Authorization', 'Bearer t'] });
      cli.child.kill('SIGINT');
      expect(await cli.exited).toBe(0);
      const saved = JSON.parse(await readFile(record, 'utf8')) as { exchanges: unknown[] };
      expect(saved.exchanges).toHaveLength(1);
      expect(cli.stdout()).toContain(`apigate proxy stopped (SIGINT): 1 exchange, 0 matched no operation, 0 violations; recorded to ${record}\n`);
    } finally {
      cli.child.kill('SIGKILL');
    }
  }, 60_000);

  it('exits 2 with one line when the port is taken', async () => {
    const { port } = new URL(upstream.url);
    const result = await runCli(['proxy', '--spec', spec, '--target', 'http://127.0.0.1:1', '--port', port, '--record', 'never.json'], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`apigate: cannot listen on 127.0.0.1:${port}: EADDRINUSE\n`);
    await expect(readFile(join(folder, 'never.json'))).rejects.toThrow(/ENOENT/);
  });

  it.each([
    [['proxy', '--spec', spec, '--target', 'ftp://127.0.0.1:1'], /^apigate: --target ftp:\/\/127\.0\.0\.1:1: only http and https targets are supported\n$/],
    [['proxy', '--spec', spec, '--target', 'http://127.0.0.1:1', '--port', 'x'], /^apigate: --port: "x" is not a port number/],
    [['proxy', '--spec', 'missing.yaml', '--target', 'http://127.0.0.1:1'], /^apigate: missing\.yaml: spec file not found\n$/],
    // A record path under a file cannot be created.
    [['proxy', '--spec', spec, '--target', 'http://127.0.0.1:1', '--port', '0', '--record', `${spec}/x.json`], /^apigate: cannot write .*proxy-api\.yaml\/x\.json: (EEXIST|ENOTDIR)\n$/],
    [['proxy', '--spec', spec, '--target', 'http://127.0.0.1:1', '--checks', 'not_a_sever_error'], /Unknown check "not_a_sever_error" in --checks \(did you mean "not_a_server_error"\?\)/],
  ])('exits 2 on usage errors (%#)', async (args, message) => {
    const result = await runCli(args, { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
