import { lookup } from 'node:dns/promises';
import { createServer, type Server } from 'node:http';
import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchRemoteText } from '../../src/util/remote.js';

describe('fetchRemoteText address policy', () => {
  let server: Server;
  let port: number;
  let requests = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      requests++;
      res.end('openapi: 3.0.3\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches from loopback when loopback is not blocked (the contract runner against a local server)', async () => {
    expect(await fetchRemoteText(`http://127.0.0.1:${port}/spec.yaml`, { maxBytes: 1000 })).toBe('openapi: 3.0.3\n');
  });

  it('refuses loopback by address and by name when blocked, without sending a request', async () => {
    const before = requests;
    for (const url of [`http://127.0.0.1:${port}/`, `http://[::ffff:127.0.0.1]:${port}/`, `http://localhost:${port}/`, `http://2130706433:${port}/`]) {
      await expect(fetchRemoteText(url, { maxBytes: 1000, blockLoopback: true }), url).rejects.toMatchObject({ code: 'E_FORBIDDEN_REF' });
    }
    expect(requests).toBe(before);
  });

  it('checks the address the connection resolves, so a harmless-looking name cannot lead to a forbidden address', async () => {
    // The machine's own name resolves to a loopback address on most hosts (/etc/hosts); that is the rebinding case.
    const name = hostname();
    const resolved = await lookup(name).catch(() => undefined);
    if (!resolved || !/^127\.|^::1$/.test(resolved.address)) return;
    const before = requests;
    await expect(fetchRemoteText(`http://${name}:${port}/`, { maxBytes: 1000, blockLoopback: true })).rejects.toMatchObject({
      code: 'E_FORBIDDEN_REF',
    });
    expect(requests).toBe(before);
  });

  it('caps the response size', async () => {
    await expect(fetchRemoteText(`http://127.0.0.1:${port}/`, { maxBytes: 5 })).rejects.toMatchObject({ code: 'E_LIMIT' });
  });
});
