import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBaseline, matchBaseline, readBaseline, serializeBaseline, writeBaseline } from '../../src/baseline/index.js';
import { lint } from '../../src/lint/lint.js';
import type { Finding } from '../../src/types.js';
import { fixture } from '../helpers/cli.js';

const ORDERS = readFileSync(fixture('baseline', 'orders.yaml'), 'utf8');

/** A new path with its own camelCase property, inserted above /orders so every /orders line moves down. */
const CUSTOMERS = `  /customers:
    get:
      operationId: list_customers
      summary: List customers
      description: Lists the customers.
      tags: [orders]
      responses:
        '200':
          description: The customers.
          content:
            application/json:
              schema:
                type: object
                properties:
                  customerName:
                    type: string
`;

let dir: string;
let spec: string;
let baselineFile: string;

beforeEach(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'apigate-baseline-')));
  spec = join(dir, 'orders.yaml');
  baselineFile = join(dir, '.apigate-baseline.json');
  writeFileSync(spec, ORDERS);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function findings(): Promise<Finding[]> {
  return (await lint(spec, { cwd: dir })).findings;
}

const summary = (list: Finding[]): string[] => list.map((f) => `${f.ruleId} ${f.path.join('/')}`);

describe('baseline', () => {
  it('keeps a baselined finding baselined when a path is inserted above it, and reports a new violation of the same rule', async () => {
    const before = await findings();
    await writeBaseline(createBaseline(before, baselineFile));
    const snakeBefore = before.find((f) => f.ruleId === 'apigate-property-snake-case')!;

    writeFileSync(spec, ORDERS.replace('paths:\n', `paths:\n${CUSTOMERS}`));
    const after = await findings();
    const moved = after.find((f) => f.ruleId === 'apigate-property-snake-case' && f.message.includes('orderItems'))!;
    expect(moved.range!.start.line).toBe(snakeBefore.range!.start.line + CUSTOMERS.split('\n').length - 1);

    const match = matchBaseline(after, await readBaseline(baselineFile));
    expect(match.baselined).toBe(before.length);
    expect(match.fixed).toBe(0);
    const reported = summary(match.findings);
    expect(reported).toContain('apigate-property-snake-case paths//customers/get/responses/200/content/application/json/schema/properties/customerName');
    expect(match.findings.every((f) => f.path[1] === '/customers' || f.ruleId === 'apigate-health-endpoints')).toBe(true);
    expect(reported.some((r) => r.includes('/orders'))).toBe(false);
  });

  it('counts baselined findings that disappeared as fixed', async () => {
    await writeBaseline(createBaseline(await findings(), baselineFile));
    writeFileSync(spec, ORDERS.replace('                    type: array\n', '                    type: array\n                    description: Ids of the ordered items.\n'));
    const match = matchBaseline(await findings(), await readBaseline(baselineFile));
    expect(match.findings).toEqual([]);
    expect(match.fixed).toBe(1);
  });

  it('lets expired entries count again, and keeps entries that expire later', async () => {
    const current = await findings();
    const baseline = createBaseline(current, baselineFile);
    const snake = baseline.entries.find((e) => e.ruleId === 'apigate-property-snake-case')!;
    const auth = baseline.entries.find((e) => e.ruleId === 'apigate-auth-responses')!;
    snake.expires = '2026-01-31';
    snake.reason = 'renamed in v2';
    auth.expires = '2026-03-01';
    const now = new Date('2026-02-01T00:00:00Z');
    const match = matchBaseline(current, baseline, now);
    expect(summary(match.findings)).toEqual(['apigate-property-snake-case paths//orders/get/responses/200/content/application/json/schema/properties/orderItems']);
    expect(match.expired.map((e) => e.ruleId)).toEqual(['apigate-property-snake-case']);
    // The last day itself is still covered.
    expect(matchBaseline(current, baseline, new Date('2026-01-31T23:59:59Z')).findings).toEqual([]);
  });

  it('covers only as many identical findings as it recorded', async () => {
    const current = await findings();
    const baseline = createBaseline(current, baselineFile);
    const doubled = [...current, current.find((f) => f.ruleId === 'apigate-property-snake-case')!];
    const match = matchBaseline(doubled, baseline);
    expect(summary(match.findings)).toEqual([summary(doubled).at(-1)]);
  });

  it('keeps reasons and expiry dates when the baseline is written again', async () => {
    const current = await findings();
    const first = createBaseline(current, baselineFile);
    first.entries[0]!.reason = 'owned by the legacy team';
    first.entries[0]!.expires = '2027-06-30';
    await writeBaseline(first);
    const second = createBaseline(current, baselineFile, await readBaseline(baselineFile));
    expect(second.entries[0]).toMatchObject({ reason: 'owned by the legacy team', expires: '2027-06-30' });
    // Deterministic output: the same findings give the same bytes, with no line numbers in it.
    expect(serializeBaseline(second)).toBe(readFileSync(baselineFile, 'utf8'));
    expect(readFileSync(baselineFile, 'utf8')).not.toMatch(/"line"/);
  });

  it('rejects a malformed baseline with one line naming the file', async () => {
    writeFileSync(baselineFile, '{"entries":[{"fingerprint":"x","ruleId":"r","expires":"soon"}]}');
    await expect(readBaseline(baselineFile)).rejects.toThrow(/\.apigate-baseline\.json: entries\[0\]: "expires" must be a date/);
    writeFileSync(baselineFile, '[1,2');
    await expect(readBaseline(baselineFile)).rejects.toThrow(/not valid JSON/);
    await expect(readBaseline(join(dir, 'missing.json'))).rejects.toMatchObject({ code: 'E_FILE_NOT_FOUND' });
  });
});
