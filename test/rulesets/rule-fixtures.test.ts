import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintWithOnlyRule, ruleFixture } from '../helpers/rules.js';
import { styleRuleIds } from '../helpers/catalog.js';

interface ExpectedFinding {
  path: (string | number)[];
  severity?: string;
  line?: number;
  message?: string;
  /** Spec file the finding is located in, relative to the rule's fixture folder (multi-file fixtures). */
  file?: string;
}

/**
 * Fixture pairs as data: fixtures/rules/<id>/invalid.yaml must produce exactly the findings listed in
 * expected.json (JSON path, and where given severity, line and message), and valid.yaml none.
 */
describe.each(styleRuleIds())('%s', (ruleId) => {
  it('fires at the expected paths on invalid input', async () => {
    const expected = JSON.parse(readFileSync(ruleFixture(ruleId, 'expected.json'), 'utf8')) as ExpectedFinding[];
    const findings = await lintWithOnlyRule(ruleId, ruleFixture(ruleId, 'invalid.yaml'));
    expect(findings.map((f) => f.path)).toEqual(expected.map((e) => e.path));
    expected.forEach((entry, index) => {
      const finding = findings[index]!;
      if (entry.severity) expect(finding.severity).toBe(entry.severity);
      if (entry.line) expect(finding.range?.start.line).toBe(entry.line);
      if (entry.message) expect(finding.message).toBe(entry.message);
      if (entry.file) expect(finding.file).toBe(ruleFixture(ruleId, entry.file));
    });
  });

  it('stays silent on valid input', async () => {
    expect(await lintWithOnlyRule(ruleId, ruleFixture(ruleId, 'valid.yaml'))).toEqual([]);
  });

  it('has a doc with a bad and a good example', () => {
    const doc = ruleFixture(ruleId, '../../../docs/rules/' + ruleId + '.md');
    expect(existsSync(doc)).toBe(true);
    const text = readFileSync(doc, 'utf8');
    expect(text).toMatch(new RegExp(`^# ${ruleId}\\b`));
    expect(text).toMatch(/\*\*Bad\*\*/);
    expect(text).toMatch(/\*\*Good\*\*/);
  });
});
