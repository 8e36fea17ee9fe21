import { Command, Option } from 'commander';
import { lint } from '../lint/lint.js';
import { getFormatter, FORMAT_NAMES } from '../report/index.js';
import { isAtLeast, SEVERITIES, type Severity } from '../types.js';
import { writeFileAtomic } from '../util/files.js';
import { VERSION } from '../version.js';
import { pairFormatsWithOutputs } from './outputs.js';
import { parseByteSize, type CliIo } from './io.js';

interface LintFlags {
  ruleset?: string;
  config?: string;
  failSeverity: Severity;
  allowExternalRefs?: boolean;
  allowRemoteRefs?: boolean;
  maxDocumentSize?: string;
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
    .action(async (specs: string[], flags: LintFlags, command: Command) => {
      const targets = pairFormatsWithOutputs(command.parent?.args ?? io.argv, 'stylish');
      const formatters = targets.map((target) => ({ ...target, formatter: getFormatter(target.format) }));
      const report = await lint(specs, {
        ruleset: flags.ruleset,
        config: flags.config,
        cwd: io.cwd,
        allowExternalRefs: flags.allowExternalRefs,
        allowRemoteRefs: flags.allowRemoteRefs,
        maxDocumentBytes: parseByteSize(flags.maxDocumentSize ?? '20MiB', '--max-document-size'),
      });
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
