import { describe, expect, it } from 'vitest';
import { coverage, type CoverageReport, type OperationCoverage } from '../../src/coverage/index.js';
import { fixture } from '../helpers/cli.js';

const spec = fixture('coverage', 'petstore.yaml');
const shards = [1, 2, 3].map((n) => ({ file: fixture('coverage', `contract-shard-${n}-of-3.json`) }));

function entry(report: CoverageReport, key: string): OperationCoverage {
  const found = report.operations.find((candidate) => candidate.operation.key === key);
  if (!found) throw new Error(`no ${key}`);
  return found;
}

/** What users read off the report, without drill-down indices that depend on input order. */
function numbers(report: CoverageReport): unknown {
  return {
    totals: report.totals,
    operations: report.operations.map((item) => ({
      key: item.operation.key,
      exercised: item.exercised,
      hits: item.hits,
      noResponse: item.noResponse,
      responses: item.responses,
      undocumented: item.undocumented,
      auth: item.auth,
    })),
  };
}

describe('coverage from a contract report', () => {
  it('counts operations, documented responses (ranges, default) and auth scenarios exactly', async () => {
    const report = await coverage({ spec, inputs: [{ file: fixture('coverage', 'contract-full.json') }] });
    expect(report.totals).toEqual({
      operations: { covered: 4, total: 7, percent: 57.143 },
      responses: { covered: 8, total: 12, percent: 66.667 },
      auth: { covered: 8, total: 21, percent: 38.095 },
      undocumentedStatuses: 2,
      // 14 cases, one skipped (never sent).
      exchanges: 13,
      unmatched: 0,
      otherHosts: 0,
    });
    const listPets = entry(report, 'GET /pets');
    // 401s from the auth cases land on `default`.
    expect(listPets.responses).toEqual([
      { status: '200', covered: true, hits: 1, observed: [200] },
      { status: '400', covered: true, hits: 1, observed: [400] },
      { status: 'default', covered: true, hits: 2, observed: [401] },
    ]);
    expect(entry(report, 'POST /pets').responses).toEqual([
      { status: '201', covered: true, hits: 1, observed: [201] },
      { status: '4XX', covered: true, hits: 2, observed: [401, 422] },
    ]);
    const getPet = entry(report, 'GET /pets/{petId}');
    expect(getPet.undocumented).toEqual([
      { status: 401, hits: 1 },
      { status: 500, hits: 1 },
    ]);
    expect(getPet.noResponse).toBe(1);
    expect(getPet.auth.map((slot) => [slot.scenario, slot.expected, slot.covered])).toEqual([
      ['valid', true, true],
      ['none', true, true],
      ['invalid', true, false],
      ['other_identity', true, true],
    ]);
    // A collection endpoint has no object another identity could reach.
    expect(entry(report, 'GET /pets').auth.find((slot) => slot.scenario === 'other_identity')?.expected).toBe(false);
    // Public operations have no auth axis at all.
    expect(entry(report, 'GET /health').auth).toEqual([]);
    expect(entry(report, 'DELETE /pets/{petId}').exercised).toBe(false);
    const failed = report.observations.filter((observation) => observation.failedChecks.length > 0).map((observation) => observation.failedChecks);
    expect(failed).toContainEqual(['not_a_server_error', 'status_code_conformance']);
  });

  it('gives the same numbers from three shard reports as from the unsharded report', async () => {
    const whole = await coverage({ spec, inputs: [{ file: fixture('coverage', 'contract-full.json') }] });
    const merged = await coverage({ spec, inputs: shards });
    const reversed = await coverage({ spec, inputs: [...shards].reverse() });
    expect(numbers(merged)).toEqual(numbers(whole));
    expect(numbers(reversed)).toEqual(numbers(whole));
    expect(merged.inputs.map((input) => input.exchanges)).toEqual([4, 5, 4]);
    expect(merged.warnings).toEqual([]);
  });

  it('a missing shard shows as lower coverage, not as an error', async () => {
    const partial = await coverage({ spec, inputs: shards.slice(0, 2) });
    expect(partial.totals.operations.covered).toBeLessThanOrEqual(4);
    expect(partial.totals.exchanges).toBe(9);
  });
});

describe('coverage from recorded traffic and HAR files', () => {
  it('matches proxy recordings by path template, base path, trailing slash and percent-encoding', async () => {
    const report = await coverage({ spec, inputs: [{ file: fixture('coverage', 'traffic.json') }] });
    expect(report.totals.operations).toEqual({ covered: 5, total: 7, percent: 71.429 });
    expect(report.totals.unmatched).toBe(1);
    expect(report.observations[report.unmatched[0] ?? -1]?.url).toBe('/v1/unknown');
    // `/v1/pets/mine` and `/pets/mine/` both go to the literal template, not to `/pets/{petId}`.
    expect(entry(report, 'GET /pets/mine').hits).toBe(2);
    expect(entry(report, 'GET /pets/{petId}').responses.find((response) => response.status === '404')?.covered).toBe(true);
    expect(entry(report, 'GET /files/{name}.{ext}').exercised).toBe(true);
    expect(entry(report, 'DELETE /pets/{petId}').undocumented).toEqual([{ status: 401, hits: 1 }]);
    expect(entry(report, 'DELETE /pets/{petId}').auth.find((slot) => slot.scenario === 'none')?.covered).toBe(true);
    expect(report.observations.find((observation) => observation.method === 'DELETE')?.failedChecks).toEqual(['status_code_conformance']);
  });

  it('reads HAR files: credentials decide the scenario, status 0 is no response, query secrets are redacted', async () => {
    const report = await coverage({ spec, inputs: [{ file: fixture('coverage', 'session.har'), har: true }] });
    const getPet = entry(report, 'GET /pets/{petId}');
    expect(getPet.auth.filter((slot) => slot.covered).map((slot) => slot.scenario)).toEqual(['valid', 'none', 'invalid']);
    expect(getPet.undocumented).toEqual([{ status: 401, hits: 2 }]);
    expect(entry(report, 'GET /pets').auth.find((slot) => slot.scenario === 'valid')?.covered).toBe(true);
    expect(entry(report, 'GET /files/{name}.{ext}')).toMatchObject({ exercised: false, hits: 1, noResponse: 1 });
    const urls = report.observations.map((observation) => observation.url);
    expect(urls).toContain('/v1/pets?api_key=***&limit=2');
    expect(JSON.stringify(report)).not.toContain('s3cret');
  });

  it('combines contract reports, recordings and HAR files into one picture', async () => {
    const report = await coverage({
      spec,
      inputs: [{ file: fixture('coverage', 'contract-full.json') }, { file: fixture('coverage', 'traffic.json') }, { file: fixture('coverage', 'session.har'), har: true }],
    });
    expect(report.totals).toEqual({
      operations: { covered: 7, total: 7, percent: 100 },
      responses: { covered: 11, total: 12, percent: 91.667 },
      auth: { covered: 13, total: 21, percent: 61.905 },
      undocumentedStatuses: 3,
      exchanges: 26,
      unmatched: 1,
      otherHosts: 0,
    });
    expect(report.inputs.map((input) => input.kind)).toEqual(['contract', 'traffic', 'har']);
  });
});

describe('input errors', () => {
  it.each([
    [[{ file: fixture('coverage', 'nope.json') }], /nope\.json: no such file/],
    [[{ file: spec }], /invalid JSON/],
    [[{ file: fixture('coverage', 'contract-full.json'), har: true }], /--har .*contract-full\.json: not a HAR file/],
    [[{ file: fixture('coverage', 'traffic.json') }, { file: fixture('coverage', 'traffic.json') }], /given twice/],
  ])('rejects unusable inputs with one clear line (%#)', async (inputs, message) => {
    await expect(coverage({ spec, inputs })).rejects.toThrow(message);
  });

  it('names a spec that does not exist', async () => {
    await expect(coverage({ spec: fixture('coverage', 'missing.yaml'), inputs: shards })).rejects.toThrow(/missing\.yaml/);
  });
});

describe('a real-world spec (RealWorld Conduit) with a browser HAR', () => {
  it('matches under the /api base path, prefers /articles/feed over /articles/{slug}, and sets other hosts aside', async () => {
    const report = await coverage({
      spec: fixture('coverage', 'real', 'realworld-conduit.yml'),
      inputs: [{ file: fixture('coverage', 'real', 'conduit-session.har'), har: true }],
    });
    expect(report.totals).toEqual({
      operations: { covered: 10, total: 19, percent: 52.632 },
      responses: { covered: 11, total: 54, percent: 20.37 },
      auth: { covered: 7, total: 44, percent: 15.909 },
      undocumentedStatuses: 1,
      exchanges: 15,
      unmatched: 1,
      otherHosts: 2,
    });
    const hit = report.operations
      .filter((item) => item.hits > 0)
      .map((item) => [item.operation.key, item.hits, item.auth.filter((slot) => slot.covered).map((slot) => slot.scenario)]);
    expect(hit).toEqual([
      ['POST /users/login', 1, []],
      ['GET /user', 2, ['valid', 'invalid']],
      ['GET /articles/feed', 2, ['valid', 'none']],
      ['GET /articles', 1, []],
      ['GET /articles/{slug}', 1, []],
      ['PUT /articles/{slug}', 1, ['valid']],
      ['GET /articles/{slug}/comments', 1, []],
      ['DELETE /articles/{slug}/comments/{id}', 1, ['none']],
      ['POST /articles/{slug}/favorite', 1, ['valid']],
      ['GET /tags', 1, []],
    ]);
    expect(entry(report, 'PUT /articles/{slug}').undocumented).toEqual([{ status: 403, hits: 1 }]);
    expect(report.observations[report.unmatched[0] ?? -1]?.url).toBe('/');
  });
});

describe('edge cases', () => {
  it('a spec without operations gives n/a totals, and with no API host known nothing is set aside', async () => {
    const { computeCoverage } = await import('../../src/coverage/compute.js');
    const { coverageSpecFromDocument } = await import('../../src/coverage/spec.js');
    const spec = coverageSpecFromDocument({ openapi: '3.1.0', info: { title: 'Hooks', version: '1' }, webhooks: {} }, 'hooks.yaml');
    const report = computeCoverage(spec, [{ source: 'a.har', input: 'har', method: 'GET', url: '/x', host: 'cdn.example.net', status: 200, scenario: 'none', failedChecks: [] }]);
    expect(report.totals).toEqual({
      operations: { covered: 0, total: 0, percent: null },
      responses: { covered: 0, total: 0, percent: null },
      auth: { covered: 0, total: 0, percent: null },
      undocumentedStatuses: 0,
      exchanges: 1,
      unmatched: 1,
      otherHosts: 0,
    });
  });

  it('warns when a contract report names operations the spec does not have, and when shards come from different runs', async () => {
    const { mkdtemp, readFile, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const folder = await mkdtemp(join(tmpdir(), 'apigate-coverage-warn-'));
    try {
      const other = JSON.parse(await readFile(shards[1]?.file ?? '', 'utf8')) as { seed: number; cases: Array<{ operation: string }> };
      other.seed = 43;
      other.cases[0] = { ...other.cases[0], operation: 'GET /pets/{id}/toys' };
      const file = join(folder, 'other-run.json');
      await writeFile(file, JSON.stringify(other));
      const report = await coverage({ spec, inputs: [shards[0] as { file: string }, { file }] });
      expect(report.totals.unmatched).toBe(1);
      expect(report.warnings).toEqual([
        'the contract reports come from runs with different seeds (42, 43): shards of one run share a seed',
        '1 operation in the contract reports is not in the spec (GET /pets/{id}/toys): was the report made from another version of the spec?',
      ]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
