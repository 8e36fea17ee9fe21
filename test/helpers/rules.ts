import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../../src/lint/lint.js';
import type { Finding } from '../../src/types.js';
import { fixture, REPO_ROOT } from './cli.js';

const rulesetDir = mkdtempSync(join(tmpdir(), 'apigate-rule-'));

/**
 * Lints a document with exactly one rule of apigate:recommended enabled (at its default severity and
 * options), the way Spectral's own rule tests isolate a rule. Accepts a fixture file path or an inline
 * document object.
 */
export async function lintWithOnlyRule(ruleId: string, document: string | object): Promise<Finding[]> {
  const rulesetPath = join(rulesetDir, `${ruleId}.yaml`);
  writeFileSync(
    rulesetPath,
    JSON.stringify({ extends: [[join(REPO_ROOT, 'rulesets/apigate.yaml'), 'off']], rules: { [ruleId]: true } }),
  );
  let specPath: string;
  if (typeof document === 'string') {
    specPath = document;
  } else {
    specPath = join(rulesetDir, `${ruleId}-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(specPath, JSON.stringify(document, null, 2));
  }
  const report = await lint(specPath, { ruleset: rulesetPath, allowExternalRefs: true, cwd: REPO_ROOT });
  return report.findings.filter((finding) => finding.ruleId === ruleId);
}

/** `fixtures/rules/<id>/<name>`. */
export function ruleFixture(ruleId: string, name: string): string {
  return fixture('rules', ruleId, name);
}
