import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'apigate-bundle-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((entry) => statSync(join(dir, entry)).isFile())
    .map((entry) => entry.split('\\').join('/'))
    .sort();
}

describe('dist/ (the committed action bundle)', () => {
  it('is what scripts/build-action.mjs builds from the current sources (run npm run build:action)', async () => {
    await run(process.execPath, [join(REPO_ROOT, 'scripts', 'build-action.mjs'), '--outdir', scratch], { cwd: REPO_ROOT });
    const committed = join(REPO_ROOT, 'dist');
    const expected = listFiles(scratch);
    expect(listFiles(committed), 'dist/ has other files than a fresh build: run npm run build:action').toEqual(expected);
    const stale = expected.filter((file) => !readFileSync(join(scratch, file)).equals(readFileSync(join(committed, file))));
    expect(stale, `dist/ is out of date with src/ in ${stale.map((f) => relative(REPO_ROOT, join(committed, f))).join(', ')}: run npm run build:action`).toEqual([]);
  });

  it('carries what the bundle loads by path at run time', () => {
    const dist = join(REPO_ROOT, 'dist');
    expect(JSON.parse(readFileSync(join(dist, 'package.json'), 'utf8'))).toMatchObject({
      type: 'module',
      version: (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version,
    });
    expect(listFiles(join(dist, 'rulesets'))).toEqual(listFiles(join(REPO_ROOT, 'rulesets')));
    const functions = readdirSync(join(REPO_ROOT, 'src', 'rulesets', 'functions')).map((file) => file.replace(/\.ts$/, '.js')).sort();
    expect(readdirSync(join(dist, 'lib', 'rulesets', 'functions')).sort()).toEqual(functions);
  });
});
