import { Command } from 'commander';
import { ApigateError } from '../errors.js';
import { getContractFormatter } from '../contract/report/index.js';
import { DEMO_SPEC_PATH, runDemo } from '../demo/index.js';
import { getFormatter } from '../report/index.js';
import { isAtLeast } from '../types.js';
import { displayPath } from '../util/paths.js';
import { VERSION } from '../version.js';
import type { CliIo } from './io.js';

export function demoCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('demo')
    .description('Start the bundled example API on a free loopback port, then lint its spec and contract-test it.')
    .option('--seed <n>', 'seed for generated values')
    .action(async (flags: { seed?: string }) => {
      if (flags.seed !== undefined && !/^\d{1,10}$/.test(flags.seed)) throw new ApigateError('E_USAGE', `--seed: "${flags.seed}" is not a whole number`);
      const result = await runDemo(flags.seed !== undefined ? { seed: Number(flags.seed) >>> 0 } : {});
      const spec = displayPath(DEMO_SPEC_PATH, io.cwd);
      io.stdout(`Example API started at ${result.baseUrl} (spec: ${spec})\n\n`);
      io.stdout(`$ apigate lint ${spec}\n`);
      const lintOutput = getFormatter('stylish')(result.lint.findings, {
        cwd: io.cwd,
        rules: result.lint.rules,
        files: result.lint.files,
        color: io.color,
        toolVersion: VERSION,
      });
      io.stdout(lintOutput.trim() === '' ? 'No problems found.\n' : lintOutput);
      io.stdout(`\n$ apigate contract --spec ${spec} --base-url ${result.baseUrl} --config <two identities: alice, bob>\n`);
      io.stdout(getContractFormatter('stylish')(result.contract, { color: io.color }));
      const lintFailed = result.lint.findings.some((finding) => isAtLeast(finding.severity, 'error'));
      setExitCode(lintFailed || result.contract.summary.failed > 0 ? 1 : 0);
    });
}
