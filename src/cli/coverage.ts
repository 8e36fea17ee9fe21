import { resolve } from 'node:path';
import { Command } from 'commander';
import { checkThresholds, coverage, COVERAGE_FORMAT_NAMES, getCoverageFormatter, type CoverageInput, type CoverageThresholds } from '../coverage/index.js';
import { ApigateError } from '../errors.js';
import { writeFileAtomic } from '../util/files.js';
import { VERSION } from '../version.js';
import type { CliIo } from './io.js';
import { pairFormatsWithOutputs } from './outputs.js';

interface CoverageFlags {
  spec: string;
  har: string[];
  minOperations?: string;
  minResponses?: string;
  minAuth?: string;
}

function parsePercent(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text.trim().replace(/%$/, ''));
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) {
    throw new ApigateError('E_USAGE', `${flag}: "${text}" is not a percentage between 0 and 100`);
  }
  return value;
}

export function coverageCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('coverage')
    .description('Show which operations, documented statuses and auth scenarios contract runs, proxied test suites or HAR files exercised.')
    .argument('[inputs...]', '"apigate contract --report json" files (shards merge) and "apigate proxy --record" files')
    .requiredOption('-s, --spec <file>', 'the OpenAPI document to measure against')
    .option('--har <file>', 'a HAR file exported by a browser, Playwright or an HTTP client (repeatable)', (value: string, previous: string[]) => [...previous, value], [])
    .option('-f, --format <name>', `output format, repeatable: ${COVERAGE_FORMAT_NAMES.join(', ')} (default: text)`)
    .option('-o, --output <file>', 'write the preceding --format to a file instead of standard output (repeatable)')
    .option('--min-operations <pct>', 'exit 1 when fewer operations than this percentage were exercised')
    .option('--min-responses <pct>', 'exit 1 when fewer documented responses than this percentage were observed')
    .option('--min-auth <pct>', 'exit 1 when fewer auth scenarios of secured operations than this percentage were exercised')
    .action(async (files: string[], flags: CoverageFlags, command: Command) => {
      const targets = pairFormatsWithOutputs(command.parent?.args ?? io.argv, 'text').map((target) => ({ ...target, formatter: getCoverageFormatter(target.format) }));
      const thresholds: CoverageThresholds = {
        operations: parsePercent(flags.minOperations, '--min-operations'),
        responses: parsePercent(flags.minResponses, '--min-responses'),
        auth: parsePercent(flags.minAuth, '--min-auth'),
      };
      const inputs: CoverageInput[] = [...files.map((file) => ({ file })), ...flags.har.map((file) => ({ file, har: true }))];
      if (inputs.length === 0) {
        throw new ApigateError('E_USAGE', 'no inputs: give contract reports or proxy recordings as arguments, or HAR files with --har');
      }
      const report = await coverage({ spec: flags.spec, inputs, cwd: io.cwd });
      for (const target of targets) {
        const output = target.formatter(report, { color: target.file === undefined && io.color, toolVersion: VERSION });
        if (target.file) await writeFileAtomic(resolve(io.cwd, target.file), output);
        else io.stdout(output);
      }
      const shortfalls = checkThresholds(report.totals, thresholds);
      for (const shortfall of shortfalls) io.stderr(`apigate coverage: ${shortfall.message}\n`);
      setExitCode(shortfalls.length > 0 ? 1 : 0);
    });
}
