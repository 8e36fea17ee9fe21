import { describe, expect, it } from 'vitest';
import { coverage, type CoverageReport } from '../../src/coverage/index.js';
import { formatCoverageHtml } from '../../src/coverage/format/html.js';
import { formatCoverageJson } from '../../src/coverage/format/json.js';
import { formatCoverageMarkdown } from '../../src/coverage/format/markdown.js';
import { formatCoverageText } from '../../src/coverage/format/text.js';
import { computeCoverage } from '../../src/coverage/compute.js';
import type { CoverageSpec } from '../../src/coverage/types.js';
import { fixture } from '../helpers/cli.js';

const spec = fixture('coverage', 'petstore.yaml');

async function combined(): Promise<CoverageReport> {
  return coverage({
    spec,
    inputs: [{ file: fixture('coverage', 'contract-full.json') }, { file: fixture('coverage', 'traffic.json') }, { file: fixture('coverage', 'session.har'), har: true }],
  });
}

describe('text format', () => {
  it('lists each operation under its tag with marks per status and auth scenario, totals last', async () => {
    const text = formatCoverageText(await coverage({ spec, inputs: [{ file: fixture('coverage', 'contract-full.json') }] }));
    const lines = text.split('\n');
    expect(lines[0]).toBe('Coverage of Pet Store 1.0.0 from 1 input, 13 exchanges');
    expect(text).toContain(
      [
        '  ✓ GET /pets/{petId}        getPet',
        '      responses  200 ✓   404 ✓   undocumented !401 !500',
        '      auth       valid ✓   none ✓   invalid ✗   other identity ✓',
        '      1 request got no response',
      ].join('\n'),
    );
    expect(text).toContain('  ✗ DELETE /pets/{petId}     deletePet\n      responses  204 ✗   404 ✗\n');
    expect(text).toContain('\nops\n  ✓ GET /health              health\n      responses  200 ✓\n\n');
    expect(lines.slice(-5)).toEqual([
      'Operations covered                   4/7   57.1%',
      'Documented responses covered        8/12   66.7%',
      'Auth scenarios covered              8/21   38.1%',
      'Undocumented statuses                  2',
      '',
    ]);
  });

  it('shows hostile spec text inert: no escape sequences reach the terminal', () => {
    const hostile: CoverageSpec = {
      title: '\u001b[2J\u001b]0;pwned\u0007Evil',
      version: '1',
      source: 'x.yaml',
      basePaths: [],
      credentials: [],
      operations: [{ key: 'GET /a\u001b[31m', method: 'GET', path: '/a\u001b[31m', tags: ['t\nx'], responses: ['200'], secured: false, deprecated: false }],
    };
    const text = formatCoverageText(computeCoverage(hostile, []));
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u0007');
    expect(text).toContain('t\\nx');
  });
});

describe('json format', () => {
  it('follows the documented schema', async () => {
    const output = JSON.parse(formatCoverageJson(await combined(), { toolVersion: '9.9.9' })) as Record<string, any>;
    expect(Object.keys(output)).toEqual(['format', 'version', 'tool_version', 'spec', 'inputs', 'totals', 'operations', 'unmatched', 'warnings']);
    expect(output['format']).toBe('apigate-coverage');
    expect(output['version']).toBe(1);
    expect(output['totals']).toEqual({
      operations: { covered: 7, total: 7, percent: 100 },
      responses: { covered: 11, total: 12, percent: 91.667 },
      auth: { covered: 13, total: 21, percent: 61.905 },
      undocumented_statuses: 3,
      exchanges: 26,
      unmatched: 1,
      other_hosts: 0,
    });
    expect(output['operations'][3]).toEqual({
      operation: 'GET /pets/{petId}',
      method: 'GET',
      path: '/pets/{petId}',
      operation_id: 'getPet',
      tags: ['pets'],
      secured: true,
      deprecated: false,
      exercised: true,
      hits: 9,
      no_response: 1,
      responses: [
        { status: '200', covered: true, hits: 2, observed: [200] },
        { status: '404', covered: true, hits: 2, observed: [404] },
      ],
      undocumented: [
        { status: 401, hits: 3 },
        { status: 500, hits: 1 },
      ],
      auth: [
        { scenario: 'valid', expected: true, covered: true, hits: 4 },
        { scenario: 'none', expected: true, covered: true, hits: 2 },
        { scenario: 'invalid', expected: true, covered: true, hits: 1 },
        { scenario: 'other_identity', expected: true, covered: true, hits: 1 },
      ],
    });
    expect(output['unmatched']).toEqual([{ source: expect.stringMatching(/traffic\.json$/), method: 'GET', url: '/v1/unknown', status: 404 }]);
  });
});

describe('markdown format', () => {
  it('gives totals and one row per operation with a gap', async () => {
    const markdown = formatCoverageMarkdown(await coverage({ spec, inputs: [{ file: fixture('coverage', 'contract-full.json') }] }));
    expect(markdown).toContain('| Operations | 4/7 | 57.1% |');
    expect(markdown).toContain('| Auth scenarios (secured operations) | 8/21 | 38.1% |');
    expect(markdown).toContain('2 of 7 operations fully covered. Gaps:');
    expect(markdown).toContain('| GET /pets/{petId} | — | invalid | 401, 500 |');
    expect(markdown).toContain('| DELETE /pets/{petId} | not exercised (204, 404) | valid, none, invalid, other identity | — |');
    expect(markdown).not.toContain('| GET /health |');
  });

  it('stays under the size limit by dropping whole rows, with a note after an intact table', () => {
    const operations = Array.from({ length: 3000 }, (_, index) => ({
      key: `GET /resource-${index}/{id}`,
      method: 'GET',
      path: `/resource-${index}/{id}`,
      tags: [],
      responses: ['200', '404'],
      secured: true,
      deprecated: false,
    }));
    const report = computeCoverage({ title: 'Big', version: '1', source: 'big.yaml', basePaths: [], credentials: [], operations }, []);
    const markdown = formatCoverageMarkdown(report, { maxChars: 20_000 });
    expect(markdown.length).toBeLessThanOrEqual(20_000);
    const lines = markdown.trimEnd().split('\n');
    const tableRows = lines.filter((line) => line.startsWith('| GET /resource-'));
    expect(tableRows.length).toBeGreaterThan(50);
    expect(tableRows.every((line) => line.endsWith(' |') && line.split(' | ').length === 4)).toBe(true);
    const lastRow = lines.lastIndexOf(tableRows.at(-1) ?? '');
    expect(lines[lastRow + 1]).toBe('');
    expect(lines[lastRow + 2]).toBe(`…and ${3000 - tableRows.length} more operations with gaps not shown (the report is limited to 20000 characters); see the JSON or HTML report for all of them.`);
    expect(formatCoverageMarkdown(report).length).toBeLessThanOrEqual(60_000);
  });

  it('escapes table-breaking and HTML text from the spec', async () => {
    const markdown = formatCoverageMarkdown(await coverage({ spec: fixture('coverage', 'hostile.yaml'), inputs: [{ file: fixture('coverage', 'hostile-report.json') }] }));
    expect(markdown).not.toMatch(/<script|<img/i);
    expect(markdown).toContain('&lt;script&gt;');
  });
});

describe('html format (static checks; behaviour is tested in a browser)', () => {
  it('is self-contained, with a strict CSP and no raw markup from the spec', async () => {
    const html = formatCoverageHtml(await coverage({ spec: fixture('coverage', 'hostile.yaml'), inputs: [{ file: fixture('coverage', 'hostile-report.json') }] }));
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &apos;none&apos;; script-src &apos;sha256-[A-Za-z0-9+/=]+&apos;; style-src &apos;sha256-/);
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;window.__pwned = &apos;title&apos;&lt;/script&gt;');
  });
});
