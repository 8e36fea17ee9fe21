import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';

const ORDERS = readFileSync(fixture('baseline', 'orders.yaml'), 'utf8');

let dir: string;
beforeEach(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'apigate-baseline-cli-')));
  writeFileSync(join(dir, 'openapi.yaml'), ORDERS);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('apigate lint --write-baseline / --baseline', () => {
  it('records the findings, then fails only on new ones and says how many were left out', async () => {
    const write = await runCli(['lint', 'openapi.yaml', '--write-baseline', '.apigate-baseline.json', '--fail-severity', 'warn'], { cwd: dir });
    expect(write.code).toBe(0);
    expect(write.stderr).toBe('apigate: recorded 7 findings in .apigate-baseline.json\n');
    const written = JSON.parse(readFileSync(join(dir, '.apigate-baseline.json'), 'utf8')) as { version: number; entries: Array<{ ruleId: string; path: string }> };
    expect(written.version).toBe(1);
    expect(written.entries).toHaveLength(7);

    const clean = await runCli(['lint', 'openapi.yaml', '--baseline', '.apigate-baseline.json', '--fail-severity', 'warn'], { cwd: dir });
    expect(clean.code).toBe(0);
    expect(clean.stderr).toBe('apigate: 7 findings left out by .apigate-baseline.json\n');

    writeFileSync(join(dir, 'openapi.yaml'), ORDERS.replace('                  orderItems:\n', '                  itemCount:\n                    type: integer\n                    description: How many.\n                  orderItems:\n'));
    const dirty = await runCli(['lint', 'openapi.yaml', '--baseline', '.apigate-baseline.json', '--fail-severity', 'warn', '-f', 'gitlab'], { cwd: dir });
    expect(dirty.code).toBe(1);
    const issues = JSON.parse(dirty.stdout) as Array<{ check_name: string; description: string }>;
    expect(issues.map((i) => i.description)).toEqual(['Property "itemCount" is not snake_case: rename it to "item_count".']);
  });

  it('exits 2 with one line when the baseline file is missing', async () => {
    const result = await runCli(['lint', 'openapi.yaml', '--baseline', 'nope.json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('apigate: nope.json: baseline file not found (create it with --write-baseline nope.json)\n');
  });
});
