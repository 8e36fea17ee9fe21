import { lint } from '../../src/lint/lint.js';
import type { FormatContext } from '../../src/report/types.js';
import type { Finding, RuleMeta } from '../../src/types.js';
import { fixture } from '../helpers/cli.js';

export const CWD = '/work/project';

export function formatContext(overrides: Partial<FormatContext> = {}): FormatContext {
  return { cwd: CWD, rules: [], files: [`${CWD}/openapi.yaml`], color: false, toolVersion: '1.2.3', ...overrides };
}

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'operation-id-required',
    message: 'Every operation has an operationId.',
    severity: 'error',
    file: `${CWD}/openapi.yaml`,
    range: { start: { line: 9, column: 9 }, end: { line: 13, column: 31 } },
    path: ['paths', '/pets', 'get'],
    source: 'lint',
    ...overrides,
  };
}

export const RULES: RuleMeta[] = [
  { id: 'operation-id-required', description: 'Every operation has an operationId. Clients name methods after it.', severity: 'error', documentationUrl: 'https://example.com/rules/operation-id-required' },
  { id: 'info-contact-required', description: 'The API names a contact.', severity: 'warn' },
  { id: 'tag-description', description: 'Every tag is described.', severity: 'info' },
  { id: 'operation-summary', description: 'Every operation has a summary.', severity: 'hint' },
];

/** Real findings from the library, with the context the CLI would build for them. */
export async function lintFixture(spec: string, ruleset: string): Promise<{ findings: Finding[]; context: FormatContext }> {
  const cwd = fixture();
  const report = await lint(fixture(spec), { ruleset: fixture(ruleset), cwd });
  return { findings: report.findings, context: { cwd, rules: report.rules, files: report.files, color: false, toolVersion: '0.0.0-test' } };
}

/** A hostile spec: ANSI escapes, newlines, workflow commands, HTML and table breakers inside messages. */
export function lintHostile(): ReturnType<typeof lintFixture> {
  return lintFixture('report/hostile.yaml', 'report/hostile-ruleset.yaml');
}
