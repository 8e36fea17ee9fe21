import { describe, expect, it } from 'vitest';
import { gitlab } from '../../src/report/gitlab.js';
import type { FormatContext } from '../../src/report/types.js';
import type { Finding } from '../../src/types.js';

const CWD = '/repo';
const context: FormatContext = { cwd: CWD, rules: [], files: ['/repo/api/openapi.yaml'], color: false, toolVersion: '0.0.0' };

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'apigate-property-snake-case',
    message: 'Property "orderItems" is not snake_case: rename it to "order_items".',
    severity: 'warn',
    file: '/repo/api/openapi.yaml',
    range: { start: { line: 31, column: 19 }, end: { line: 34, column: 35 } },
    path: ['paths', '/orders', 'get'],
    source: 'lint',
    ...overrides,
  };
}

type Issue = { check_name: string; description: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } };
const parse = (text: string): Issue[] => JSON.parse(text) as Issue[];

describe('gitlab format', () => {
  it('writes GitLab Code Quality issues with a relative path, 1-based line and mapped severity', () => {
    const [issue] = parse(gitlab([finding({})], context));
    expect(issue).toEqual({
      type: 'issue',
      check_name: 'apigate-property-snake-case',
      description: 'Property "orderItems" is not snake_case: rename it to "order_items".',
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
      severity: 'minor',
      location: { path: 'api/openapi.yaml', lines: { begin: 31 } },
    });
    const severities = parse(gitlab(['error', 'warn', 'info', 'hint'].map((severity) => finding({ severity: severity as Finding['severity'], ruleId: severity })), context));
    expect(severities.map((i) => i.severity)).toEqual(['major', 'minor', 'info', 'info']);
  });

  it('keeps the fingerprint when only the line moves, and changes it when the node or message changes', () => {
    const original = parse(gitlab([finding({})], context))[0]!.fingerprint;
    const moved = parse(gitlab([finding({ range: { start: { line: 90, column: 1 }, end: { line: 91, column: 1 } } })], context))[0]!.fingerprint;
    const elsewhere = parse(gitlab([finding({ path: ['paths', '/customers', 'get'] })], context))[0]!.fingerprint;
    const reworded = parse(gitlab([finding({ message: 'Property "x" is not snake_case.' })], context))[0]!.fingerprint;
    expect(moved).toBe(original);
    expect(elsewhere).not.toBe(original);
    expect(reworded).not.toBe(original);
  });

  it('gives identical findings distinct fingerprints, as GitLab requires', () => {
    const issues = parse(gitlab([finding({}), finding({}), finding({})], context));
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(3);
    expect(issues[0]!.fingerprint).toBe(parse(gitlab([finding({})], context))[0]!.fingerprint);
  });

  it('makes untrusted text inert and falls back to the linted file and line 1', () => {
    const [issue] = parse(gitlab([finding({ message: 'bad\u001b[31m\nline', file: undefined, range: undefined })], context));
    expect(issue!.description).toBe('bad\\nline');
    expect(issue!.location).toEqual({ path: 'api/openapi.yaml', lines: { begin: 1 } });
    expect(gitlab([], context)).toBe('[]\n');
  });
});
