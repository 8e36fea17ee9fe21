import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runContract, type Shard } from '../../src/contract/runner.js';
import { coverage, type CoverageReport } from '../../src/coverage/index.js';
import { DEMO_SPEC_PATH, PACKAGE_ROOT } from '../../src/demo/index.js';
import { startDemoServer } from '../../src/demo/server.js';

const tokens = { alice: 'token-alice', bob: 'token-bob' };
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'apigate-shards-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/**
 * One CI job: a fresh server, one contract run (or one shard of it), its JSON report on disk. Read-only and
 * one request at a time, so every case meets the same server state in every split: what is compared is the
 * merging, not how a stateful server reacts to cases arriving in another order.
 */
async function job(name: string, shard?: Shard): Promise<string> {
  const server = await startDemoServer({ tokens });
  try {
    const identities = Object.entries(tokens).map(([identity, token]) => ({ name: identity, headers: { Authorization: `Bearer ${token}` }, query: {} }));
    const report = await runContract({ spec: DEMO_SPEC_PATH, baseUrl: server.url, identities, cwd: PACKAGE_ROOT, seed: 7, concurrency: 1, readOnly: true, ...(shard ? { shard } : {}) });
    const file = join(folder, `${name}.json`);
    await writeFile(file, JSON.stringify(report));
    return file;
  } finally {
    await server.close();
  }
}

function numbers(report: CoverageReport): unknown {
  return {
    totals: report.totals,
    operations: report.operations.map((item) => ({ key: item.operation.key, hits: item.hits, responses: item.responses, undocumented: item.undocumented, auth: item.auth })),
  };
}

describe('sharded contract runs against a live server', () => {
  it('give the same coverage as one unsharded run', async () => {
    const whole = await job('whole');
    const shards = [await job('shard-1', { index: 1, total: 3 }), await job('shard-2', { index: 2, total: 3 }), await job('shard-3', { index: 3, total: 3 })];
    const one = await coverage({ spec: DEMO_SPEC_PATH, inputs: [{ file: whole }] });
    const merged = await coverage({ spec: DEMO_SPEC_PATH, inputs: shards.map((file) => ({ file })) });
    expect(one.totals.exchanges).toBeGreaterThan(10);
    expect(one.totals.operations.covered).toBeGreaterThan(0);
    expect(merged.inputs.every((input) => input.exchanges > 0 && input.exchanges < one.totals.exchanges)).toBe(true);
    expect(numbers(merged)).toEqual(numbers(one));
    expect(merged.warnings).toEqual([]);
  }, 120_000);
});
