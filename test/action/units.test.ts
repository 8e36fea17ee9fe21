import { describe, expect, it } from 'vitest';
import { planAnnotations } from '../../src/action/annotations.js';
import { parseUnifiedDiff } from '../../src/action/changed-lines.js';
import { readInputs } from '../../src/action/inputs.js';
import { buildSummary, COMMENT_MAX_CHARS, SUMMARY_MAX_BYTES, type SummaryInput } from '../../src/action/summary.js';
import { workflowCommand } from '../../src/action/workflow.js';
import type { Finding, Severity } from '../../src/types.js';

function finding(line: number, severity: Severity, message = `finding on line ${line}`): Finding {
  return {
    ruleId: 'rule-a',
    message,
    severity,
    file: '/repo/api/openapi.yaml',
    range: { start: { line, column: 3 }, end: { line, column: 9 } },
    path: ['paths', `/p${line}`],
    source: 'lint',
  };
}

describe('workflow commands', () => {
  it('escape hostile file names and messages so they can neither end the command nor start another', () => {
    const line = workflowCommand('error', { file: 'a,b:c%.yaml', title: 'x::y' }, 'evil%0A\n::error::pwned\r');
    expect(line).toBe('::error file=a%2Cb%3Ac%25.yaml,title=x%3A%3Ay::evil%250A\\n::error::pwned\\n\n');
    expect(line.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('changed lines', () => {
  it('reads added and changed lines from a zero-context diff', () => {
    const diff = [
      'diff --git a/api/openapi.yaml b/api/openapi.yaml',
      '--- a/api/openapi.yaml',
      '+++ b/api/openapi.yaml',
      '@@ -3,0 +4,2 @@',
      '+a',
      '+b',
      '@@ -10 +12 @@',
      '-old',
      '+new',
      '@@ -20,3 +21,0 @@',
      'diff --git a/gone.yaml b/gone.yaml',
      '--- a/gone.yaml',
      '+++ /dev/null',
      '@@ -1,2 +0,0 @@',
    ].join('\n');
    const changed = parseUnifiedDiff(diff, '/repo');
    expect([...changed.keys()]).toEqual(['/repo/api/openapi.yaml']);
    expect([...changed.get('/repo/api/openapi.yaml')!]).toEqual([4, 5, 12]);
  });
});

describe('annotation plan', () => {
  it('puts findings on changed lines first, then the most severe, at most 10 per level', () => {
    const findings = [...Array.from({ length: 15 }, (_, i) => finding(i + 1, 'warn')), finding(40, 'error'), finding(50, 'warn')];
    const plan = planAnnotations(findings, new Map([['/repo/api/openapi.yaml', new Set([50])]]), '/repo');
    expect(plan.annotated).toBe(11);
    expect(plan.notAnnotated).toBe(6);
    expect(plan.lines[0]).toContain('line=50');
    expect(plan.lines[1]).toMatch(/^::error file=api\/openapi\.yaml,line=40,/);
    expect(plan.lines.filter((line) => line.startsWith('::warning'))).toHaveLength(10);
    const withoutChanges = planAnnotations(findings, undefined, '/repo');
    expect(withoutChanges.lines[0]).toContain('line=40');
    expect(withoutChanges.lines.some((line) => line.includes('line=50'))).toBe(false);
  });
});

describe('summary size', () => {
  const many = Array.from({ length: 60_000 }, (_, i) => ({ ...finding(i + 1, 'warn', `${'x'.repeat(300)} ${i}`), ruleId: `rule-${i % 500}` }));
  const input: SummaryInput = { result: 'fail', failSeverity: 'warn', root: '/repo', findings: many, notAnnotated: 59_990, toolVersion: '0.0.0' };

  it('stays within GitHub limits for the job summary and the comment', () => {
    const summary = buildSummary(input);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(summary).toContain('| Warnings | 60000 |');
    expect(summary).toContain('_400 more rules_');
    const comment = buildSummary(input, COMMENT_MAX_CHARS - 200);
    expect(comment.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    expect(comment).toContain('## apigate: ❌ failed');
  });

  it('escapes spec text in tables', () => {
    const summary = buildSummary({ ...input, findings: [finding(1, 'error', 'a | b <img src=x> @team #12')] });
    expect(summary).toContain('a \\| b &lt;img src=x&gt; &#64;team &#35;12');
  });
});

describe('inputs', () => {
  it('reads the names the runner uses, hyphens kept, with defaults', () => {
    const inputs = readInputs({ INPUT_SPEC: 'a.yaml\n\n b/*.yaml \n', 'INPUT_FAIL-SEVERITY': 'warn', 'INPUT_COMMENT': 'true', 'INPUT_WORKING-DIRECTORY': '' });
    expect(inputs).toMatchObject({ specs: ['a.yaml', 'b/*.yaml'], failSeverity: 'warn', comment: true, workingDirectory: '.' });
    expect(() => readInputs({ INPUT_SPEC: 'a.yaml', INPUT_COMMENT: 'yes please' })).toThrow('input "comment": "yes please" is not true or false');
    expect(() => readInputs({})).toThrow(/input "spec" is empty/);
    expect(() => readInputs({ INPUT_SPEC: 'a.yaml', 'INPUT_BASE-URL': 'http://127.0.0.1:1', 'INPUT_COVERAGE-MIN-RESPONSES': '120' })).toThrow(
      'input "coverage-min-responses": "120" is not a percentage between 0 and 100',
    );
  });
});
