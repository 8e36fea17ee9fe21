import { randomBytes } from 'node:crypto';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  rawHeaders: string[];
  body: Buffer;
}

/** A deliberately idiosyncratic upstream: odd header case, repeated headers, custom reason phrases, streams. */
export interface Upstream {
  url: string;
  received: ReceivedRequest[];
  binary: Buffer;
  /** Resolves the next time `/stream` has written its first chunk; call `continueStream` to finish it. */
  continueStream(): void;
  /** `/hold` answers only after this is called; `held` resolves once a `/hold` request has arrived. */
  held: Promise<void>;
  release(): void;
  close(): Promise<void>;
}

export async function startUpstream(): Promise<Upstream> {
  const received: ReceivedRequest[] = [];
  const binary = randomBytes(4096);
  let continueStream: () => void = () => undefined;
  let streamGate = new Promise<void>((resolve) => (continueStream = resolve));
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let markHeld: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (markHeld = resolve));

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      received.push({ method: req.method ?? '', url: req.url ?? '', rawHeaders: req.rawHeaders, body });
      res.sendDate = false;
      const path = (req.url ?? '').split('?')[0];
      const authorised = Boolean(req.headers.authorization);
      if (req.method === 'GET' && path === '/api/items/1') {
        const json = '{"id":"1","name":"one \u00e9"}';
        res.writeHead(200, 'Fine Thanks', [
          'Content-Type', 'application/json; charset=utf-8',
          'X-Odd-CASE', 'Value',
          'Set-Cookie', 'a=1; Path=/',
          'Set-Cookie', 'b=2; Path=/',
          'Content-Length', String(Buffer.byteLength(json)),
          'Date', 'Sat, 28 Nov 2026 10:00:00 GMT',
        ]);
        res.end(json);
        return;
      }
      if (req.method === 'GET' && path === '/api/items/2') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":2,"extra":true}');
        return;
      }
      if (req.method === 'GET' && path === '/api/items/gz') {
        const compressed = gzipSync('{"id":"gz","name":42}');
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': compressed.length });
        res.end(compressed);
        return;
      }
      if ((req.method === 'GET' || req.method === 'HEAD') && path === '/api/items/head') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': 24, etag: '"v1"' });
        res.end(req.method === 'HEAD' ? undefined : '{"id":"head","name":"h"}'.slice(0, 24));
        return;
      }
      if (req.method === 'GET' && path === '/api/items/cached') {
        res.writeHead(304, { etag: '"v1"' });
        res.end();
        return;
      }
      if (req.method === 'GET' && path === '/api/trailers') {
        res.writeHead(200, { 'content-type': 'text/plain', trailer: 'X-Checksum' });
        res.write('body');
        res.addTrailers({ 'X-Checksum': 'abc123' });
        res.end();
        return;
      }
      if (req.method === 'GET' && path === '/api/items/500') {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('boom');
        return;
      }
      if (req.method === 'POST' && path === '/api/items') {
        res.writeHead(authorised ? 201 : 401, { 'content-type': 'application/octet-stream', 'content-length': body.length });
        res.end(body);
        return;
      }
      if (req.method === 'GET' && path === '/api/binary') {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': binary.length });
        res.end(binary);
        return;
      }
      if (req.method === 'GET' && path === '/api/stream') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('first\n');
        await streamGate;
        streamGate = new Promise<void>((resolve) => (continueStream = resolve));
        res.end('second\n');
        return;
      }
      if (req.method === 'GET' && path === '/api/hold') {
        markHeld();
        await released;
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('released\n');
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"code":"not_found","message":"no such thing","request_id":"r1"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    binary,
    continueStream: () => continueStream(),
    held,
    release: () => release(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface ClientResponse {
  status: number;
  statusMessage: string;
  rawHeaders: string[];
  headers: IncomingHttpHeaders;
  rawTrailers: string[];
  body: Buffer;
}

/** A plain node:http client, so the test sees the wire-level status line and header list. */
export function send(
  base: string,
  options: { method?: string; path: string; headers?: string[]; body?: Buffer; onChunk?: (chunk: Buffer) => void },
): Promise<ClientResponse> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    // A header list is sent as given, so it carries its own Host.
    const headers = ['Host', url.host, ...(options.headers ?? [])];
    const req = request(
      { host: url.hostname, port: url.port, method: options.method ?? 'GET', path: options.path, headers: headers as unknown as Record<string, string>, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          options.onChunk?.(chunk);
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, statusMessage: res.statusMessage ?? '', rawHeaders: res.rawHeaders, headers: res.headers, rawTrailers: res.rawTrailers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive']);

/** Header list without the per-connection headers each hop sets for itself. */
export function endToEnd(rawHeaders: string[]): string[] {
  const result: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (!HOP_BY_HOP.has((rawHeaders[i] ?? '').toLowerCase())) result.push(rawHeaders[i] ?? '', rawHeaders[i + 1] ?? '');
  }
  return result;
}
