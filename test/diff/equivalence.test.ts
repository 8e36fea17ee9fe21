import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import { fixture } from '../helpers/cli.js';
import { diffFixtures, summarise } from './helpers.js';

describe('no false positives', () => {
  it('reports nothing for identical documents', async () => {
    const report = await diffFixtures('real-world/realworld-conduit/head.yml', 'real-world/realworld-conduit/head.yml');
    expect(report.changes).toEqual([]);
    expect(report.failing).toEqual([]);
  });

  it('reports nothing when only key order, $ref vs inline, allOf vs merged, YAML vs JSON, path parameter names and branch order differ', async () => {
    const report = await diffFixtures('cases/equivalent/base.yaml', 'cases/equivalent/head.json');
    expect(summarise(report)).toEqual([]);
  });

  it('reports nothing for an OpenAPI 3.0 to 3.1 migration (nullable, exclusive bounds, const) in either direction', async () => {
    expect(summarise(await diffFixtures('cases/openapi-3.0-to-3.1/v30.yaml', 'cases/openapi-3.0-to-3.1/v31.yaml'))).toEqual([]);
    expect(summarise(await diffFixtures('cases/openapi-3.0-to-3.1/v31.yaml', 'cases/openapi-3.0-to-3.1/v30.yaml'))).toEqual([]);
  });
});

describe('structure', () => {
  it('compares recursive schemas without looping and reports a nested change once per operation', async () => {
    const report = await diffFixtures('cases/recursive/base.yaml', 'cases/recursive/head.yaml');
    expect(summarise(report)).toEqual([
      {
        id: 'request-constraint-tightened',
        level: 'breaking',
        message: 'request property `manager.email` of POST /nodes now has maxLength 64',
        location: 'POST /nodes request body application/json property manager.email',
        line: 31,
      },
    ]);
  });

  it('follows $refs into other files and points at the line in the referenced JSON file of HEAD', async () => {
    const report = await diffFixtures('cases/multi-file/base/openapi.yaml', 'cases/multi-file/head/openapi.json');
    expect(report.changes).toHaveLength(1);
    const [change] = report.changes;
    expect(change?.message).toBe('response property `[].member_count` of GET /teams 200 was removed');
    expect(change?.file).toBe(fixture('diff', 'cases/multi-file/head/schemas/team.json'));
    expect(change?.range?.start).toEqual({ line: 5, column: 5 });
    expect(change?.pointer).toEqual(['Team', 'properties']);
  });

  it('refuses a $ref that leaves the spec folder and the working directory, naming the file', async () => {
    const spec = fixture('diff', 'cases/outside-ref/spec/openapi.yaml');
    await expect(diff(spec, spec, { cwd: fixture('diff', 'cases/outside-ref/spec') })).rejects.toMatchObject({
      code: 'E_FORBIDDEN_REF',
      message: expect.stringContaining("secret.yaml: it is outside the spec's folder and the working directory"),
    });
    const allowed = await diff(spec, spec, { cwd: fixture('diff', 'cases/outside-ref/spec'), allowExternalRefs: true });
    expect(allowed.changes).toEqual([]);
  });

  it('reads Swagger 2.0: body and query parameters, definitions, host and basePath', async () => {
    const report = await diffFixtures('cases/swagger2/base.yaml', 'cases/swagger2/head.yaml');
    expect(summarise(report).map(({ id, message }) => `${id}: ${message}`)).toEqual([
      'server-url-changed: server `https://api.example.com/v1` changed to `https://api.example.com/v2`: base path `/v1` is gone',
      'new-required-request-property: request property `species` of POST /pets was added as required',
      'request-type-changed: query parameter `dry_run` of POST /pets changed type from boolean to string',
      'response-property-became-optional: response property `name` of POST /pets 200 became optional',
    ]);
  });
});
