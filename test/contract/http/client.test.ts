import { gzipSync, brotliCompressSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient, type HttpClientOptions } from '../../../src/contract/http/client.js';
import { startHttpServer, startRawServer, type TestServer } from '../../helpers/servers.js';

const OPTIONS: HttpClientOptions = { connections: 2, timeoutMs: 800, maxBodyBytes: 64 * 1024, followRedirects: false, insecure: false };

let servers: TestServer[] = [];
let client: HttpClient | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

function track<T extends TestServer>(server: T): T {
  servers.push(server);
  return server;
}

async function get(url: string, options: Partial<HttpClientOptions> = {}, headers: Record<string, string> = {}) {
  client = new HttpClient({ ...OPTIONS, ...options });
  return client.send({ method: 'GET', url, headers });
}

describe('HttpClient against hostile servers', () => {
  it('a server that never answers hits the overall deadline', async () => {
    const server = track(await startHttpServer(() => undefined));
    const exchange = await get(`${server.url}/hang`);
    expect(exchange).toMatchObject({ ok: false, failure: { code: 'timeout' } });
  });

  it('a body trickled one byte at a time hits the overall deadline, not only the idle timeout', async () => {
    const server = track(
      await startHttpServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        // Each byte arrives well within any idle timeout; only an overall deadline stops this.
        const timer = setInterval(() => response.write(' '), 50);
        response.on('close', () => clearInterval(timer));
      }),
    );
    const exchange = await get(`${server.url}/trickle`);
    expect(exchange).toMatchObject({ ok: false, failure: { code: 'timeout', status: 200 } });
  });

  it('an endless chunked body stops at the size cap', async () => {
    const server = track(
      await startHttpServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        const chunk = 'x'.repeat(16 * 1024);
        const pump = (): void => {
          while (!response.destroyed && response.write(chunk));
          if (!response.destroyed) response.once('drain', pump);
        };
        pump();
      }),
    );
    const exchange = await get(`${server.url}/endless`, { timeoutMs: 5_000 });
    expect(exchange).toMatchObject({ ok: false, failure: { code: 'body_too_large' } });
  });

  it('a gzip bomb stops at the decoded size cap', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(100 * 1024);
    const server = track(
      await startHttpServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        response.end(bomb);
      }),
    );
    const exchange = await get(`${server.url}/bomb`, { timeoutMs: 5_000 });
    expect(exchange).toMatchObject({ ok: false, failure: { code: 'body_too_large' } });
  });

  it('decodes gzip and brotli bodies', async () => {
    const server = track(
      await startHttpServer((request, response) => {
        const body = JSON.stringify({ name: 'compressed' });
        const br = request.url === '/br';
        response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': br ? 'br' : 'gzip' });
        response.end(br ? brotliCompressSync(body) : gzipSync(body));
      }),
    );
    for (const path of ['/gzip', '/br']) {
      const exchange = await get(`${server.url}${path}`);
      expect(exchange).toMatchObject({ ok: true, response: { status: 200, body: { name: 'compressed' }, bodyIsJson: true } });
      await client?.close();
    }
  });

  it('a connection reset mid-body is a connection_reset', async () => {
    const server = track(
      await startRawServer((socket) => {
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"name":');
        setTimeout(() => socket.resetAndDestroy(), 20);
      }),
    );
    const exchange = await get(`${server.url}/reset`);
    expect(exchange.ok).toBe(false);
    if (!exchange.ok) expect(['connection_reset', 'content_length_mismatch']).toContain(exchange.failure.code);
  });

  it('a body shorter than its Content-Length is content_length_mismatch', async () => {
    const server = track(
      await startRawServer((socket) => {
        socket.end('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 50\r\nConnection: close\r\n\r\n{"name":"x"}');
      }),
    );
    const exchange = await get(`${server.url}/short`);
    expect(exchange.ok).toBe(false);
    if (!exchange.ok) expect(['content_length_mismatch', 'connection_reset']).toContain(exchange.failure.code);
  });

  it('a body that is not the JSON its Content-Type claims is invalid_json', async () => {
    const server = track(
      await startHttpServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"name": "unterminated');
      }),
    );
    const exchange = await get(`${server.url}/bad-json`);
    expect(exchange).toMatchObject({ ok: false, failure: { code: 'invalid_json', status: 200 } });
  });

  it('an endless stream of unsolicited 1xx responses hits the overall deadline', async () => {
    const server = track(
      await startRawServer((socket) => {
        const timer = setInterval(() => socket.write('HTTP/1.1 102 Processing\r\n\r\n'), 30);
        socket.on('close', () => clearInterval(timer));
      }),
    );
    const exchange = await get(`${server.url}/processing`);
    expect(exchange).toMatchObject({ ok: false, failure: { code: 'timeout' } });
  });

  it('a single unsolicited 1xx before the real response is skipped', async () => {
    const server = track(
      await startRawServer((socket) => {
        socket.write('HTTP/1.1 102 Processing\r\n\r\n');
        socket.end('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 13\r\nConnection: close\r\n\r\n{"name":"ok"}');
      }),
    );
    const exchange = await get(`${server.url}/one-1xx`);
    expect(exchange).toMatchObject({ ok: true, response: { status: 200, body: { name: 'ok' } } });
  });

  it('a header value carrying a bare CR is malformed HTTP, not a response', async () => {
    const server = track(
      await startRawServer((socket) => {
        socket.end('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Evil: a\rInjected: yes\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}');
      }),
    );
    const exchange = await get(`${server.url}/crlf`);
    expect(exchange.ok).toBe(false);
    if (!exchange.ok) expect(exchange.failure.code).toBe('invalid_http');
  });

  it('does not follow redirects by default', async () => {
    const server = track(
      await startHttpServer((_request, response) => {
        response.writeHead(302, { location: '/elsewhere' });
        response.end();
      }),
    );
    const exchange = await get(`${server.url}/moved`);
    expect(exchange).toMatchObject({ ok: true, response: { status: 302 } });
    expect(server.requests.map((request) => request.url)).toEqual(['/moved']);
  });

  it('follows redirects when asked, and never carries credentials to another origin', async () => {
    const target = track(
      await startHttpServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"name":"landed"}');
      }),
    );
    // 127.0.0.1 and localhost are different origins on the same loopback interface.
    const otherOrigin = target.url.replace('127.0.0.1', 'localhost');
    const origin = track(
      await startHttpServer((request, response) => {
        response.writeHead(307, { location: request.url === '/same' ? '/final' : `${otherOrigin}/final?api_key=leak` });
        if (request.url === '/final') {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end('{"name":"same"}');
          return;
        }
        response.end();
      }),
    );
    const headers = { authorization: 'Bearer secret-token', 'x-api-key': 'secret-key' };
    const cross = await get(`${origin.url}/cross?api_key=secret-key`, { followRedirects: true, credentialHeaders: ['x-api-key'], credentialQuery: ['api_key'] }, headers);
    expect(cross).toMatchObject({ ok: true, response: { status: 200, body: { name: 'landed' } } });
    expect(target.requests).toHaveLength(1);
    expect(target.requests[0]!.headers['authorization']).toBeUndefined();
    expect(target.requests[0]!.headers['x-api-key']).toBeUndefined();
    expect(target.requests[0]!.url).toBe('/final');
  });
});
