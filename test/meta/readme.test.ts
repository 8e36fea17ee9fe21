import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_CHECK_IDS } from '../../src/contract/checks/index.js';
import { CHECKS as DIFF_CHECKS } from '../../src/diff/checks/index.js';
import { FORMAT_NAMES } from '../../src/report/index.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { styleRuleIds } from '../helpers/catalog.js';

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

/** The README is the catalogue users read: it must keep up with the code. */
describe('README', () => {
  it('has a quick start of exactly two commands that CI runs too', () => {
    const quickStart = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1]?.trim().split('\n');
    expect(quickStart).toEqual(['npm ci && npx apigate demo', 'npm test']);
    const ci = readFileSync(join(REPO_ROOT, '.ci/run'), 'utf8');
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toMatch(/^npm test$/m);
  });

  it.each(styleRuleIds())('lists style rule %s with a link to its doc', (id) => {
    expect(readme).toContain(`[${id}](docs/rules/${id}.md)`);
  });

  it.each([...KNOWN_CHECK_IDS])('documents contract check %s with its failure output', (id) => {
    expect(readme).toMatch(new RegExp(`#### \`${id}\`[\\s\\S]*?\`\`\`text\\n\\S`));
  });

  it.each([...FORMAT_NAMES])('lists output format %s', (name) => {
    expect(readme).toContain(`| \`${name}\``);
  });

  it('links the diff catalogue, which lists every change check', () => {
    const catalogue = readFileSync(join(REPO_ROOT, 'docs/diff/README.md'), 'utf8');
    for (const check of DIFF_CHECKS) expect(catalogue).toContain(`\`${check.id}\``);
    expect(readme).toContain('docs/diff/README.md');
  });

  it('links only to files that exist', () => {
    const links = [...readme.matchAll(/\]\(((?:docs|fixtures|rulesets)\/[^)#]+)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(40);
    expect(links.filter((link) => !existsSync(join(REPO_ROOT, link)))).toEqual([]);
  });
});
