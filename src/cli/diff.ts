import { Command, Option } from 'commander';
import { diff, type DiffReport } from '../diff/index.js';
import { toFindings } from '../diff/findings.js';
import { jsonChanges } from '../diff/format/json.js';
import { markdownChangelog } from '../diff/format/markdown.js';
import { stylishChanges } from '../diff/format/stylish.js';
import { FAIL_ON_VALUES, type FailOn } from '../diff/options.js';
import { getFormatter } from '../report/index.js';
import { sanitizeText } from '../util/escape.js';
import { writeFileAtomic } from '../util/files.js';
import { VERSION } from '../version.js';
import { parseByteSize, type CliIo } from './io.js';
import { pairFormatsWithOutputs } from './outputs.js';

interface DiffFlags {
  config?: string;
  failOn?: FailOn;
  approvals?: string;
  allowExternalRefs?: boolean;
  maxDocumentSize?: string;
}

type Render = (report: DiffReport, toTerminal: boolean) => string;

/** The diff's own renderings; any other name goes to the shared finding formatters (sarif, github, …). */
function renderer(name: string, io: CliIo): Render {
  switch (name) {
    case 'stylish':
      return (report, toTerminal) => stylishChanges(report, { cwd: io.cwd, color: toTerminal && io.color });
    case 'json':
      return (report) => jsonChanges(report);
    case 'markdown':
      return (report) => `${markdownChangelog(report)}\n`;
    default: {
      const formatter = getFormatter(name);
      return (report, toTerminal) =>
        formatter(toFindings(report.changes), { cwd: io.cwd, rules: report.checks, files: [report.head.file], color: toTerminal && io.color, toolVersion: VERSION });
    }
  }
}

export function diffCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('diff')
    .description('Report the changes between two OpenAPI documents and fail on breaking ones.')
    .argument('<base>', 'the released spec: a file, an http(s) URL, or git:REF:path (e.g. git:origin/main:openapi.yaml)')
    .argument('<head>', 'the proposed spec, in the same forms')
    .addOption(new Option('-f, --format <name>', 'output format, repeatable: stylish, json, markdown, sarif, github').default(['stylish']))
    .option('-o, --output <file>', 'write the preceding --format to a file instead of standard output (repeatable)')
    .addOption(new Option('--fail-on <level>', 'exit 1 when a change at this level or above is not allowed (default: breaking)').choices([...FAIL_ON_VALUES]))
    .option('-c, --config <file>', 'config file (default: apigate.config.yaml in the working directory)')
    .option('--approvals <file>', 'approved changes file (default: .apigate-approved-changes.yaml in the working directory)')
    .option('--allow-external-refs', "let $refs read files outside each spec's folder")
    .option('--max-document-size <bytes>', 'largest spec file accepted, e.g. 20MiB', '20MiB')
    .action(async (base: string, head: string, flags: DiffFlags, command: Command) => {
      const targets = pairFormatsWithOutputs(command.parent?.args ?? io.argv, 'stylish').map((target) => ({ ...target, render: renderer(target.format, io) }));
      const report = await diff(base, head, {
        cwd: io.cwd,
        config: flags.config,
        failOn: flags.failOn,
        approvals: flags.approvals,
        allowExternalRefs: flags.allowExternalRefs,
        maxDocumentBytes: parseByteSize(flags.maxDocumentSize ?? '20MiB', '--max-document-size'),
      });
      for (const target of targets) {
        const output = target.render(report, target.file === undefined);
        if (target.file) await writeFileAtomic(target.file, output);
        else io.stdout(output);
      }
      const stylishOnTerminal = targets.some((target) => target.format === 'stylish' && target.file === undefined);
      if (!stylishOnTerminal) {
        for (const approval of report.unusedApprovals) {
          io.stderr(`apigate: unused approval: ${approval.check} at ${sanitizeText(approval.location, 500)} matches no change\n`);
        }
      }
      setExitCode(report.failing.length > 0 ? 1 : 0);
    });
}
