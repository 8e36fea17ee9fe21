import { mkdtemp, rm, symlink, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, runCli, type CliResult } from '../helpers/cli.js';

// Every hostile input must end in bounded time: the timeout kills a hung run, which then fails the exit-code check.
const TIMEOUT_MS = 45_000;

function lint(args: string[], cwd?: string): Promise<CliResult> {
  return runCli(['lint', '--ruleset', 'spectral:oas', ...args], { cwd: cwd ?? fixture('hostile'), timeoutMs: TIMEOUT_MS });
}

/** Exit 2 and exactly one line on stderr, naming the file, without a stack trace. */
function expectOneLineError(result: CliResult, file: string, problem: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toMatch(problem);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  // Nothing from the document reaches the terminal raw.
  expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
}

describe('lint on bad and hostile input', { timeout: TIMEOUT_MS + 5_000 }, () => {
  it('a missing file', async () => {
    expectOneLineError(await lint(['no-such-spec.yaml']), 'no-such-spec.yaml', /no such file/);
  });

  it('an empty file', async () => {
    expectOneLineError(await lint(['empty.yaml']), 'empty.yaml', /the file is empty/);
  });

  it('invalid YAML, with line and column', async () => {
    expectOneLineError(await lint(['invalid-yaml.yaml']), 'invalid-yaml.yaml:8:3', /invalid YAML/);
  });

  it('invalid JSON, with line and column', async () => {
    expectOneLineError(await lint(['invalid-json.json']), 'invalid-json.json:6:1', /invalid JSON/);
  });

  it('a document that is not OpenAPI', async () => {
    expectOneLineError(await lint(['not-openapi.yaml']), 'not-openapi.yaml', /not an OpenAPI document/);
  });

  it('escape sequences from the document reach the terminal escaped', async () => {
    const result = await lint(['terminal-escape.yaml']);
    expectOneLineError(result, 'terminal-escape.yaml', /unsupported OpenAPI version "9\.9\\u001b\[2J/);
  });

  it('an unresolvable local $ref', async () => {
    expectOneLineError(await lint(['unresolvable-ref.yaml']), 'unresolvable-ref.yaml:9:13', /'#\/components\/schemas\/Missing' does not exist/);
  });

  it('a $ref to a missing file', async () => {
    expectOneLineError(await lint(['missing-file-ref.yaml']), 'missing-file-ref.yaml:9:13', /no-such-file\.yaml: no such file/);
  });

  it('a pure $ref cycle', async () => {
    expectOneLineError(
      await lint(['circular-ref.yaml']),
      'circular-ref.yaml',
      /circular \$ref that never reaches a value: #\/components\/schemas\/A -> #\/components\/schemas\/B -> #\/components\/schemas\/A/,
    );
  });

  it('a recursive schema is legal and lints with its findings', async () => {
    const result = await lint(['recursive-schema.yaml', '-f', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const codes = (JSON.parse(result.stdout) as { code: string }[]).map((f) => f.code).sort();
    expect(codes).toEqual(['info-contact', 'info-description', 'oas3-unused-component']);
  });

  it('deep nesting in JSON is refused before the parser can overflow', async () => {
    expectOneLineError(await lint(['deep-nesting.json']), 'deep-nesting.json', /nesting depth 5001 is over the limit of 500 \(raise it with --max-nesting-depth\)/);
  });

  it('deep nesting in block YAML is refused too', async () => {
    expectOneLineError(await lint(['deep-nesting.yaml']), 'deep-nesting.yaml', /nesting depth \d+ is over the limit of 500/);
  });

  it('raising the nesting limit past what the parser can take still ends in one line, not a crash', async () => {
    const result = await lint(['deep-nesting.json', '--max-nesting-depth', '100000']);
    expectOneLineError(result, 'deep-nesting.json', /nests too deeply|nesting/);
  });

  it('a YAML alias bomb', async () => {
    expectOneLineError(await lint(['alias-bomb.yaml']), 'alias-bomb.yaml', /expanding YAML aliases is over the limit of 5000000 \(raise it with --max-alias-expansion\)/);
  });

  it('a YAML alias bomb pulled in through a $ref', async () => {
    expectOneLineError(
      await lint(['bomb-by-ref.yaml']),
      'bomb-by-ref.yaml:9:13',
      /alias-bomb\.yaml: the number of nodes after expanding YAML aliases is over the limit of 5000000/,
    );
  });

  it('an acyclic $ref graph fanning out exponentially', async () => {
    expectOneLineError(await lint(['ref-fanout.yaml']), 'ref-fanout.yaml', /every \$ref inlined is over the limit of 25000000 \(raise it with --max-ref-expansion\)/);
  });

  it('a document over the size limit', async () => {
    expectOneLineError(
      await lint(['recursive-schema.yaml', '--max-document-size', '100']),
      'recursive-schema.yaml',
      /bytes is over the limit of 100 \(raise it with --max-document-size\)/,
    );
  });

  it('a __proto__ key is refused with its location instead of swapping a prototype', async () => {
    expectOneLineError(
      await lint(['proto-keys.yaml']),
      'proto-keys.yaml:10:5',
      /a mapping key named "__proto__" is not accepted \(it would replace the object's prototype instead of being data\)/,
    );
  });

  it('a hasOwnProperty key is refused instead of crashing $ref resolution', async () => {
    expectOneLineError(await lint(['has-own-property-key.yaml']), 'has-own-property-key.yaml:18:13', /a mapping key named "hasOwnProperty" is not accepted/);
  });

  it('constructor, prototype and other Object.prototype names are linted as data', async () => {
    const result = await lint(['constructor-keys.yaml', '-f', 'json']);
    expect(result.stderr).toBe('');
    const findings = JSON.parse(result.stdout) as { code: string; path: string[] }[];
    expect(findings.map((f) => `${f.code} ${f.path.join('.')}`).sort()).toEqual([
      'info-contact info',
      'info-description info',
      'oas3-unused-component components.schemas.constructor',
      'oas3-valid-schema-example components.schemas.constructor.properties.prototype.properties.valueOf.example',
    ]);
  });

  it('a catastrophic-backtracking pattern does not hang the example checks', async () => {
    const result = await lint(['redos-pattern.yaml', '-f', 'json']);
    expect(result.code).toBe(1);
    const findings = JSON.parse(result.stdout) as { code: string; message: string }[];
    expect(findings.find((f) => f.code === 'oas3-valid-schema-example')?.message).toBe('"example" property must match pattern "^(a+)+$"');
  });

  it('a pattern the linear-time engine cannot express gives a warning, not a crash', async () => {
    const result = await lint(['lookahead-pattern.yaml', '-f', 'json']);
    expect(result.code).toBe(0);
    const findings = JSON.parse(result.stdout) as { code: string; severity: number; message: string; path: string[] }[];
    const warning = findings.find((f) => f.code === 'apigate-pattern-not-checked');
    expect(warning).toMatchObject({ severity: 1, path: ['components', 'schemas', 'Password'] });
    expect(warning?.message).toContain('"^(?=.*[0-9]).{8,}$" was not checked');
  });

  it('remote $refs are not fetched by default: an invalid-ref finding says how to allow them', async () => {
    const result = await lint(['remote-ref.yaml', '-f', 'json']);
    expect(result.code).toBe(1);
    const findings = JSON.parse(result.stdout) as { code: string; message: string }[];
    expect(findings.find((f) => f.code === 'invalid-ref')?.message).toBe(
      'not fetching http://169.254.169.254/latest/meta-data/iam/security-credentials/: remote $refs are off (pass --allow-remote-refs to allow them)',
    );
  });

  it('even with --allow-remote-refs, the metadata address is never fetched', async () => {
    const result = await lint(['remote-ref.yaml', '--allow-remote-refs']);
    expectOneLineError(result, 'remote-ref.yaml:9:13', /refusing to fetch http:\/\/169\.254\.169\.254\/.*never fetched/);
  });

  it('a $ref leading out of the spec folder with ../ is refused', async () => {
    const result = await lint(['spec.yaml'], fixture('hostile', 'escape'));
    expectOneLineError(result, 'spec.yaml:9:13', /refusing to read .*secret\.yaml: it is outside the spec's folder \(pass --allow-external-refs/);
    expect(result.stderr).not.toContain('s3cr3t');
  });

  it('--allow-external-refs lets it through', async () => {
    const result = await lint(['spec.yaml', '--allow-external-refs', '-f', 'json'], fixture('hostile', 'escape'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('device and kernel files are never read, even with --allow-external-refs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'apigate-device-'));
    try {
      const up = '../'.repeat(20);
      for (const [name, target] of [['zero.yaml', 'dev/zero'], ['environ.yaml', 'proc/self/environ']] as const) {
        await writeFile(join(dir, name), `openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    X:\n      $ref: "${up}${target}"\n`);
        const result = await lint([name, '--allow-external-refs'], dir);
        expectOneLineError(result, name, /not a regular file/);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  describe('symlinks', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'apigate-symlink-'));
      await copyFile(fixture('hostile', 'secret.yaml'), join(dir, 'unused.yaml'));
      await symlink('/etc/hostname', join(dir, 'innocent.yaml'));
      await writeFile(join(dir, 'spec.yaml'), 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    X:\n      $ref: "./innocent.yaml"\n');
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it('a symlink inside the folder pointing outside is refused after resolving it', async () => {
      expectOneLineError(await lint(['spec.yaml'], dir), 'spec.yaml', /refusing to read .*innocent\.yaml: it is outside the spec's folder/);
    });
  });

  it('a repository ruleset cannot fetch from the network', async () => {
    const result = await runCli(['lint', '--ruleset', 'remote-ruleset.yaml', 'recursive-schema.yaml'], { cwd: fixture('hostile'), timeoutMs: TIMEOUT_MS });
    expectOneLineError(result, 'https://example.com/evil-ruleset.yaml', /rulesets are not fetched from the network/);
  });

  it('a repository ruleset cannot extend a file outside the project', async () => {
    const result = await runCli(['lint', '--ruleset', 'outside-ruleset.yaml', '../recursive-schema.yaml'], {
      cwd: fixture('hostile', 'escape'),
      timeoutMs: TIMEOUT_MS,
    });
    expectOneLineError(result, 'remote-ruleset.yaml', /outside the project folder \(pass --allow-external-refs/);
  });
});
