import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';

const pair = (check: string): [string, string] => [fixture('diff', check, 'base.yaml'), fixture('diff', check, 'head.yaml')];

describe('apigate diff (CLI)', () => {
  it('exits 1 on a breaking change and prints the message with its HEAD line', async () => {
    const [base, head] = pair('response-required-property-removed');
    const result = await runCli(['diff', base, head], { cwd: fixture('diff') });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('breaking  response-required-property-removed  response property `member_count` of GET /v1/teams 200 was removed');
    expect(result.stdout).toContain('response-required-property-removed/head.yaml:14:');
    expect(result.stdout).toContain('✖ 1 change at or above --fail-on breaking');
    expect(result.stderr).toBe('');
  });

  it('exits 0 for identical documents and for --fail-on none', async () => {
    const [base, head] = pair('response-required-property-removed');
    expect((await runCli(['diff', base, base], { cwd: fixture('diff') })).code).toBe(0);
    expect((await runCli(['diff', base, head, '--fail-on', 'none'], { cwd: fixture('diff') })).code).toBe(0);
  });

  it('fails on warnings only when asked to', async () => {
    const [base, head] = pair('response-enum-value-added');
    expect((await runCli(['diff', base, head], { cwd: fixture('diff') })).code).toBe(0);
    expect((await runCli(['diff', base, head, '--fail-on', 'warn'], { cwd: fixture('diff') })).code).toBe(1);
  });

  it('writes json, markdown and sarif, each to its own file', async () => {
    const [base, head] = pair('request-enum-value-removed');
    const out = mkdtempSync(join(tmpdir(), 'apigate-diff-out-'));
    const result = await runCli(
      ['diff', base, head, '-f', 'json', '-o', join(out, 'changes.json'), '-f', 'markdown', '-o', join(out, 'CHANGES.md'), '-f', 'sarif', '-o', join(out, 'diff.sarif')],
      { cwd: fixture('diff') },
    );
    expect(result.code).toBe(1);
    const json = JSON.parse(readFileSync(join(out, 'changes.json'), 'utf8'));
    expect(json.changes[0]).toMatchObject({
      id: 'request-enum-value-removed',
      level: 'breaking',
      message: 'request property `visibility` of POST /v1/teams no longer accepts `secret`',
      location: 'POST /v1/teams request body application/json property visibility',
      operation: { method: 'POST', path: '/v1/teams' },
      file: head,
      range: { start: { line: 13 } },
    });
    expect(json.failing).toBe(1);
    const markdown = readFileSync(join(out, 'CHANGES.md'), 'utf8');
    expect(markdown).toContain('## Teams API: changes from 1.0.0 to 1.0.0');
    expect(markdown).toContain('### Breaking changes\n\n- Request property `visibility` of POST /v1/teams no longer accepts `secret` (`request-enum-value-removed`)');
    const sarif = JSON.parse(readFileSync(join(out, 'diff.sarif'), 'utf8'));
    expect(sarif.runs[0].results[0].ruleId).toBe('request-enum-value-removed');
    expect(sarif.runs[0].results[0].level).toBe('error');
  });

  it('prints GitHub workflow annotations with -f github', async () => {
    const [base, head] = pair('request-enum-value-removed');
    const result = await runCli(['diff', base, head, '-f', 'github'], { cwd: fixture('diff') });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=request-enum-value-removed\/head\.yaml,line=13.*::request property `visibility` of POST \/v1\/teams no longer accepts `secret`$/m);
  });

  it('reads BASE from git with git:REF:path, including its multi-file $refs at that revision', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'apigate-diff-git-'));
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: repo } });
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'ci@example.com');
    git('config', 'user.name', 'CI');
    mkdirSync(join(repo, 'api', 'schemas'), { recursive: true });
    copyFileSync(fixture('diff', 'cases/multi-file/base/openapi.yaml'), join(repo, 'api', 'openapi.yaml'));
    copyFileSync(fixture('diff', 'cases/multi-file/base/schemas/team.yaml'), join(repo, 'api', 'schemas', 'team.yaml'));
    git('add', '.');
    git('commit', '-q', '-m', 'v1');
    // The working tree moves on: member_count is removed from the referenced file.
    writeFileSync(join(repo, 'api', 'schemas', 'team.yaml'), 'Team:\n  type: object\n  required: [id]\n  properties:\n    id: {type: string}\n');
    const result = await runCli(['diff', 'git:main:api/openapi.yaml', 'api/openapi.yaml', '-f', 'json'], { cwd: repo });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.base.file).toBe('git:main:api/openapi.yaml');
    expect(report.changes.map((change: { message: string }) => change.message)).toEqual(['response property `[].member_count` of GET /teams 200 was removed']);
    expect(report.changes[0].file).toBe(join(repo, 'api', 'schemas', 'team.yaml'));

    const missing = await runCli(['diff', 'git:no-such-ref:api/openapi.yaml', 'api/openapi.yaml'], { cwd: repo });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^apigate: git:no-such-ref:api\/openapi\.yaml: .+\n$/);
  });

  it.each([
    [['diff', 'missing.yaml', 'also-missing.yaml'], /^apigate: missing\.yaml: no such file\n$/],
    [['diff', 'cases/equivalent/base.yaml', 'response-header-removed/expected.json'], /^apigate: response-header-removed\/expected\.json: not an OpenAPI document \(the top level is not a mapping\)\n$/],
    [['diff', 'git:main', 'cases/equivalent/base.yaml'], /^apigate: git:main: expected git:REF:path/],
    [['diff', 'cases/equivalent/base.yaml', 'cases/equivalent/base.yaml', '--fail-on', 'error'], /argument 'error' is invalid/],
  ])('exits 2 with one line for bad input: %j', async (args, message) => {
    const result = await runCli(args, { cwd: fixture('diff') });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('reports a broken YAML file with its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apigate-diff-bad-'));
    writeFileSync(join(dir, 'bad.yaml'), 'openapi: 3.0.3\ninfo: {title: x\npaths: {}\n');
    const result = await runCli(['diff', 'bad.yaml', 'bad.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^apigate: bad\.yaml:\d+:\d+: invalid YAML: /);
  });
});
