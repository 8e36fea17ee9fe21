import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSpec } from '../../../src/contract/spec/load.js';
import { fixture } from '../../helpers/cli.js';
import { startHttpServer, type TestServer } from '../../helpers/servers.js';

const SPLIT_SPEC = (schemaRef: string) => `openapi: 3.1.0
info: { title: Split, version: 1.0.0 }
paths:
  /v1/thing:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '${schemaRef}' }
`;

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function serve(files: Record<string, string>): Promise<TestServer> {
  const server = await startHttpServer((request, response) => {
    const body = files[request.url];
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/yaml' });
    response.end(body ?? 'not found');
  });
  servers.push(server);
  return server;
}

describe('loading a spec from a URL', () => {
  it('fetches the spec and its same-origin $refs', async () => {
    const server = await serve({
      '/openapi.yaml': SPLIT_SPEC('./schemas/thing.yaml'),
      '/schemas/thing.yaml': 'type: object\nproperties: { name: { type: string } }\n',
    });
    const spec = await loadSpec(`${server.url}/openapi.yaml`);
    expect(spec.source).toBe(`${server.url}/openapi.yaml`);
    expect(spec.operations[0]!.responses[0]!.content[0]!.schema).toEqual({ type: 'object', properties: { name: { type: 'string' } } });
  });

  it('refuses a $ref to another origin', async () => {
    const other = await serve({ '/thing.yaml': 'type: object\n' });
    const server = await serve({ '/openapi.yaml': SPLIT_SPEC(`${other.url.replace('127.0.0.1', 'localhost')}/thing.yaml`) });
    await expect(loadSpec(`${server.url}/openapi.yaml`)).rejects.toThrow(/refusing to fetch http:\/\/localhost:\d+\/thing\.yaml: only \$refs on the spec's own origin are followed/);
    expect(other.requests).toEqual([]);
  });

  it('refuses a local file $ref from a remote spec', async () => {
    const server = await serve({ '/openapi.yaml': SPLIT_SPEC(`file://${fixture('contract', 'hostile', 'openapi.yaml')}`) });
    await expect(loadSpec(`${server.url}/openapi.yaml`)).rejects.toThrow(/refusing to read local file/);
  });

  it('reports a missing spec URL as one error naming it', async () => {
    const server = await serve({});
    await expect(loadSpec(`${server.url}/missing.yaml`)).rejects.toThrow(`cannot fetch ${server.url}/missing.yaml: HTTP 404`);
  });

  it('loads the demo spec unchanged whether read from a file or a URL', async () => {
    const text = readFileSync(fixture('demo', 'openapi.yaml'), 'utf8');
    const server = await serve({ '/openapi.yaml': text });
    const fromUrl = await loadSpec(`${server.url}/openapi.yaml`);
    const fromFile = await loadSpec(fixture('demo', 'openapi.yaml'));
    expect(fromUrl.operations.map((operation) => operation.key)).toEqual(fromFile.operations.map((operation) => operation.key));
  });
});
