import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isApigateError } from '../../../src/errors.js';
import { ALL_CHECKS, KNOWN_CHECK_IDS, selectCheckIds, selectChecks } from '../../../src/contract/checks/index.js';
import { REPO_ROOT } from '../../helpers/cli.js';
import { DOC_EXAMPLES } from './doc-examples.js';
import { exchange } from './exchange.js';

function usageError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isApigateError(error) && error.code === 'E_USAGE') return error.message;
    throw error;
  }
  throw new Error('expected a usage error');
}

describe('check registry', () => {
  it('selects every check by default and with "all"', () => {
    expect(selectChecks().map((check) => check.id)).toEqual(ALL_CHECKS.map((check) => check.id));
    expect(selectCheckIds(['all'])).toEqual(new Set(KNOWN_CHECK_IDS));
  });

  it('narrows with --checks and --exclude-checks', () => {
    expect(selectChecks(['status_code_conformance', 'not_a_server_error']).map((check) => check.id)).toEqual([
      'not_a_server_error',
      'status_code_conformance',
    ]);
    expect(selectChecks(undefined, ['undocumented_property']).map((check) => check.id)).not.toContain('undocumented_property');
    expect(selectCheckIds(undefined, ['all'])).toEqual(new Set());
  });

  it('accepts the runner and multi-request ids that have no single-exchange module', () => {
    expect(selectCheckIds(['transport_error', 'use_after_free', 'ensure_resource_availability', 'object_level_authorization'])).toEqual(
      new Set(['transport_error', 'use_after_free', 'ensure_resource_availability', 'object_level_authorization']),
    );
    expect(selectChecks(['transport_error'])).toEqual([]);
  });

  it('rejects an unknown id with a suggestion', () => {
    expect(usageError(() => selectChecks(['not_a_server_eror']))).toBe(
      `Unknown check "not_a_server_eror" in --checks (did you mean "not_a_server_error"?). Known checks: ${KNOWN_CHECK_IDS.join(', ')}.`,
    );
    expect(usageError(() => selectChecks(undefined, ['bogus']))).toMatch(/^Unknown check "bogus" in --exclude-checks\. Known checks: /);
  });

  it('keeps module file names, ids, tests and docs in step', () => {
    const moduleFiles = readdirSync(`${REPO_ROOT}src/contract/checks`).filter(
      (name) => name.endsWith('.ts') && !['define.ts', 'guards.ts', 'index.ts'].includes(name),
    );
    expect(moduleFiles.map((name) => name.replace(/\.ts$/, '')).sort()).toEqual(ALL_CHECKS.map((check) => check.id).sort());
    const testFiles = readdirSync(`${REPO_ROOT}test/contract/checks`);
    for (const check of ALL_CHECKS) {
      expect(testFiles, `a table test for ${check.id}`).toContain(`${check.id}.test.ts`);
      const doc = readFileSync(`${REPO_ROOT}docs/checks/${check.id}.md`, 'utf8');
      expect(doc.startsWith(`# ${check.id}\n`), `docs/checks/${check.id}.md starts with its id`).toBe(true);
      expect(doc, `docs/checks/${check.id}.md states the check's description`).toContain(check.description);
    }
  });

  it.each(ALL_CHECKS.map((check) => [check.id, check] as const))('docs/checks/%s.md shows the exact failure output', (id, check) => {
    const example = DOC_EXAMPLES[id];
    expect(example, `a documentation example for ${id}`).toBeDefined();
    const failures = check.run(exchange(example!));
    expect(failures.length).toBeGreaterThan(0);
    const doc = readFileSync(`${REPO_ROOT}docs/checks/${id}.md`, 'utf8');
    for (const failure of failures) {
      const block = [
        failure.message,
        ...(failure.expected !== undefined ? [`Expected: ${failure.expected}`] : []),
        ...(failure.received !== undefined ? [`Received: ${failure.received}`] : []),
      ].join('\n');
      expect(doc).toContain(`\`\`\`text\n${block}\n\`\`\``);
    }
  });
});
