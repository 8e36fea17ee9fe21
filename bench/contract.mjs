#!/usr/bin/env node
// Contract throughput benchmark: how close `apigate contract` comes to a raw load generator against the same
// fast local server at the same concurrency. The raw rate (autocannon) is the ceiling: every request apigate
// sends also costs case generation, response validation, the stateful checks and reporting.
//
//   npm run bench:contract -- [--collections N] [--connections N] [--duration S] [--runs N] [--warmup N] [--json FILE]
//
// The server runs in a child process (so its CPU is not apigate's) on 127.0.0.1 and serves a generated spec of
// N collections x 5 operations (list, create, read, update, delete), multi-tenant, with two bearer tokens, so
// the run includes every case kind: positive, negative, authentication, stateful flows and the second
// identity's probes. Only loopback traffic; every loop is bounded in count and time.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { readFlags } from './args.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TOKENS = { alice: 'bench-alice-token', bob: 'bench-bob-token' };

function parseArgs(argv) {
  const options = readFlags(argv, { collections: 100, connections: 10, duration: 3, runs: 5, warmup: 3, json: undefined }, { warmup: 0 });
  if (options.json) options.json = resolve(options.json);
  if (options.duration > 60 || options.runs > 20 || options.warmup > 20 || options.collections > 2000) {
    throw new Error('keep --duration <= 60, --runs <= 20, --warmup <= 20, --collections <= 2000');
  }
  return options;
}

const ERROR = { $ref: '#/components/responses/Error' };

/** N collections, each with list/create/read/update/delete: 5N operations, all secured. */
function generateSpec(collections) {
  const paths = {};
  for (let index = 0; index < collections; index++) {
    const name = `c${index}`;
    paths[`/${name}/items`] = {
      get: {
        operationId: `list_${name}`,
        responses: {
          200: { description: 'The items.', content: { 'application/json': { schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Item' } } } } } } },
          401: ERROR,
        },
      },
      post: {
        operationId: `create_${name}`,
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ItemInput' }, example: { name: 'gear', size: 3 } } } },
        responses: {
          201: {
            description: 'Created.',
            headers: { Location: { required: true, schema: { type: 'string' } } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
          },
          400: ERROR,
          401: ERROR,
        },
      },
    };
    paths[`/${name}/items/{item_id}`] = {
      parameters: [{ name: 'item_id', in: 'path', required: true, schema: { type: 'string', maxLength: 40 }, example: 'it_example' }],
      get: {
        operationId: `get_${name}`,
        responses: { 200: { description: 'The item.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } }, 401: ERROR, 404: ERROR },
      },
      patch: {
        operationId: `update_${name}`,
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ItemPatch' }, example: { size: 5 } } } },
        responses: { 200: { description: 'Updated.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } }, 400: ERROR, 401: ERROR, 404: ERROR },
      },
      delete: { operationId: `delete_${name}`, responses: { 204: { description: 'Deleted.' }, 401: ERROR, 404: ERROR } },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Bench API', version: '1.0.0' },
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      responses: { Error: { description: 'An error.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } },
      schemas: {
        ItemInput: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: { name: { type: 'string', minLength: 1, maxLength: 40 }, size: { type: 'integer', minimum: 0, maximum: 100 } },
        },
        ItemPatch: {
          type: 'object',
          minProperties: 1,
          additionalProperties: false,
          properties: { name: { type: 'string', minLength: 1, maxLength: 40 }, size: { type: 'integer', minimum: 0, maximum: 100 } },
        },
        Item: {
          type: 'object',
          required: ['id', 'name', 'size'],
          additionalProperties: false,
          properties: {
            id: { type: 'string', readOnly: true },
            name: { type: 'string', minLength: 1, maxLength: 40 },
            size: { type: 'integer', minimum: 0, maximum: 100 },
          },
        },
        Error: {
          type: 'object',
          required: ['code', 'message', 'request_id'],
          additionalProperties: false,
          properties: { code: { type: 'string' }, message: { type: 'string' }, request_id: { type: 'string' } },
        },
      },
    },
  };
}

/** The server in a child process; resolves with its URL and a way to read and reset its request counters. */
function startServer() {
  const child = fork(join(ROOT, 'bench', 'contract-server.mjs'), [JSON.stringify(TOKENS)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = [];
  child.on('message', (message) => pending.shift()?.(message));
  const ask = (message) =>
    new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error('the bench server did not answer within 10 s')), 10_000);
      pending.push((reply) => {
        clearTimeout(timer);
        resolvePromise(reply);
      });
      child.send(message);
    });
  return ask({ type: 'listen' }).then(({ url }) => ({
    url,
    stats: () => ask({ type: 'stats' }),
    reset: () => ask({ type: 'reset' }),
    close: () =>
      new Promise((resolvePromise) => {
        child.once('exit', resolvePromise);
        child.kill('SIGTERM');
      }),
  }));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function rawRate(url, connections, duration) {
  const result = await autocannon({
    url: `${url}/c0/items`,
    connections,
    duration,
    headers: { authorization: `Bearer ${TOKENS.alice}`, accept: 'application/json' },
  });
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`autocannon saw ${result.errors} errors and ${result.non2xx} non-2xx answers`);
  return result.requests.total / (result.duration || duration);
}

/**
 * apigate's own planned requests (from a dry run), replayed by autocannon: the same request mix, without
 * case generation, checks or reporting. A flow's learnt ids stay placeholders, so those requests get 404s.
 */
async function plannedMix(runContract, specPath, url, identities) {
  const plan = await runContract({ spec: specPath, baseUrl: url, identities, seed: 1, dryRun: true });
  const tokenOf = Object.fromEntries(identities.map((identity) => [identity.name, identity.headers.Authorization]));
  return plan.planned.map(({ request, identity, scenario }) => {
    const headers = { ...request.headers };
    delete headers.authorization;
    if (scenario === 'valid' || scenario === 'other_identity') headers.authorization = tokenOf[identity];
    else if (scenario === 'invalid') headers.authorization = 'Bearer apigate-invalid-credential';
    const target = new URL(request.url);
    return { method: request.method, path: `${target.pathname}${target.search}`, headers, ...(request.body !== undefined ? { body: request.body } : {}) };
  });
}

async function rawMixRate(url, connections, duration, requests) {
  const result = await autocannon({ url, connections, duration, requests });
  if (result.errors > 0) throw new Error(`autocannon saw ${result.errors} errors replaying the planned requests`);
  return result.requests.total / (result.duration || duration);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  // The runner module itself, so the benchmark measures the contract code path and nothing else.
  const { runContract } = await import(join(ROOT, 'lib', 'contract', 'runner.js'));
  const folder = mkdtempSync(join(tmpdir(), 'apigate-bench-contract-'));
  const specPath = join(folder, 'openapi.json');
  writeFileSync(specPath, JSON.stringify(generateSpec(options.collections)));
  const server = await startServer();
  const identities = Object.entries(TOKENS).map(([name, token]) => ({ name, headers: { Authorization: `Bearer ${token}` }, query: {} }));
  /** One apigate run as a user makes it (spec file loaded, cases planned, sent, checked, cleaned up). */
  const measureRun = async (seed) => {
    await server.reset();
    const started = performance.now();
    const report = await runContract({ spec: specPath, baseUrl: server.url, identities, seed, concurrency: options.connections, maxDurationMs: 120_000 });
    const wallMs = performance.now() - started;
    const stats = await server.stats();
    if (report.summary.failed > 0) throw new Error(`the bench server is meant to be conformant, but ${report.summary.failed} cases failed: ${report.failures[0].check} ${report.failures[0].message}`);
    return {
      operations: report.summary.operations,
      cases: report.summary.cases,
      requests: stats.requests,
      wallMs,
      spanMs: stats.spanMs,
      sendingRate: stats.requests / (stats.spanMs / 1000),
      wholeRate: stats.requests / (wallMs / 1000),
    };
  };
  try {
    // Warm both sides (JIT, connection setup) before measuring; the first apigate run is also reported on its
    // own, cold, because a CLI run is always a first run.
    await autocannon({ url: `${server.url}/c0/items`, connections: options.connections, amount: 2000, headers: { authorization: `Bearer ${TOKENS.alice}` } });
    const cold = await measureRun(1);
    for (let run = 1; run < options.warmup; run++) await measureRun(run + 1);

    const mix = await plannedMix(runContract, specPath, server.url, identities);
    const rawMix = [];
    const raw = [];
    const sending = [];
    const whole = [];
    let last;
    for (let run = 0; run < options.runs; run++) {
      await server.reset();
      raw.push(await rawRate(server.url, options.connections, options.duration));
      await server.reset();
      rawMix.push(await rawMixRate(server.url, options.connections, options.duration, mix));
      last = await measureRun(run + 100);
      sending.push(last.sendingRate);
      whole.push(last.wholeRate);
    }
    const ceiling = median(raw);
    const rows = [
      ['raw (autocannon, GET one operation)', ceiling, 1],
      ["raw (autocannon, apigate's planned requests)", median(rawMix), median(rawMix) / ceiling],
      ['apigate contract, sending phase', median(sending), median(sending) / ceiling],
      ['apigate contract, whole run', median(whole), median(whole) / ceiling],
      ['apigate contract, sending phase, cold', cold.sendingRate, cold.sendingRate / ceiling],
      ['apigate contract, whole run, cold', cold.wholeRate, cold.wholeRate / ceiling],
    ];
    const width = Math.max(...rows.map(([label]) => label.length));
    console.log(
      `\n${options.collections * 5} operations, ${last.cases} cases, ${last.requests} requests per apigate run (cleanup included); ` +
        `${options.connections} connections; median of ${options.runs} runs after ${options.warmup} warm-up runs (cold = the first of those)`,
    );
    console.log(`${'measure'.padEnd(width)}  ${'req/s'.padStart(9)}  ${'of raw'.padStart(7)}`);
    for (const [label, rate, share] of rows) console.log(`${label.padEnd(width)}  ${rate.toFixed(0).padStart(9)}  ${`${(share * 100).toFixed(1)} %`.padStart(7)}`);
    console.log(`last apigate run: ${last.wallMs.toFixed(0)} ms whole run, ${last.spanMs.toFixed(0)} ms from its first request to its last; cold run: ${cold.wallMs.toFixed(0)} ms, ${cold.spanMs.toFixed(0)} ms`);
    const verdict = median(sending) / ceiling >= 0.5 ? 'meets' : 'misses';
    console.log(`goal (sending phase >= 50 % of raw): ${verdict}; against the same request mix: ${((median(sending) / median(rawMix)) * 100).toFixed(1)} %`);
    if (options.json) {
      writeFileSync(
        options.json,
        `${JSON.stringify({ options, raw, rawMix, sending, whole, cold, ceiling, sendingShare: median(sending) / ceiling, wholeShare: median(whole) / ceiling, last }, null, 2)}\n`,
      );
    }
  } finally {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`bench:contract: ${error.message}`);
  process.exitCode = 1;
});
