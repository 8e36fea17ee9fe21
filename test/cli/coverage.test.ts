import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';

const spec = fixture('coverage', 'petstore.yaml');
const full = fixture('coverage', 'contract-full.json');
const shards = [1, 2, 3].map((n) => fixture('coverage', `contract-shard-${n}-of-3.json`));

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'apigate-coverage-cli-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('apigate coverage', () => {
  it('prints the text report and exits 0 without thresholds', async () => {
    const result = await runCli(['coverage', '--spec', spec, full]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Documented responses covered        8/12   66.7%');
  });

  it('exits 1 naming each threshold missed and by how much; met thresholds stay quiet', async () => {
    const result = await runCli(['coverage', '--spec', spec, full, '--min-operations', '50', '--min-responses', '70', '--min-auth', '40%']);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'apigate coverage: documented responses covered 66.7% (8/12) is below --min-responses 70% by 3.3 points',
      'apigate coverage: auth scenarios covered 38.1% (8/21) is below --min-auth 40% by 1.9 points',
    ]);
  });

  it('exits 0 when every threshold is met exactly', async () => {
    const result = await runCli(['coverage', '--spec', spec, full, '--min-operations', '57.1', '--min-responses', '66.6', '--min-auth', '38']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('merges shard reports into the same JSON numbers as one unsharded report', async () => {
    const one = await runCli(['coverage', '--spec', spec, full, '--format', 'json']);
    const many = await runCli(['coverage', '--spec', spec, ...shards, '--format', 'json']);
    expect(many.code).toBe(0);
    const strip = (text: string): unknown => {
      const { inputs: _inputs, ...rest } = JSON.parse(text) as Record<string, unknown>;
      return rest;
    };
    expect(strip(many.stdout)).toEqual(strip(one.stdout));
    expect((JSON.parse(many.stdout) as { totals: unknown }).totals).toMatchObject({ exchanges: 13, operations: { covered: 4, total: 7 } });
  });

  it('writes html and markdown to --output files', async () => {
    const html = join(folder, 'nested', 'coverage.html');
    const result = await runCli(['coverage', '--spec', spec, full, '--har', fixture('coverage', 'session.har'), '--format', 'html', '--output', html]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(await readFile(html, 'utf8')).toMatch(/^<!doctype html>[\s\S]*<\/html>\n$/);
    const markdown = join(folder, 'coverage.md');
    expect((await runCli(['coverage', '--spec', spec, full, '-f', 'markdown', '-o', markdown])).code).toBe(0);
    expect(await readFile(markdown, 'utf8')).toContain('### API coverage: Pet Store 1.0.0');
  });

  it('writes several formats in one run: each --output takes the --format before it', async () => {
    const html = join(folder, 'multi.html');
    const markdown = join(folder, 'multi.md');
    const result = await runCli(['coverage', '--spec', spec, full, '-f', 'html', '-o', html, '-f', 'markdown', '-o', markdown, '-f', 'text']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Coverage of Pet Store 1\.0\.0 from 1 input, 13 exchanges\n/);
    expect(await readFile(html, 'utf8')).toContain('<h1>API coverage: Pet Store 1.0.0</h1>');
    expect(await readFile(markdown, 'utf8')).toContain('| Operations | 4/7 | 57.1% |');
  });

  it.each([
    [['coverage', '--spec', spec], /^apigate: no inputs: give contract reports or proxy recordings as arguments, or HAR files with --har\n$/],
    [['coverage', '--spec', spec, full, '--min-auth', '120'], /^apigate: --min-auth: "120" is not a percentage between 0 and 100\n$/],
    [['coverage', '--spec', spec, 'missing.json'], /^apigate: missing\.json: no such file\n$/],
    [['coverage', '--spec', spec, full, '--format', 'pdf'], /^apigate: unknown coverage format "pdf" \(choose from text, json, markdown, html\)\n$/],
    [['coverage', '--spec', spec, full, '-o', 'a.txt', '-o', 'b.txt'], /^apigate: --output b\.txt has no --format of its own/],
    [['coverage', full], /required option '-s, --spec <file>' not specified/],
    [['coverage', '--spec', 'nope.yaml', full], /^apigate: nope\.yaml: spec file not found\n$/],
    [['coverage', '--spec', spec, spec], /^apigate: .*petstore\.yaml: invalid JSON: .*\n$/],
  ])('exits 2 with one clear line on usage and input errors (%#)', async (args, message) => {
    const result = await runCli(args, { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});
