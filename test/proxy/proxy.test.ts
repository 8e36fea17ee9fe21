import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectChecks } from '../../src/contract/checks/index.js';
import { loadSpec } from '../../src/contract/spec/load.js';
import { coverageSpecFromModel } from '../../src/coverage/spec.js';
import { proxyValidatorFor } from '../../src/proxy/checks.js';
import { startProxy, type RunningProxy } from '../../src/proxy/proxy.js';
import { fixture } from '../helpers/cli.js';
import { endToEnd, send, startUpstream, type Upstream } from './upstream.js';

let upstream: Upstream;
let proxy: RunningProxy;

beforeAll(async () => {
  upstream = await startUpstream();
  const model = await loadSpec(fixture('coverage', 'proxy-api.yaml'));
  proxy = await startProxy({
    spec: coverageSpecFromModel(model),
    target: upstream.url,
    port: 0,
    validate: proxyValidatorFor(model, { strict: true }, selectChecks()),
  });
});

afterAll(async () => {
  await proxy?.close();
  await upstream?.close();
});

const exchangeFor = (path: string) => proxy.exchanges.filter((exchange) => exchange.url === path).at(-1);

describe('apigate proxy relays traffic unchanged', () => {
  it('status line, header names, case, order and repetition, and body bytes are what the server sent', async () => {
    const direct = await send(upstream.url, { path: '/api/items/1', headers: ['Authorization', 'Bearer t'] });
    const proxied = await send(proxy.url, { path: '/api/items/1', headers: ['Authorization', 'Bearer t'] });
    expect(proxied.status).toBe(200);
    expect(proxied.statusMessage).toBe('Fine Thanks');
    expect(endToEnd(proxied.rawHeaders)).toEqual(endToEnd(direct.rawHeaders));
    expect(endToEnd(proxied.rawHeaders)).toEqual([
      'Content-Type', 'application/json; charset=utf-8',
      'X-Odd-CASE', 'Value',
      'Set-Cookie', 'a=1; Path=/',
      'Set-Cookie', 'b=2; Path=/',
      'Content-Length', '26',
      'Date', 'Sat, 28 Nov 2026 10:00:00 GMT',
    ]);
    expect(proxied.body.equals(direct.body)).toBe(true);
  });

  it('requests reach the server with the same method, path, query, headers and body bytes', async () => {
    const body = randomBytes(70_000);
    const headers = ['Authorization', 'Bearer t', 'X-Weird-Case', 'A', 'x-repeat', '1', 'x-repeat', '2', 'Content-Type', 'application/octet-stream', 'Content-Length', String(body.length)];
    const response = await send(proxy.url, { method: 'POST', path: '/api/items?q=a%20b&q=c', headers, body });
    const seen = upstream.received.at(-1);
    expect(seen?.method).toBe('POST');
    expect(seen?.url).toBe('/api/items?q=a%20b&q=c');
    expect(endToEnd(seen?.rawHeaders ?? []).filter((_, i, list) => (i % 2 === 0 ? list[i] : list[i - 1]) !== 'Host')).toEqual(headers);
    expect(seen?.body.equals(body)).toBe(true);
    expect(response.status).toBe(201);
    expect(response.body.equals(body)).toBe(true);
    expect(exchangeFor('/api/items?q=a%20b&q=c')).toMatchObject({ operation: 'POST /items', status: 201, scenario: 'valid', violations: [] });
  });

  it('compressed bodies are relayed still compressed, and validated decompressed', async () => {
    const direct = await send(upstream.url, { path: '/api/items/gz', headers: ['Authorization', 'Bearer t', 'Accept-Encoding', 'gzip'] });
    const proxied = await send(proxy.url, { path: '/api/items/gz', headers: ['Authorization', 'Bearer t', 'Accept-Encoding', 'gzip'] });
    expect(proxied.headers['content-encoding']).toBe('gzip');
    expect(proxied.body.equals(direct.body)).toBe(true);
    expect(exchangeFor('/api/items/gz')?.violations.map((violation) => violation.check)).toEqual(['response_schema_conformance']);
  });

  it('HEAD and 304 responses keep their headers and carry no body', async () => {
    const directHead = await send(upstream.url, { method: 'HEAD', path: '/api/items/head' });
    const proxiedHead = await send(proxy.url, { method: 'HEAD', path: '/api/items/head' });
    expect(endToEnd(proxiedHead.rawHeaders)).toEqual(endToEnd(directHead.rawHeaders));
    expect(proxiedHead.headers['content-length']).toBe('24');
    expect(proxiedHead.body.length).toBe(0);
    const notModified = await send(proxy.url, { path: '/api/items/cached', headers: ['If-None-Match', '"v1"'] });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(upstream.received.at(-1)?.rawHeaders).toContain('If-None-Match');
  });

  it('trailers and their Trailer announcement come through', async () => {
    const response = await send(proxy.url, { path: '/api/trailers' });
    expect(response.headers['trailer']).toBe('X-Checksum');
    expect(response.rawTrailers).toEqual(['X-Checksum', 'abc123']);
    expect(response.body.toString()).toBe('body');
  });

  it('binary bodies pass through byte for byte', async () => {
    const response = await send(proxy.url, { path: '/api/binary' });
    expect(response.body.equals(upstream.binary)).toBe(true);
    expect(exchangeFor('/api/binary')).toMatchObject({ operation: null, status: 200 });
  });

  it('streams a chunked response chunk by chunk instead of buffering it', async () => {
    let sawFirst = false;
    const response = await send(proxy.url, {
      path: '/api/stream',
      onChunk: (chunk) => {
        // The server writes its second chunk only after the client has the first one through the proxy,
        // so a buffering proxy would never finish this request.
        if (!sawFirst && chunk.toString().includes('first')) {
          sawFirst = true;
          upstream.continueStream();
        }
      },
    });
    expect(response.headers['transfer-encoding']).toBe('chunked');
    expect(response.body.toString()).toBe('first\nsecond\n');
  });

  it('puts the base path of --target in front of every request path', async () => {
    const model = await loadSpec(fixture('coverage', 'proxy-api.yaml'));
    const prefixed = await startProxy({ spec: coverageSpecFromModel(model), target: `${upstream.url}/api/`, port: 0 });
    try {
      const response = await send(prefixed.url, { path: '/items/1?x=1', headers: ['Authorization', 'Bearer t'] });
      expect(response.status).toBe(200);
      expect(upstream.received.at(-1)?.url).toBe('/api/items/1?x=1');
      expect(prefixed.exchanges).toEqual([expect.objectContaining({ url: '/items/1?x=1', operation: 'GET /items/{id}', status: 200 })]);
    } finally {
      await prefixed.close();
    }
  });

  it('answers 502 and records the exchange without a status when the server is unreachable', async () => {
    const model = await loadSpec(fixture('coverage', 'proxy-api.yaml'));
    const closed = await startUpstream();
    await closed.close();
    const orphan = await startProxy({ spec: coverageSpecFromModel(model), target: closed.url, port: 0 });
    try {
      const response = await send(orphan.url, { path: '/api/items/1' });
      expect(response.status).toBe(502);
      expect(response.body.toString()).toMatch(/^apigate proxy: cannot reach http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED\n$/);
      expect(orphan.exchanges).toEqual([expect.objectContaining({ operation: 'GET /items/{id}', status: null, error: 'upstream error: ECONNREFUSED' })]);
    } finally {
      await orphan.close();
    }
  });
});

describe('apigate proxy validates with the contract checks', () => {
  it.each([
    ['/api/items/1', ['Authorization', 'Bearer t'], []],
    ['/api/items/2', ['Authorization', 'Bearer t'], ['response_schema_conformance', 'undocumented_property']],
    ['/api/items/500', ['Authorization', 'Bearer t'], ['not_a_server_error', 'status_code_conformance']],
    ['/api/items/1?anonymous', [], ['ignored_auth']],
    // The spec documents the 404 without a body; the server sends JSON.
    ['/api/items/404', ['Authorization', 'Bearer t'], ['content_type_conformance']],
  ])('GET %s → %j', async (path, headers, checks) => {
    await send(proxy.url, { path, headers });
    const exchange = exchangeFor(path);
    expect(exchange?.operation).toBe('GET /items/{id}');
    expect(exchange?.violations.map((violation) => violation.check)).toEqual(checks);
    expect(exchange?.scenario).toBe(headers.length > 0 ? 'valid' : 'none');
  });
});

describe('apigate proxy relays protocol upgrades', () => {
  it('tunnels a WebSocket-style upgrade both ways and records the 101', async () => {
    const { createServer } = await import('node:http');
    const { connect } = await import('node:net');
    const echo = createServer((_req, res) => res.end());
    const upgraded: Array<{ destroy(): void }> = [];
    echo.on('upgrade', (req, socket) => {
      upgraded.push(socket);
      socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\nX-Path: ${req.url}\r\n\r\n`);
      socket.on('data', (chunk: Buffer) => socket.write(Buffer.concat([Buffer.from('echo:'), chunk])));
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    const model = await loadSpec(fixture('coverage', 'proxy-api.yaml'));
    const tunnelProxy = await startProxy({ spec: coverageSpecFromModel(model), target: `http://127.0.0.1:${(echo.address() as { port: number }).port}`, port: 0 });
    try {
      const socket = connect(tunnelProxy.port, '127.0.0.1');
      let received = '';
      const gotHandshake = new Promise<void>((resolve) =>
        socket.on('data', (chunk: Buffer) => {
          received += chunk.toString('latin1');
          if (received.includes('\r\n\r\n')) resolve();
        }),
      );
      socket.write('GET /api/stream HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: echo\r\n\r\n');
      await gotHandshake;
      expect(received).toBe('HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\nX-Path: /api/stream\r\n\r\n');
      received = '';
      const gotEcho = new Promise<void>((resolve) => socket.on('data', () => received.includes('echo:\u0000\u00ffping') && resolve()));
      socket.write(Buffer.from([0, 255, 112, 105, 110, 103]));
      await gotEcho;
      expect(Buffer.from(received, 'latin1')).toEqual(Buffer.from([101, 99, 104, 111, 58, 0, 255, 112, 105, 110, 103]));
      expect(tunnelProxy.exchanges).toEqual([expect.objectContaining({ method: 'GET', url: '/api/stream', operation: 'GET /stream', status: 101 })]);
      socket.destroy();
    } finally {
      await tunnelProxy.close();
      for (const socket of upgraded) socket.destroy();
      echo.closeAllConnections();
      await new Promise<void>((resolve) => echo.close(() => resolve()));
    }
  });
});
