import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ignoredAt } from '../../src/lint/ignore.js';
import { lint } from '../../src/lint/lint.js';
import { fixture } from '../helpers/cli.js';

const ORDERS = readFileSync(fixture('baseline', 'orders.yaml'), 'utf8');

let dir: string;
beforeEach(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'apigate-ignore-')));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function ruleIds(text: string, extraFiles: Record<string, string> = {}): Promise<string[]> {
  for (const [name, content] of Object.entries(extraFiles)) writeFileSync(join(dir, name), content);
  writeFileSync(join(dir, 'openapi.yaml'), text);
  return (await lint(join(dir, 'openapi.yaml'), { cwd: dir })).findings.map((f) => `${f.ruleId}@${f.path.slice(0, 3).join('/')}`);
}

describe('x-apigate-ignore', () => {
  it('on an operation waives the listed rules for the operation and everything below it, and nothing else', async () => {
    const all = await ruleIds(ORDERS);
    const waived = await ruleIds(
      ORDERS.replace('      operationId: list_orders\n', '      operationId: list_orders\n      x-apigate-ignore: [apigate-429-retry-after, apigate-property-snake-case]\n'),
    );
    expect(all).toContain('apigate-429-retry-after@paths//orders/get');
    expect(all).toContain('apigate-property-snake-case@paths//orders/get');
    expect(waived).not.toContain('apigate-429-retry-after@paths//orders/get');
    expect(waived).not.toContain('apigate-property-snake-case@paths//orders/get');
    expect(waived).toEqual(all.filter((id) => !id.startsWith('apigate-429-retry-after') && !id.startsWith('apigate-property-snake-case')));
  });

  it('on a sibling node does not reach findings elsewhere', async () => {
    const waived = await ruleIds(ORDERS.replace('tags:\n  - name: orders\n', 'tags:\n  - name: orders\n    x-apigate-ignore: [apigate-property-snake-case]\n'));
    expect(waived).toContain('apigate-property-snake-case@paths//orders/get');
  });

  it('accepts a single rule id written as a string', async () => {
    const waived = await ruleIds(ORDERS.replace('  /orders:\n', '  /orders:\n    x-apigate-ignore: apigate-auth-responses\n'));
    expect(waived.some((id) => id.startsWith('apigate-auth-responses'))).toBe(false);
  });

  it('is read in the file the finding is in, for nodes behind a $ref', async () => {
    const schema = 'type: object\nx-apigate-ignore: [apigate-property-snake-case]\nproperties:\n  orderItems:\n    type: string\n    description: Ids.\n';
    const spec = ORDERS.replace(/              schema:\n[\s\S]*?(?=components:)/, "              schema:\n                $ref: './order.yaml'\n");
    const findings = await ruleIds(spec, { 'order.yaml': schema });
    expect(findings.some((id) => id.startsWith('apigate-property-snake-case'))).toBe(false);
    const unwaived = await ruleIds(spec, { 'order.yaml': schema.replace('x-apigate-ignore: [apigate-property-snake-case]\n', '') });
    expect(unwaived.some((id) => id.startsWith('apigate-property-snake-case'))).toBe(true);
  });

  it('walks the JSON path and stops at scalars', () => {
    const document = { 'x-apigate-ignore': ['a'], paths: { '/x': { get: { 'x-apigate-ignore': ['b'], responses: 'oops' } } } };
    expect(ignoredAt(document, ['paths', '/x', 'get', 'responses', '200'], 'a')).toBe(true);
    expect(ignoredAt(document, ['paths', '/x', 'get', 'responses', '200'], 'b')).toBe(true);
    expect(ignoredAt(document, ['paths', '/x'], 'b')).toBe(false);
    expect(ignoredAt(document, ['paths', '/x', 'get'], 'c')).toBe(false);
  });
});
