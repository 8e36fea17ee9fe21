import { readFileSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';

interface Reduced {
  code: string;
  path: string[];
  severity: number;
  range: unknown;
  source: string;
}

const DIR = fixture('equivalence');
const SPECS = readdirSync(DIR).filter((name) => /\.(ya?ml|json)$/.test(name) && !name.endsWith('.spectral.json'));

function reduce(results: { code: string; path: (string | number)[]; severity: number; range: unknown; source?: string }[]): string[] {
  return results
    .map((r): Reduced => ({ code: r.code, path: r.path.map(String), severity: r.severity, range: r.range, source: basename(r.source ?? '') }))
    .map((r) => JSON.stringify(r))
    .sort();
}

describe('findings identical to the Spectral CLI with spectral:oas', { timeout: 60_000 }, () => {
  it('has specs to compare', () => {
    expect(SPECS.length).toBeGreaterThanOrEqual(6);
  });

  for (const spec of SPECS) {
    it(spec, async () => {
      const golden = JSON.parse(readFileSync(`${DIR}/${spec.replace(/\.(ya?ml|json)$/, '')}.spectral.json`, 'utf8')) as Reduced[];
      const result = await runCli(['lint', '--ruleset', 'spectral:oas', '-f', 'json', spec], { cwd: DIR, timeoutMs: 55_000 });
      expect(result.stderr).toBe('');
      expect(reduce(JSON.parse(result.stdout))).toEqual(reduce(golden));
    });
  }
});
