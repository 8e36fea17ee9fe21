import { Command, Option } from 'commander';
import { getFormatter, FORMAT_NAMES } from '../report/index.js';
import { isAtLeast, SEVERITIES, type Severity } from '../types.js';
import { writeFileAtomic } from '../util/files.js';
import { VERSION } from '../version.js';
import { pairFormatsWithOutputs } from './outputs.js';
import { parseByteSize, parsePositiveInteger, type CliIo } from './io.js';
import { DEFAULT_LIMITS } from '../lint/limits.js';
import type { RuleTiming } from '../lint/instrument.js';
import { applyGateOptions, GATE_FLAG_HELP, type GateFlags } from '../baseline/cli.js';

interface LintFlags extends GateFlags {
  ruleset?: string;
  config?: string;
  failSeverity: Severity;
  allowExternalRefs?: boolean;
  allowRemoteRefs?: boolean;
  maxDocumentSize?: string;
  maxNestingDepth?: string;
  maxAliasExpansion?: string;
  maxRefExpansion?: string;
  timing?: boolean;
}

export function lintCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('lint')
    .description('Lint OpenAPI documents against the apigate style guide (or any Spectral ruleset).')
    .argument('<specs...>', 'spec files or globs (YAML or JSON, OpenAPI 3.0/3.1 or Swagger 2.0)')
    .option('-r, --ruleset <file>', 'ruleset file or built-in name (apigate:recommended, spectral:oas)')
    .option('-c, --config <file>', 'config file (default: apigate.config.yaml in the working directory)')
    .addOption(new Option('-f, --format <name>', `output format, repeatable: ${FORMAT_NAMES.join(', ')}`).default(['stylish']))
    .option('-o, --output <file>', 'write the preceding --format to a file instead of standard output (repeatable)')
    .addOption(new Option('--fail-severity <level>', 'exit 1 when a finding is at least this severe').choices([...SEVERITIES]).default('error'))
    .option('--allow-external-refs', "let $refs, rulesets and functions read files outside the spec's folder and the working directory")
    .option('--allow-remote-refs', 'let $refs fetch http(s) URLs (link-local and metadata addresses stay blocked)')
    .option('--max-document-size <bytes>', 'largest spec file accepted, e.g. 20MiB', '20MiB')
    .option('--max-nesting-depth <n>', 'deepest nesting of mappings and sequences accepted', String(DEFAULT_LIMITS.maxNestingDepth))
    .option('--max-alias-expansion <n>', 'most YAML nodes a document may expand to through aliases', String(DEFAULT_LIMITS.maxAliasExpansion))
    .option('--max-ref-expansion <n>', 'most nodes a document may expand to with its $refs inlined', String(DEFAULT_LIMITS.maxRefExpansion))
    .option('--timing', 'print the time each rule took to standard error')
    .option('--baseline <file>', GATE_FLAG_HELP.baseline)
    .option('--write-baseline <file>', GATE_FLAG_HELP.writeBaseline)
    .option('--new-since <git:ref>', GATE_FLAG_HELP.newSince)
    .action(async (specs: string[], flags: LintFlags, command: Command) => {
      const targets = pairFormatsWithOutputs(command.parent?.args ?? io.argv, 'stylish');
      const formatters = targets.map((target) => ({ ...target, formatter: getFormatter(target.format) }));
      const report = await applyGateOptions(flags, io, specs, {
        ruleset: flags.ruleset,
        config: flags.config,
        cwd: io.cwd,
        allowExternalRefs: flags.allowExternalRefs,
        allowRemoteRefs: flags.allowRemoteRefs,
        maxDocumentBytes: parseByteSize(flags.maxDocumentSize ?? '20MiB', '--max-document-size'),
        maxNestingDepth: parsePositiveInteger(flags.maxNestingDepth ?? String(DEFAULT_LIMITS.maxNestingDepth), '--max-nesting-depth'),
        maxAliasExpansion: parsePositiveInteger(flags.maxAliasExpansion ?? String(DEFAULT_LIMITS.maxAliasExpansion), '--max-alias-expansion'),
        maxRefExpansion: parsePositiveInteger(flags.maxRefExpansion ?? String(DEFAULT_LIMITS.maxRefExpansion), '--max-ref-expansion'),
        timing: flags.timing ?? false,
      });
      if (report.timings) io.stderr(formatTimings(report.timings));
      for (const target of formatters) {
        const output = target.formatter(report.findings, {
          cwd: io.cwd,
          rules: report.rules,
          files: report.files,
          color: target.file === undefined && io.color,
          toolVersion: VERSION,
        });
        if (target.file) await writeFileAtomic(target.file, output);
        else io.stdout(output);
      }
      const failing = report.findings.some((finding) => isAtLeast(finding.severity, flags.failSeverity));
      setExitCode(failing ? 1 : 0);
    });
}

/** A table of rule costs, slowest first, like ESLint's TIMING output. */
export function formatTimings(timings: RuleTiming[]): string {
  const total = timings.reduce((sum, t) => sum + t.milliseconds, 0);
  const width = Math.max(4, ...timings.map((t) => t.ruleId.length));
  const lines = [`${'Rule'.padEnd(width)}  ${'Time (ms)'.padStart(10)}  ${'Relative'.padStart(8)}  ${'Calls'.padStart(8)}`];
  for (const t of timings) {
    const share = total > 0 ? (100 * t.milliseconds) / total : 0;
    lines.push(`${t.ruleId.padEnd(width)}  ${t.milliseconds.toFixed(1).padStart(10)}  ${`${share.toFixed(1)}%`.padStart(8)}  ${String(t.calls).padStart(8)}`);
  }
  lines.push(`${'total'.padEnd(width)}  ${total.toFixed(1).padStart(10)}`);
  return `${lines.join('\n')}\n`;
}
