import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/diff/index.js';
import { fixture, REPO_ROOT } from '../helpers/cli.js';
import { diffFixtures, summarise } from './helpers.js';

describe('diff checks: one fixture pair per check, compared with its expected changes', () => {
  for (const check of CHECKS) {
    it(check.id, async () => {
      const report = await diffFixtures(`${check.id}/base.yaml`, `${check.id}/head.yaml`);
      const expected = JSON.parse(readFileSync(fixture('diff', check.id, 'expected.json'), 'utf8')) as unknown[];
      expect(summarise(report).map(({ allowed: _allowed, ...rest }) => rest)).toEqual(expected);
      // The pair must demonstrate the check it is named after, at the check's default level at least once.
      expect(report.changes.some((change) => change.id === check.id)).toBe(true);
    });
  }
});

describe('diff check catalogue', () => {
  const checkFiles = readdirSync(`${REPO_ROOT}src/diff/checks`).filter((name) => name.endsWith('.ts') && name !== 'index.ts');
  const readme = readFileSync(`${REPO_ROOT}docs/diff/README.md`, 'utf8');

  it('registers every check module under the id its file is named after', () => {
    expect(checkFiles.map((name) => name.replace(/\.ts$/, '')).sort()).toEqual(CHECKS.map((check) => check.id).sort());
  });

  it.each(CHECKS.map((check) => [check.id, check] as const))('%s has a doc page with an example and a catalogue row', (id, check) => {
    const doc = readFileSync(`${REPO_ROOT}docs/diff/${id}.md`, 'utf8');
    expect(doc).toMatch(new RegExp(`^# ${id}\\n`));
    expect(doc).toContain(`Level: \`${check.level}\``);
    expect(doc).toMatch(/Before[\s\S]*```yaml[\s\S]*After[\s\S]*```yaml/);
    expect(readme).toContain(`| [\`${id}\`](${id}.md) | ${check.level} |`);
  });

  it('has no fixture folder for a check that does not exist', () => {
    const folders = readdirSync(fixture('diff'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !['cases', 'real-world'].includes(entry.name))
      .map((entry) => entry.name);
    expect(folders.filter((name) => !CHECKS.some((check) => check.id === name))).toEqual([]);
    expect(folders.every((name) => existsSync(fixture('diff', name, 'expected.json')))).toBe(true);
  });
});
