import { resolve } from 'node:path';
import type { CliIo } from '../cli/io.js';
import { lint, type LintOptions, type LintReport } from '../lint/lint.js';
import { lintNewSince, parseNewSince } from '../lint/new-since.js';
import { displayPath } from '../util/paths.js';
import { createBaseline, matchBaseline, readBaseline, readBaselineIfPresent, writeBaseline } from './baseline.js';

/** The pull-request flags of `apigate lint`. */
export interface GateFlags {
  baseline?: string;
  writeBaseline?: string;
  newSince?: string;
}

export const GATE_FLAG_HELP = {
  baseline: 'report and fail only on findings not recorded in this baseline file (e.g. .apigate-baseline.json)',
  writeBaseline: "record today's findings in this baseline file (reasons and expiry dates of kept entries survive) and exit 0",
  newSince: 'report only findings that did not exist at this git revision, e.g. git:origin/main',
};

/** Runs the lint and narrows its findings the way the flags ask, telling the user on stderr what was left out. */
export async function applyGateOptions(flags: GateFlags, io: CliIo, specs: string[], options: LintOptions): Promise<LintReport> {
  const ref = flags.newSince === undefined ? undefined : parseNewSince(flags.newSince);
  const baseline = flags.baseline === undefined ? undefined : await readBaseline(resolve(io.cwd, flags.baseline));
  let report: LintReport;
  if (ref !== undefined) {
    const since = await lintNewSince(specs, ref, options);
    io.stderr(`apigate: ${since.existing} finding${since.existing === 1 ? '' : 's'} already present at ${ref} left out (--new-since)\n`);
    report = since;
  } else {
    report = await lint(specs, options);
  }

  if (flags.writeBaseline !== undefined) {
    const file = resolve(io.cwd, flags.writeBaseline);
    const written = createBaseline(report.findings, file, await readBaselineIfPresent(file));
    await writeBaseline(written);
    io.stderr(`apigate: recorded ${report.findings.length} finding${report.findings.length === 1 ? '' : 's'} in ${displayPath(file, io.cwd)}\n`);
    return { ...report, findings: [] };
  }
  if (baseline) {
    const match = matchBaseline(report.findings, baseline);
    const shown = displayPath(baseline.file, io.cwd);
    const fixed = match.fixed > 0 ? `; ${match.fixed} baselined finding${match.fixed === 1 ? ' is' : 's are'} fixed (shrink the file with --write-baseline ${shown})` : '';
    io.stderr(`apigate: ${match.baselined} finding${match.baselined === 1 ? '' : 's'} left out by ${shown}${fixed}\n`);
    if (match.expired.length > 0) {
      io.stderr(`apigate: ${match.expired.length} baseline entr${match.expired.length === 1 ? 'y has' : 'ies have'} expired and count${match.expired.length === 1 ? 's' : ''} again\n`);
    }
    return { ...report, findings: match.findings };
  }
  return report;
}
