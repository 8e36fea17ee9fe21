import { describe, expect, it } from 'vitest';
import { stylish } from '../../src/report/stylish.js';
import { CWD, finding, formatContext, lintHostile } from './context.js';

const ESC = '\u001b';

describe('stylish formatter', () => {
  it('groups by file, aligns `line:col severity code message`, and ends with a summary line', () => {
    const output = stylish(
      [
        finding({ ruleId: 'info-contact-required', severity: 'warn', message: 'The API names a contact.', range: { start: { line: 2, column: 6 }, end: { line: 4, column: 1 } } }),
        finding(),
        finding({ ruleId: 'tag-description', severity: 'info', message: 'Every tag is described.', file: `${CWD}/specs/other.yaml`, range: { start: { line: 12, column: 5 }, end: { line: 12, column: 9 } } }),
        finding({ ruleId: 'operation-summary', severity: 'hint', message: 'Every operation has a summary.', file: `${CWD}/specs/other.yaml` }),
      ],
      formatContext(),
    );
    expect(output).toBe(
      [
        'openapi.yaml',
        ' 2:6  warning  info-contact-required  The API names a contact.',
        ' 9:9  error    operation-id-required  Every operation has an operationId.',
        '',
        'specs/other.yaml',
        ' 12:5  information  tag-description    Every tag is described.',
        '  9:9  hint         operation-summary  Every operation has a summary.',
        '',
        '✖ 4 problems (1 error, 1 warning, 1 information, 1 hint)',
        '',
      ].join('\n'),
    );
  });

  it('reports a clean run with the number of files checked', () => {
    expect(stylish([], formatContext({ files: ['/a.yaml', '/b.yaml'] }))).toBe('No findings. 2 files checked.\n');
    expect(stylish([], formatContext())).toBe('No findings. 1 file checked.\n');
  });

  it('uses singular nouns for one finding', () => {
    expect(stylish([finding()], formatContext()).trimEnd().split('\n').at(-1)).toBe('✖ 1 problem (1 error)');
  });

  it('writes no colour codes unless the context asks for colour', () => {
    expect(stylish([finding()], formatContext({ color: false }))).not.toContain(ESC);
    expect(stylish([finding()], formatContext({ color: true }))).toContain(`${ESC}[31merror`);
  });

  it('strips terminal escapes and newlines that come from the spec, even in colour mode', async () => {
    const { findings, context } = await lintHostile();
    const plain = stylish(findings, context);
    expect(plain).not.toContain(ESC);
    expect(plain.split('\n')).toHaveLength(findings.length + 4); // file header, blank line, summary, final newline
    expect(plain).toContain('Description is not plain text: red ALERT done\\n::error file=evil.yaml,line=1::injected\\n<script>');
    const coloured = stylish(findings, { ...context, color: true });
    expect(coloured).not.toContain(`${ESC}[31mALERT`);
    expect(coloured).toContain('red ALERT done');
  });
});
