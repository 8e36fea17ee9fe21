import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';

describe('lint --timing', { timeout: 60_000 }, () => {
  it('prints per-rule time and call counts on standard error, leaving the report on standard output intact', async () => {
    const args = ['lint', '--ruleset', 'spectral:oas', '-f', 'json', 'shared-examples.yaml'];
    const [timed, plain] = await Promise.all([
      runCli([...args, '--timing'], { cwd: fixture('equivalence'), timeoutMs: 55_000 }),
      runCli(args, { cwd: fixture('equivalence'), timeoutMs: 55_000 }),
    ]);
    expect(timed.code).toBe(1);
    expect(timed.stdout).toBe(plain.stdout);
    const lines = timed.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Rule\s+Time \(ms\)\s+Relative\s+Calls$/);
    expect(lines.at(-1)).toMatch(/^total\s+\d+\.\d$/);
    const rows = new Map(
      lines.slice(1, -1).map((line) => {
        const [rule, ms, share, calls] = line.trim().split(/\s+/);
        return [rule, { ms: Number(ms), share, calls: Number(calls) }];
      }),
    );
    // The media rule runs on the $ref-inlined graph: three media objects with examples, reached at six places
    // (two components, each also inlined where operations use them, and one written inline).
    expect(rows.get('oas3-valid-media-example')?.calls).toBe(6);
    expect(rows.get('oas3-schema')?.calls).toBe(1);
    for (const row of rows.values()) expect(row.share).toMatch(/^\d+\.\d%$/);
  });
});
