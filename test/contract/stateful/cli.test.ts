import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture, runCli } from '../../helpers/cli.js';
import type { TestServer } from '../../helpers/servers.js';
import { FLAWS, startTeamsServer, TOKENS } from './servers.js';

const ENV = { ALICE_TOKEN: TOKENS.alice, BOB_TOKEN: TOKENS.bob };

/** The worked config of docs/contract-stateful.md, pointed at the test server. */
function config(baseUrl: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'apigate-stateful-cli-'));
  const path = join(folder, 'apigate.config.yaml');
  writeFileSync(
    path,
    `contract:
  spec: ${JSON.stringify(fixture('demo', 'openapi.yaml'))}
  base_url: ${baseUrl}
  identities:
    - name: alice
      headers: { Authorization: "Bearer \${ALICE_TOKEN}" }
    - name: bob
      headers: { Authorization: "Bearer \${BOB_TOKEN}" }
`,
  );
  return path;
}

describe('two identities from the config (built CLI)', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('exits 0 against the conformant multi-tenant server, probes included', async () => {
    server = await startTeamsServer();
    const result = await runCli(['contract', '--config', config(server.url), '--seed', '4'], { env: ENV });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/stateful flows: 12 requests following created resources; 6 requests by "bob" on another identity's resources, 6 refused/);
    expect(result.stdout).toMatch(/ {2}PATCH \/v1\/teams\/\{team_id\} +✓ valid {2}✓ none {2}✓ invalid {2}✓ other_identity/);
  });

  it('exits 1 with the object_level_authorization failure, tokens redacted', async () => {
    server = await startTeamsServer(FLAWS['readOfAnotherTenantsObject']);
    const result = await runCli(['contract', '--config', config(server.url), '--seed', '4', '--report', 'json'], { env: ENV });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.failures.map((failure: { check: string; operation: string; identity: string }) => [failure.check, failure.operation, failure.identity])).toEqual([
      ['object_level_authorization', 'GET /v1/teams/{team_id}', 'bob'],
    ]);
    expect(report.scenarios['GET /v1/teams/{team_id}']).toEqual(['valid', 'none', 'invalid', 'other_identity']);
    expect(result.stdout).not.toContain(TOKENS.alice);
    expect(result.stdout).not.toContain(TOKENS.bob);
  });
});
