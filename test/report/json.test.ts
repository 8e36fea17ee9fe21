import { describe, expect, it } from 'vitest';
import { json } from '../../src/report/json.js';
import { CWD, finding, formatContext, lintHostile } from './context.js';

describe('json formatter', () => {
  it('writes the Spectral JSON shape: code, path, message, numeric severity, 0-based range, source', () => {
    const output = json(
      [finding(), finding({ severity: 'warn' }), finding({ severity: 'info' }), finding({ severity: 'hint', range: undefined })],
      formatContext(),
    );
    const parsed = JSON.parse(output) as unknown[];
    expect(parsed[0]).toEqual({
      code: 'operation-id-required',
      path: ['paths', '/pets', 'get'],
      message: 'Every operation has an operationId.',
      severity: 0,
      range: { start: { line: 8, character: 8 }, end: { line: 12, character: 30 } },
      source: `${CWD}/openapi.yaml`,
    });
    expect(parsed.map((entry) => (entry as { severity: number }).severity)).toEqual([0, 1, 2, 3]);
    expect((parsed[3] as { range: unknown }).range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    expect(Object.keys(parsed[0] as object)).toEqual(['code', 'path', 'message', 'severity', 'range', 'source']);
    expect(output.endsWith(']\n')).toBe(true);
  });

  it('writes an empty array for a clean run', () => {
    expect(json([], formatContext())).toBe('[]\n');
  });

  it('keeps hostile text as JSON string data: control characters are escaped, nothing raw reaches a terminal', async () => {
    const { findings, context } = await lintHostile();
    const output = json(findings, context);
    expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    const parsed = JSON.parse(output) as Array<{ message: string; path: string[] }>;
    expect(parsed[0]!.message).toContain('\u001b[31mALERT');
    expect(parsed[1]!.path).toEqual(['paths', '/pets|<img src=x onerror=alert(1)>']);
  });
});
