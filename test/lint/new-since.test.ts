import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintNewSince, parseNewSince } from '../../src/lint/new-since.js';
import { TempRepo } from '../action/repo.js';
import { fixture, runCli } from '../helpers/cli.js';

const ORDERS = readFileSync(fixture('baseline', 'orders.yaml'), 'utf8');
const SPLIT = ORDERS.replace(/              schema:\n[\s\S]*?(?=components:)/, "              schema:\n                $ref: './schemas/order.yaml'\n");
const ORDER_SCHEMA = 'type: object\nproperties:\n  id:\n    type: string\n    description: Order id.\n';

let repo: TempRepo;
beforeEach(() => {
  repo = new TempRepo();
});
afterEach(() => repo.remove());

const rules = (findings: Array<{ ruleId: string; message: string }>): string[] => findings.map((f) => `${f.ruleId}: ${f.message.slice(0, 40)}`);

describe('--new-since', () => {
  it('reports only findings that did not exist at the revision, across $refs resolved at that revision', async () => {
    repo.write('api/openapi.yaml', SPLIT);
    repo.write('api/schemas/order.yaml', ORDER_SCHEMA);
    repo.commit('first');
    // The pull request adds a camelCase property in the referenced file and moves every line of the entry file.
    repo.write('api/schemas/order.yaml', `${ORDER_SCHEMA}  createdAt:\n    type: string\n    description: When.\n`);
    repo.write('api/openapi.yaml', SPLIT.replace('openapi: 3.0.3\n', 'openapi: 3.0.3\n# moved\n\n\n'));

    const report = await lintNewSince('api/openapi.yaml', 'HEAD', { cwd: repo.dir });
    expect(rules(report.findings)).toEqual(['apigate-property-snake-case: Property "createdAt" is not snake_case: ']);
    expect(report.findings[0]!.file).toBe(join(repo.dir, 'api', 'schemas', 'order.yaml'));
    expect(report.existing).toBeGreaterThan(3);
    // The scratch copy is gone afterwards.
    expect(existsSync(join(repo.dir, '.apigate-tmp'))).toBe(false);
  });

  it('works from a subfolder of the repository', async () => {
    repo.write('api/openapi.yaml', ORDERS);
    repo.commit('first');
    repo.write('api/openapi.yaml', ORDERS.replace('                  orderItems:\n', '                  itemCount:\n                    type: integer\n                    description: How many.\n                  orderItems:\n'));
    const report = await lintNewSince('openapi.yaml', 'HEAD', { cwd: join(repo.dir, 'api') });
    expect(rules(report.findings)).toEqual(['apigate-property-snake-case: Property "itemCount" is not snake_case: ']);
    expect(report.existing).toBe(7);
  });

  it('treats a spec that did not exist at the revision as all new', async () => {
    repo.write('README.md', 'x');
    repo.commit('first');
    repo.write('openapi.yaml', ORDERS);
    const report = await lintNewSince('openapi.yaml', 'HEAD', { cwd: repo.dir });
    expect(report.findings.length).toBe(7);
    expect(report.existing).toBe(0);
  });

  it('rejects something that is not git:REF, and names an unknown revision', async () => {
    expect(() => parseNewSince('origin/main')).toThrow(/write git:REF/);
    expect(() => parseNewSince('git:--output=x')).toThrow(/not a git revision/);
    repo.write('openapi.yaml', ORDERS);
    repo.commit('first');
    await expect(lintNewSince('openapi.yaml', 'no-such-branch', { cwd: repo.dir })).rejects.toThrow(/git revision "no-such-branch" not found/);
  });

  it('works from the command line, exiting 1 only for new findings at the fail severity', async () => {
    repo.write('openapi.yaml', ORDERS);
    repo.commit('first');
    const unchanged = await runCli(['lint', 'openapi.yaml', '--new-since', 'git:HEAD', '--fail-severity', 'warn'], { cwd: repo.dir });
    expect(unchanged.stderr).toContain('7 findings already present at HEAD left out (--new-since)');
    expect(unchanged.code).toBe(0);
    repo.write('openapi.yaml', ORDERS.replace('                  orderItems:\n', '                  itemCount:\n                    type: integer\n                    description: How many.\n                  orderItems:\n'));
    const added = await runCli(['lint', 'openapi.yaml', '--new-since', 'git:HEAD', '--fail-severity', 'warn'], { cwd: repo.dir });
    expect(added.stdout).toContain('Property "itemCount" is not snake_case');
    expect(added.stdout).not.toContain('orderItems');
    expect(added.code).toBe(1);
    const bad = await runCli(['lint', 'openapi.yaml', '--new-since', 'HEAD'], { cwd: repo.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^apigate: --new-since: "HEAD" is not a git revision \(write git:REF/);
  });
});
