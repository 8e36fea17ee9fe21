#!/usr/bin/env node
// Diff benchmark: `apigate diff` of a large corpus spec against a copy of itself with one breaking change,
// next to `apigate lint` of the same spec. Whole-process wall time (what a user waits for), median of N runs,
// printed side by side; the diff run must report exactly the one planted change.
//
//   npm run bench:diff -- [--spec FILE] [--runs N] [--json FILE]
//
// The spec defaults to stripe-spec3.yaml from ../shared/corpus next to the repository (or APIGATE_CORPUS).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFlags } from './args.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const APIGATE_BIN = join(ROOT, 'bin', 'apigate.js');

function parseArgs(argv) {
  const corpus = process.env.APIGATE_CORPUS ?? resolve(ROOT, '..', 'shared', 'corpus');
  const options = readFlags(argv, { spec: join(corpus, 'stripe-spec3.yaml'), runs: 3, json: undefined });
  options.spec = resolve(options.spec);
  if (options.json) options.json = resolve(options.json);
  return options;
}

/**
 * HEAD = BASE with one planted breaking change: the first `maxLength` of a query parameter's schema under
 * `paths` is lowered. A text edit keeps every other byte (and so every position) identical.
 */
function plantChange(text) {
  const paths = text.search(/^paths:/m);
  const json = text.trimStart().startsWith('{');
  const query = json ? text.indexOf('"in": "query"', text.indexOf('"paths"')) : text.indexOf('in: query', paths);
  const pattern = json ? /"maxLength": (\d+)/g : /maxLength: (\d+)/g;
  pattern.lastIndex = query;
  const match = pattern.exec(text);
  if (query < 0 || !match) throw new Error('no query parameter with maxLength found to change');
  const lowered = match[0].replace(match[1], String(Math.max(1, Math.floor(Number(match[1]) / 2))));
  return text.slice(0, match.index) + lowered + text.slice(match.index + match[0].length);
}

function run(args, cwd) {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [APIGATE_BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'apigate-bench-diff-'));
  try {
    const head = join(dir, `head-${basename(options.spec)}`);
    writeFileSync(head, plantChange(readFileSync(options.spec, 'utf8')));
    const diffTimes = [];
    const lintTimes = [];
    let changes;
    for (let i = 0; i < options.runs; i++) {
      const diffRun = await run(['diff', options.spec, head, '-f', 'json', '--fail-on', 'none'], dir);
      if (diffRun.code !== 0) throw new Error(`apigate diff exited ${diffRun.code}: ${diffRun.stderr}`);
      changes = JSON.parse(diffRun.stdout).changes;
      diffTimes.push(diffRun.ms);
      const lintRun = await run(['lint', options.spec, '-f', 'json', '--fail-severity', 'hint', '--max-document-size', '50MiB'], dir);
      if (lintRun.code !== 0 && lintRun.code !== 1) throw new Error(`apigate lint exited ${lintRun.code}: ${lintRun.stderr}`);
      lintTimes.push(lintRun.ms);
    }
    const result = {
      spec: basename(options.spec),
      runs: options.runs,
      diffMs: Math.round(median(diffTimes)),
      lintMs: Math.round(median(lintTimes)),
      changes: changes.map((change) => `${change.level} ${change.id}: ${change.message}`),
    };
    const ratio = result.diffMs / result.lintMs;
    console.log(`spec                ${result.spec} (${options.runs} runs, median wall time)`);
    console.log(`apigate diff        ${result.diffMs} ms   (vs itself with one change)`);
    console.log(`apigate lint        ${result.lintMs} ms`);
    console.log(`diff / lint         ${ratio.toFixed(2)}`);
    console.log(`changes found       ${result.changes.length}${result.changes.length ? `: ${result.changes.join('; ')}` : ''}`);
    if (options.json) writeFileSync(options.json, `${JSON.stringify({ ...result, ratio }, null, 2)}\n`);
    if (result.changes.length !== 1) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`bench:diff: ${error.message}`);
  process.exitCode = 2;
});
