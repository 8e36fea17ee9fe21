import { cpSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SPEC_PATH } from '../../src/demo/index.js';
import { startDemoServer, type RunningDemoServer } from '../../src/demo/server.js';
import { runAction, workflowCommands } from './run-action.js';

const tokens = { alice: 'token-alice-0123456789', bob: 'token-bob-0123456789' };
const CONFIG = `contract:
  identities:
    - name: alice
      headers: { Authorization: "Bearer \${ALICE_TOKEN}" }
    - name: bob
      headers: { Authorization: "Bearer \${BOB_TOKEN}" }
`;

let server: RunningDemoServer;
let workspace: string;
beforeEach(async () => {
  server = await startDemoServer({ tokens });
  workspace = realpathSync(mkdtempSync(join(tmpdir(), 'apigate-action-contract-')));
  cpSync(DEMO_SPEC_PATH, join(workspace, 'openapi.yaml'));
  writeFileSync(join(workspace, 'apigate.config.yaml'), CONFIG);
});
afterEach(async () => {
  await server.close();
  rmSync(workspace, { recursive: true, force: true });
});

describe('the action with base-url', () => {
  it('runs the contract with the config identities, measures coverage and applies the thresholds', async () => {
    const env = { ALICE_TOKEN: tokens.alice, BOB_TOKEN: tokens.bob };
    const run = await runAction({
      workspace,
      inputs: { spec: 'openapi.yaml', 'base-url': server.url, 'coverage-min-operations': '50', 'fail-severity': 'error' },
      env,
    });
    expect(run.stderr).toBe('');
    expect(run.summary).toContain('### Contract');
    expect(run.summary).toMatch(/\d+ cases on \d+ operations: \d+ passed, 0 failed/);
    expect(run.summary).toContain('### API coverage');
    expect(Number(run.outputs['coverage-operations'])).toBeGreaterThanOrEqual(50);
    expect(run.outputs['coverage-responses']).toMatch(/^\d+(\.\d)?$/);
    expect(run.outputs['result']).toBe('pass');
    expect(run.code).toBe(0);
    // No token ever reaches the log or the summary.
    expect(run.stdout + run.summary).not.toContain(tokens.alice);

    const strict = await runAction({ workspace, inputs: { spec: 'openapi.yaml', 'base-url': server.url, 'coverage-min-responses': '100' }, env });
    expect(strict.code).toBe(1);
    expect(strict.outputs['result']).toBe('fail');
    expect(strict.summary).toMatch(/- ❌ .*responses/i);
    expect(workflowCommands(strict.stdout).filter((line) => line.startsWith('::error'))).toEqual([]);
  }, 120_000);

  it('needs base-url for coverage thresholds', async () => {
    const run = await runAction({ workspace, inputs: { spec: 'openapi.yaml', 'coverage-min-operations': '50' } });
    expect(run.code).toBe(2);
    expect(workflowCommands(run.stdout)).toEqual(['::error title=apigate::inputs "coverage-min-*" measure a contract run: set "base-url" too']);
  });
});
