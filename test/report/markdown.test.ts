import { describe, expect, it } from 'vitest';
import { MARKDOWN_MAX_CHARS, MARKDOWN_MAX_ROWS, markdown } from '../../src/report/markdown.js';
import { CWD, finding, formatContext, lintHostile, RULES } from './context.js';

/** Cell separators: pipes that are not escaped. */
function countSeparators(row: string): number {
  return row.match(/(?<!\\)\|/g)?.length ?? 0;
}

function tableRows(output: string): string[] {
  return output.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Severity') && !line.startsWith('| :--'));
}

describe('markdown formatter', () => {
  it('writes a summary line and a table, most severe first, with rules linked to their docs', () => {
    const output = markdown(
      [
        finding({ ruleId: 'info-contact-required', severity: 'warn', message: 'The API names a contact.', range: { start: { line: 2, column: 6 }, end: { line: 4, column: 1 } } }),
        finding(),
        finding({ ruleId: 'tag-description', severity: 'info', message: 'Every tag is described.', file: `${CWD}/other.yaml` }),
      ],
      formatContext({ rules: RULES, files: [`${CWD}/openapi.yaml`, `${CWD}/other.yaml`, `${CWD}/clean.yaml`] }),
    );
    expect(output).toBe(
      [
        '### apigate',
        '',
        '**3 problems** (1 error, 1 warning, 1 info) in 2 of 3 checked files.',
        '',
        '| Severity | Rule | Location | Message |',
        '| :-- | :-- | :-- | :-- |',
        '| ❌ error | [operation-id-required](https://example.com/rules/operation-id-required) | openapi.yaml:9:9 | Every operation has an operationId. |',
        '| ⚠️ warning | info-contact-required | openapi.yaml:2:6 | The API names a contact. |',
        '| ℹ️ info | tag-description | other.yaml:9:9 | Every tag is described. |',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to report', () => {
    expect(markdown([], formatContext({ files: ['/a.yaml', '/b.yaml'] }))).toBe('### apigate\n\n**No findings** in 2 files checked.\n');
  });

  it('links only http(s) documentation and percent-encodes characters that would end the link or cell', () => {
    const rules = [
      { id: 'script-link', description: 'x', severity: 'error' as const, documentationUrl: 'javascript:alert(1)' },
      { id: 'odd-link', description: 'x', severity: 'error' as const, documentationUrl: 'https://example.com/a (b)|c' },
    ];
    const output = markdown([finding({ ruleId: 'script-link' }), finding({ ruleId: 'odd-link' })], formatContext({ rules }));
    const [scriptRow, oddRow] = tableRows(output);
    expect(scriptRow).toContain('| script-link |');
    expect(oddRow).toContain('| [odd-link](https://example.com/a%20%28b%29%7Cc) |');
  });

  it(`stops at ${MARKDOWN_MAX_ROWS} rows, keeps the most severe, and notes how many were omitted below an intact table`, () => {
    const findings = [
      ...Array.from({ length: 400 }, (_, i) => finding({ severity: 'hint', path: ['paths', `/h${i}`] })),
      finding({ severity: 'error', message: 'The one error.' }),
    ];
    const output = markdown(findings, formatContext());
    const rows = tableRows(output);
    expect(rows).toHaveLength(MARKDOWN_MAX_ROWS);
    expect(rows[0]).toContain('The one error.');
    expect(output.endsWith(`\n\n_${401 - MARKDOWN_MAX_ROWS} more findings not shown (the table lists the ${MARKDOWN_MAX_ROWS} most severe); see the SARIF or JUnit report for the full list._\n`)).toBe(true);
    for (const row of rows) expect(countSeparators(row)).toBe(5);
  });

  it('stays under GitHub comment limits when messages are long', () => {
    const findings = Array.from({ length: 300 }, (_, i) => finding({ message: `${i} ${'x'.repeat(2000)}` }));
    const output = markdown(findings, formatContext());
    const rows = tableRows(output);
    expect(output.length).toBeLessThan(65_535);
    expect(output.length).toBeLessThanOrEqual(MARKDOWN_MAX_CHARS + 200);
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.length).toBeLessThan(MARKDOWN_MAX_ROWS);
    expect(output).toContain(`_${300 - rows.length} more findings not shown`);
  });

  it('makes hostile spec text inert: one row per finding, no raw HTML, no links or images, no escapes', async () => {
    const { findings, context } = await lintHostile();
    const output = markdown(findings, context);
    const rows = tableRows(output);
    expect(rows).toHaveLength(findings.length);
    for (const row of rows) expect(countSeparators(row)).toBe(5);
    expect(output).not.toMatch(/<script|<img/);
    expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(output).not.toMatch(/(?<!\\)!\[|(?<!\\)\]\(/);
    expect(rows[0]).toBe(
      '| ❌ error | plain-description | report/hostile.yaml:7:16 | Description is not plain text: red ALERT done\\\\n::error file=evil.yaml,line=1::injected\\\\n&lt;script&gt;alert(1)&lt;/script&gt; \\| cell \\| break |',
    );
  });
});
