import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { lint, type LintReport } from '../lint/lint.js';
import type { Identity } from '../contract/identity.js';
import type { ContractReport } from '../contract/report/types.js';
import { runContract } from '../contract/runner.js';
import { startDemoServer } from './server.js';

/** The bundled example API's spec; it ships with the package next to `lib/`. */
export const DEMO_SPEC_PATH = fileURLToPath(new URL('../../fixtures/demo/openapi.yaml', import.meta.url));
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface DemoResult {
  baseUrl: string;
  lint: LintReport;
  contract: ContractReport;
}

/**
 * The main job on an embedded default: start the example API on a free loopback port with two fresh tenant
 * tokens, lint its spec with the full style guide, run the contract tests with both identities, stop it.
 */
export async function runDemo(options: { seed?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<DemoResult> {
  const tokens = { alice: `demo-${randomBytes(12).toString('hex')}`, bob: `demo-${randomBytes(12).toString('hex')}` };
  const server = await startDemoServer({ tokens });
  try {
    const lintReport = await lint([DEMO_SPEC_PATH], { ruleset: 'apigate:recommended', cwd: PACKAGE_ROOT });
    const identities: Identity[] = Object.entries(tokens).map(([name, token]) => ({ name, headers: { Authorization: `Bearer ${token}` }, query: {} }));
    const contract = await runContract({
      spec: DEMO_SPEC_PATH,
      baseUrl: server.url,
      identities,
      cwd: PACKAGE_ROOT,
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    return { baseUrl: server.url, lint: lintReport, contract };
  } finally {
    await server.close();
  }
}
