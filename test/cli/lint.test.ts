import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { fixture, runCli } from '../helpers/cli.js';

// These tests spawn the built binary: run `npx tsc -p .` first.
const cwd = fixture('cli');
const RULESET = ['--ruleset', 'ruleset.yaml'];
const scratch = mkdtempSync(join(tmpdir(), 'apigate-cli-lint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function freshDir(name: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const ERRORS_STYLISH = [
  'errors.yaml',
  '   2:6  warning      info-contact-required  The API names a contact for its consumers.',
  '   6:5  information  tag-description        Every tag is described.',
  '   9:9  error        operation-id-required  Every operation has an operationId that clients can generate method names from.',
  ' 14:10  hint         operation-summary      Every operation has a summary.',
  '',
  '✖ 4 problems (1 error, 1 warning, 1 information, 1 hint)',
  '',
].join('\n');

describe('apigate lint (built CLI)', () => {
  it('prints help listing every output format', async () => {
    const result = await runCli(['lint', '--help'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: apigate lint [options] <specs...>');
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('stylish, json, sarif, junit, github, markdown');
  });

  it('exits 0 on a clean spec', async () => {
    const result = await runCli(['lint', 'clean.yaml', ...RULESET], { cwd });
    expect(result).toEqual({ code: 0, stdout: 'No findings. 1 file checked.\n', stderr: '' });
  });

  it('exits 1 when a finding is an error, printing stylish to standard output', async () => {
    const result = await runCli(['lint', 'errors.yaml', ...RULESET], { cwd });
    expect(result).toEqual({ code: 1, stdout: ERRORS_STYLISH, stderr: '' });
  });

  describe('--fail-severity', () => {
    const cases: Array<[spec: string, flags: string[], code: number]> = [
      ['warnings.yaml', [], 0],
      ['warnings.yaml', ['--fail-severity', 'warn'], 1],
      ['info.yaml', ['--fail-severity', 'warn'], 0],
      ['info.yaml', ['--fail-severity', 'info'], 1],
      ['hint.yaml', ['--fail-severity', 'info'], 0],
      ['hint.yaml', ['--fail-severity', 'hint'], 1],
    ];
    it.each(cases)('%s %j exits %i', async (spec, flags, code) => {
      const result = await runCli(['lint', spec, ...RULESET, ...flags], { cwd });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(code);
    });
  });

  describe('usage errors exit 2 with one line naming the problem and write nothing', () => {
    const cases: Array<[name: string, args: string[], stderr: string | RegExp]> = [
      ['unknown format', ['-f', 'xml'], 'apigate: unknown format "xml" (choose from stylish, json, sarif, junit, github, markdown, gitlab)\n'],
      ['unknown option', ['--colour'], /^error: unknown option '--colour'/],
      ['two outputs for one format', ['-f', 'sarif', '-o', 'OUT/a.sarif', '-o', 'OUT/b.sarif'], 'apigate: --output OUT/b.sarif has no --format of its own (give each --output after its --format)\n'],
      ['one file for two formats', ['-f', 'json', '-o', 'OUT/r', '-f', 'sarif', '-o', 'OUT/r'], 'apigate: --output OUT/r is given twice\n'],
      ['invalid --fail-severity', ['--fail-severity', 'fatal'], /^error: option '--fail-severity <level>' argument 'fatal' is invalid/],
    ];
    it.each(cases)('%s', async (name, args, stderr) => {
      const out = freshDir(name.replace(/\W+/g, '-'));
      const result = await runCli(['lint', 'errors.yaml', ...RULESET, ...args.map((arg) => arg.replace('OUT', out))], { cwd });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      if (typeof stderr === 'string') expect(result.stderr).toBe(stderr.replaceAll('OUT', out));
      else expect(result.stderr).toMatch(stderr);
      expect(readdirSync(out)).toEqual([]);
    });

    it('a missing spec file', async () => {
      const result = await runCli(['lint', 'missing.yaml', ...RULESET], { cwd });
      expect(result).toEqual({ code: 2, stdout: '', stderr: 'apigate: missing.yaml: no such file\n' });
    });
  });

  it('writes several formats in one run: stylish to stdout, SARIF and JUnit to files, with no temp files left', async () => {
    const out = freshDir('several');
    const result = await runCli(
      ['lint', 'errors.yaml', ...RULESET, '-f', 'stylish', '-f', 'sarif', '-o', join(out, 'x.sarif'), '-f', 'junit', '-o', join(out, 'reports', 'x.xml')],
      { cwd },
    );
    expect(result).toEqual({ code: 1, stdout: ERRORS_STYLISH, stderr: '' });
    expect(readdirSync(out).sort()).toEqual(['reports', 'x.sarif']);
    expect(readdirSync(join(out, 'reports'))).toEqual(['x.xml']);

    const log = JSON.parse(readFileSync(join(out, 'x.sarif'), 'utf8')) as {
      version: string;
      runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: unknown } }> }> }>;
    };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results.map((r) => r.ruleId)).toEqual(['info-contact-required', 'tag-description', 'operation-id-required', 'operation-summary']);
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'errors.yaml', uriBaseId: '%SRCROOT%' });

    const xml = readFileSync(join(out, 'reports', 'x.xml'), 'utf8');
    expect(xml).toContain('<testsuite name="errors.yaml" tests="4" failures="4"');
    expect(xml).toContain('<testcase classname="errors.yaml" name="operation-id-required #/paths/~1pets/get (line 9)" time="0">');
  });

  it('fails with exit 2 and leaves no temp file when an output path cannot be written', async () => {
    const out = freshDir('unwritable');
    mkdirSync(join(out, 'taken.sarif'));
    const result = await runCli(['lint', 'errors.yaml', ...RULESET, '-f', 'sarif', '-o', join(out, 'taken.sarif')], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^apigate: cannot write .*taken\.sarif: E\w+\n$/);
    expect(readdirSync(out)).toEqual(['taken.sarif']);
    expect(readdirSync(join(out, 'taken.sarif'))).toEqual([]);
  });

  it('prints GitHub annotations and a markdown table that hostile spec text cannot break out of', async () => {
    const out = freshDir('hostile');
    const result = await runCli(
      ['lint', 'report/hostile.yaml', '--ruleset', 'report/hostile-ruleset.yaml', '-f', 'github', '-f', 'markdown', '-o', join(out, 'summary.md')],
      { cwd: fixture() },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=report\/hostile\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=plain-[a-z-]+::[^\u0000-\u001f]*$/);
    const summary = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(summary).toContain('**3 problems** (2 errors, 1 warning) in 1 of 1 checked file.');
    expect(summary).not.toMatch(/<script|<img|\u001b/);
  });

  it('never colours output that is not a terminal, even when FORCE_COLOR is set', async () => {
    const result = await runCli(['lint', 'errors.yaml', ...RULESET], { cwd, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(ERRORS_STYLISH);
  });
});

describe('lint() library API', () => {
  it('returns 1-based ranges and the file of a node that lives in a $ref-ed second file', async () => {
    const report = await lint(fixture('cli', 'with-ref', 'openapi.yaml'), { ruleset: fixture('cli', 'ruleset.yaml'), cwd });
    expect(report.files).toEqual([fixture('cli', 'with-ref', 'openapi.yaml')]);
    expect(report.findings).toEqual([
      {
        ruleId: 'operation-id-required',
        message: 'Every operation has an operationId that clients can generate method names from.',
        severity: 'error',
        file: fixture('cli', 'with-ref', 'pets-path.yaml'),
        // `get:` is on the second line of pets-path.yaml (after a comment); the mapping value starts after `get:`.
        range: { start: { line: 2, column: 5 }, end: { line: 6, column: 29 } },
        path: ['get'],
        source: 'lint',
      },
    ]);
    expect(report.rules.map((rule) => rule.id).sort()).toEqual(['info-contact-required', 'operation-id-required', 'operation-summary', 'tag-description']);
    expect(report.rules.find((rule) => rule.id === 'operation-id-required')?.documentationUrl).toBe('https://example.com/rules/operation-id-required');
  });
});
