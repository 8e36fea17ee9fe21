#!/usr/bin/env node
// Side-by-side lint benchmark: apigate vs the Spectral CLI with the same ruleset (spectral:oas) over every
// spec of the corpus. Per spec: median wall time of each (whole process, as a user waits for it), the ratio,
// peak RSS of each, and whether both report the same findings.
//
//   npm run bench:lint -- [--corpus DIR] [--runs N] [--big-runs N] [--only SUBSTRING] [--json FILE]
//
// The corpus is read from ../shared/corpus next to the repository unless --corpus or APIGATE_CORPUS says
// otherwise; entry points come from its MANIFEST.md table.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFlags } from './args.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const APIGATE_BIN = join(ROOT, 'bin', 'apigate.js');
const SPECTRAL_BIN = join(ROOT, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js');
const BIG_SPEC_BYTES = 1024 * 1024;
const TIME_BIN = '/usr/bin/time';

function parseArgs(argv) {
  const corpus = process.env.APIGATE_CORPUS ?? resolve(ROOT, '..', 'shared', 'corpus');
  const options = readFlags(argv, { corpus, runs: 5, bigRuns: 3, only: undefined, json: undefined });
  options.corpus = resolve(options.corpus);
  if (options.json) options.json = resolve(options.json);
  return options;
}

/** Entry points listed in the corpus manifest (first column of its table), biggest first as listed. */
function corpusSpecs(corpus) {
  const manifest = readFileSync(join(corpus, 'MANIFEST.md'), 'utf8');
  const specs = [];
  for (const line of manifest.split('\n')) {
    const match = /^\|\s*([^|\s][^|]*?)\s*\|\s*[^|]+:/.exec(line);
    if (!match || match[1] === 'file') continue;
    const path = join(corpus, match[1]);
    if (existsSync(path)) specs.push({ name: match[1], path, bytes: statSync(path).size });
  }
  return specs;
}

/** Runs one process under /usr/bin/time (when present) and returns wall time, peak RSS and stdout. */
function measure(command, args, cwd) {
  const timed = existsSync(TIME_BIN);
  const [bin, argv] = timed ? [TIME_BIN, ['-f', '__PEAK_RSS_KB=%M', command, ...args]] : [command, args];
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(bin, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const out = [];
    let err = '';
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const peak = /__PEAK_RSS_KB=(\d+)/.exec(err);
      resolvePromise({
        code,
        seconds,
        peakMiB: peak ? Number(peak[1]) / 1024 : undefined,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: err.replace(/__PEAK_RSS_KB=\d+\s*/, ''),
      });
    });
  });
}

/**
 * apigate's own warning for a schema pattern the linear-time regex engine cannot express (Spectral runs it on the
 * backtracking engine instead); counted separately so that the equivalence column compares Spectral's rules.
 */
const APIGATE_ONLY_RULES = new Set(['apigate-pattern-not-checked']);

/** A finding's identity for the equivalence check: code, path, range, severity and source file. */
function findingKeys(stdout) {
  const start = stdout.indexOf('[');
  if (start < 0) return undefined;
  let results;
  try {
    results = JSON.parse(stdout.slice(start));
  } catch {
    return undefined;
  }
  const own = results.filter((r) => APIGATE_ONLY_RULES.has(r.code)).length;
  const keys = new Set(
    results.filter((r) => !APIGATE_ONLY_RULES.has(r.code)).map((r) =>
      JSON.stringify([
        r.code,
        r.path.map(String),
        r.range.start.line,
        r.range.start.character,
        r.range.end.line,
        r.range.end.character,
        r.severity,
        r.source ? resolve(r.source) : '',
      ]),
    ),
  );
  keys.own = own;
  return keys;
}

function compareSets(a, b) {
  if (!a || !b) return { same: false, onlyA: NaN, onlyB: NaN };
  let onlyA = 0;
  let onlyB = 0;
  for (const key of a) if (!b.has(key)) onlyA++;
  for (const key of b) if (!a.has(key)) onlyB++;
  return { same: onlyA === 0 && onlyB === 0, onlyA, onlyB };
}

const median = (values) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const pad = (text, width, right = false) => (right ? String(text).padStart(width) : String(text).padEnd(width));

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(join(options.corpus, 'MANIFEST.md'))) throw new Error(`no corpus at ${options.corpus} (pass --corpus DIR)`);
  if (!['lib', 'dist'].some((dir) => existsSync(join(ROOT, dir, 'cli', 'main.js')))) throw new Error('apigate is not built: run npm run build first');
  if (!existsSync(SPECTRAL_BIN)) throw new Error('@stoplight/spectral-cli is not installed (npm ci)');

  const work = mkdtempSync(join(tmpdir(), 'apigate-bench-'));
  const rulesetFile = join(work, '.spectral.yaml');
  writeFileSync(rulesetFile, 'extends: ["spectral:oas"]\n');
  let specs = corpusSpecs(options.corpus);
  if (options.only) specs = specs.filter((spec) => spec.name.includes(options.only));

  const header = [
    pad('spec', 44),
    pad('KiB', 6, true),
    pad('apigate s', 10, true),
    pad('spectral s', 11, true),
    pad('ratio', 7, true),
    pad('apigate MiB', 12, true),
    pad('spectral MiB', 13, true),
    pad('findings', 9, true),
    '  identical',
  ].join(' ');
  console.log(`runs: ${options.runs} (specs over 1 MiB: ${options.bigRuns}); ruleset spectral:oas; ratio = spectral / apigate\n`);
  console.log(header);
  console.log('-'.repeat(header.length));

  const rows = [];
  try {
    for (const spec of specs) {
      const runs = spec.bytes > BIG_SPEC_BYTES ? options.bigRuns : options.runs;
      const apigateRuns = [];
      const spectralRuns = [];
      // Both run from the corpus root, as in a repository checkout: multi-file specs reach sibling folders.
      // Interleaved so that load from elsewhere on the machine hits both tools alike.
      for (let i = 0; i < runs; i++) {
        apigateRuns.push(
          await measure(process.execPath, [APIGATE_BIN, 'lint', '--ruleset', 'spectral:oas', '-f', 'json', '--fail-severity', 'hint', spec.path], options.corpus),
        );
        spectralRuns.push(
          await measure(process.execPath, [SPECTRAL_BIN, 'lint', '-r', rulesetFile, '-f', 'json', '--ignore-unknown-format', '-q', spec.path], options.corpus),
        );
      }
      const apigateKeys = findingKeys(apigateRuns[0].stdout);
      const spectralKeys = findingKeys(spectralRuns[0].stdout);
      const comparison = compareSets(apigateKeys, spectralKeys);
      const row = {
        spec: spec.name,
        bytes: spec.bytes,
        runs,
        apigateSeconds: median(apigateRuns.map((r) => r.seconds)),
        spectralSeconds: median(spectralRuns.map((r) => r.seconds)),
        apigatePeakMiB: Math.max(...apigateRuns.map((r) => r.peakMiB ?? NaN)),
        spectralPeakMiB: Math.max(...spectralRuns.map((r) => r.peakMiB ?? NaN)),
        apigateFindings: apigateKeys?.size,
        spectralFindings: spectralKeys?.size,
        identical: comparison.same,
        onlyApigate: comparison.onlyA,
        onlySpectral: comparison.onlyB,
        apigateExit: apigateRuns[0].code,
        apigateError: apigateKeys ? undefined : apigateRuns[0].stderr.trim().split('\n')[0],
        spectralError: spectralKeys ? undefined : spectralRuns[0].stderr.trim().split('\n')[0],
      };
      row.ratio = row.spectralSeconds / row.apigateSeconds;
      rows.push(row);
      row.patternWarnings = apigateKeys?.own ?? 0;
      const verdict = row.identical
        ? `yes${row.patternWarnings ? ` (+${row.patternWarnings} apigate-pattern-not-checked)` : ''}`
        : `NO (+${row.onlyApigate} apigate / +${row.onlySpectral} spectral)${row.apigateError ? ` apigate: ${row.apigateError}` : ''}${row.spectralError ? ` spectral: ${row.spectralError}` : ''}`;
      console.log(
        [
          pad(spec.name.length > 44 ? `…${spec.name.slice(-43)}` : spec.name, 44),
          pad(Math.round(spec.bytes / 1024), 6, true),
          pad(row.apigateSeconds.toFixed(2), 10, true),
          pad(row.spectralSeconds.toFixed(2), 11, true),
          pad(`${row.ratio.toFixed(1)}x`, 7, true),
          pad(row.apigatePeakMiB.toFixed(0), 12, true),
          pad(row.spectralPeakMiB.toFixed(0), 13, true),
          pad(row.apigateFindings ?? '-', 9, true),
          ` ${verdict}`,
        ].join(' '),
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const total = (key) => rows.reduce((sum, row) => sum + row[key], 0);
  console.log('-'.repeat(header.length));
  console.log(
    `total: apigate ${total('apigateSeconds').toFixed(1)} s, spectral ${total('spectralSeconds').toFixed(1)} s ` +
      `(${(total('spectralSeconds') / total('apigateSeconds')).toFixed(1)}x); identical findings on ${rows.filter((r) => r.identical).length}/${rows.length} specs; ` +
      `slowest ratio ${Math.min(...rows.map((r) => r.ratio)).toFixed(2)}x; peak apigate ${Math.max(...rows.map((r) => r.apigatePeakMiB)).toFixed(0)} MiB`,
  );
  if (options.json) writeFileSync(options.json, `${JSON.stringify(rows, null, 2)}\n`);
}

main().catch((error) => {
  console.error(`bench:lint: ${error.message}`);
  process.exitCode = 2;
});
