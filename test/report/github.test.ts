import { describe, expect, it } from 'vitest';
import { github } from '../../src/report/github.js';
import { CWD, finding, formatContext, lintHostile } from './context.js';

describe('github formatter', () => {
  it('writes one workflow command per finding, by severity', () => {
    const findings = (['error', 'warn', 'info', 'hint'] as const).map((severity) => finding({ severity }));
    expect(github(findings, formatContext()).split('\n')).toEqual([
      '::error file=openapi.yaml,line=9,col=9,endLine=13,endColumn=31,title=operation-id-required::Every operation has an operationId.',
      '::warning file=openapi.yaml,line=9,col=9,endLine=13,endColumn=31,title=operation-id-required::Every operation has an operationId.',
      '::notice file=openapi.yaml,line=9,col=9,endLine=13,endColumn=31,title=operation-id-required::Every operation has an operationId.',
      '::notice file=openapi.yaml,line=9,col=9,endLine=13,endColumn=31,title=operation-id-required::Every operation has an operationId.',
      '',
    ]);
  });

  it('prints nothing when there are no findings', () => {
    expect(github([], formatContext())).toBe('');
  });

  it('leaves out the position when a finding has none, and the file when there is none', () => {
    expect(github([finding({ range: undefined, file: undefined })], formatContext())).toBe(
      '::error title=operation-id-required::Every operation has an operationId.\n',
    );
  });

  it('escapes properties (, and :) and data (%, CR, LF) as the runner expects', () => {
    const output = github(
      [finding({ file: `${CWD}/specs/a,b:c.yaml`, ruleId: 'rule:with,chars', message: '100% sure\r\nnext line' })],
      formatContext(),
    );
    expect(output).toBe(
      '::error file=specs/a%2Cb%3Ac.yaml,line=9,col=9,endLine=13,endColumn=31,title=rule%3Awith%2Cchars::100%25 sure\\nnext line\n',
    );
  });

  it('keeps hostile spec text inside its own annotation: no new lines, no commands, no escapes', async () => {
    const { findings, context } = await lintHostile();
    const output = github(findings, context);
    const lines = output.trimEnd().split('\n');
    expect(lines).toHaveLength(findings.length);
    for (const line of lines) {
      expect(line).toMatch(/^::(error|warning|notice) file=report\/hostile\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::/);
      expect(line).not.toMatch(/[\u0000-\u001f\u007f\u2028\u2029]/);
    }
    expect(output).not.toMatch(/\r|\n(?!::|$)/);
    expect(lines[0]).toBe(
      '::error file=report/hostile.yaml,line=7,col=16,endLine=7,endColumn=126,title=plain-description::Description is not plain text: red ALERT done\\n::error file=evil.yaml,line=1::injected\\n<script>alert(1)</script> | cell | break',
    );
    // A percent sequence in the spec must reach the annotation as text, not be decoded into a line break.
    expect(lines[2]).toContain('::Description is not plain text: %250A::warning::percent\\n## heading');
  });
});
