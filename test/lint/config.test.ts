import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { fixture } from '../helpers/cli.js';

const ruleIds = (findings: { ruleId: string }[]): string[] => [...new Set(findings.map((f) => f.ruleId))].sort();

describe('ruleset selection', () => {
  it('reads apigate.config.yaml from the working directory: rules off, severities, core and custom functions', async () => {
    const cwd = fixture('config', 'apigate-config');
    const report = await lint('api.yaml', { cwd });
    expect(report.rulesetSource).toBe('apigate.config.yaml');
    const ids = ruleIds(report.findings);
    expect(ids).not.toContain('apigate-rate-limit-headers');
    expect(report.findings.find((f) => f.ruleId === 'apigate-operation-summary')?.severity).toBe('error');
    expect(report.findings.filter((f) => f.ruleId === 'no-internal-tags').map((f) => [f.message, f.path])).toEqual([
      ['Tag internal-admin is internal: remove the operation from the public spec.', ['paths', '/v1/things', 'get', 'tags', '0']],
    ]);
    expect(report.findings.filter((f) => f.ruleId === 'no-x-internal').map((f) => [f.severity, f.path])).toEqual([
      ['warn', ['paths', '/v1/things', 'get', 'x-internal']],
    ]);
    // The rest of apigate:recommended still runs.
    expect(ids).toContain('apigate-operation-security');
  });

  it('discovers .spectral.yaml for teams migrating from Spectral', async () => {
    const cwd = fixture('config', 'spectral-migration');
    const report = await lint('api.yaml', { cwd });
    expect(report.rulesetSource).toBe('.spectral.yaml');
    const ids = ruleIds(report.findings);
    expect(ids).not.toContain('operation-tags');
    expect(ids.some((id) => id.startsWith('apigate-'))).toBe(false);
    expect(report.findings.find((f) => f.ruleId === 'info-contact')?.severity).toBe('error');
  });

  it('lets --ruleset win over a discovered config', async () => {
    const cwd = fixture('config', 'apigate-config');
    const report = await lint('api.yaml', { cwd, ruleset: 'spectral:oas' });
    expect(report.rulesetSource).toBe('spectral:oas');
    expect(ruleIds(report.findings).some((id) => id.startsWith('apigate-') || id.startsWith('no-'))).toBe(false);
  });

  it('refuses a config whose functions live outside the project folder', async () => {
    const cwd = fixture('config', 'spectral-migration');
    await expect(lint('api.yaml', { cwd, config: '../apigate-config/apigate.config.yaml' })).resolves.toBeDefined();
    await expect(lint('api.yaml', { cwd, ruleset: '../apigate-config/functions/../../../../package.json' })).rejects.toThrow(
      /outside the project folder/,
    );
  });
});
