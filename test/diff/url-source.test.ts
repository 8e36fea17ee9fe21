import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import { fixture } from '../helpers/cli.js';

/** Serves the multi-file BASE fixture (entry document and the schema file it references) on 127.0.0.1. */
const FILES: Record<string, string> = {
  '/specs/openapi.yaml': readFileSync(fixture('diff', 'cases/multi-file/base/openapi.yaml'), 'utf8'),
  '/specs/schemas/team.yaml': readFileSync(fixture('diff', 'cases/multi-file/base/schemas/team.yaml'), 'utf8'),
  '/elsewhere.yaml': 'Team: {type: string}\n',
  '/specs/sneaky.yaml': "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '../elsewhere.yaml#/Team'}\n",
};
let server: Server;
let origin: string;
const requested: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requested.push(request.url ?? '');
    const body = FILES[request.url ?? ''];
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/yaml' }).end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('BASE given as an explicit URL', () => {
  it('fetches the document and its relative $refs below the same folder, and compares with a local HEAD', async () => {
    const report = await diff(`${origin}/specs/openapi.yaml`, fixture('diff', 'cases/multi-file/head/openapi.json'), { cwd: fixture('diff') });
    expect(report.changes.map((change) => change.message)).toEqual(['response property `[].member_count` of GET /teams 200 was removed']);
    expect(requested).toEqual(['/specs/openapi.yaml', '/specs/schemas/team.yaml']);
    expect(report.base.file).toBe(`${origin}/specs/openapi.yaml`);
  });

  it('refuses a $ref that leaves the URL folder', async () => {
    await expect(diff(`${origin}/specs/sneaky.yaml`, `${origin}/specs/sneaky.yaml`, { cwd: fixture('diff') })).rejects.toMatchObject({
      code: 'E_FORBIDDEN_REF',
      message: `refusing to fetch ${origin}/elsewhere.yaml: $refs of ${origin}/specs/sneaky.yaml may only point below ${origin}/specs/`,
    });
    expect(requested).not.toContain('/elsewhere.yaml');
  });

  it('reports an HTTP error as one line naming the URL', async () => {
    await expect(diff(`${origin}/specs/missing.yaml`, fixture('diff', 'cases/multi-file/head/openapi.json'), { cwd: fixture('diff') })).rejects.toMatchObject({
      code: 'E_NETWORK',
      message: `cannot fetch ${origin}/specs/missing.yaml: HTTP 404`,
    });
  });
});
