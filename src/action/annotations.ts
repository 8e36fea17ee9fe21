import { severityRank, type Finding, type Severity } from '../types.js';
import { displayPath } from '../util/paths.js';
import type { ChangedLines } from './changed-lines.js';
import { workflowCommand, type CommandName } from './workflow.js';

/** GitHub shows at most this many annotations of each level per step and drops the rest silently. */
export const ANNOTATION_LIMIT = 10;

const COMMAND: Record<Severity, CommandName> = { error: 'error', warn: 'warning', info: 'notice', hint: 'notice' };

export interface AnnotationPlan {
  lines: string[];
  annotated: number;
  /** Findings that did not get an annotation because of the per-level limit. */
  notAnnotated: number;
}

/**
 * Chooses which findings become annotations: the ones on lines the pull request changed come first, since
 * that is where the author is looking, then the most severe, each level up to GitHub's limit.
 */
export function planAnnotations(findings: Finding[], changed: ChangedLines | undefined, repositoryRoot: string): AnnotationPlan {
  const touches = (finding: Finding): boolean => {
    if (!changed || finding.file === undefined || !finding.range) return false;
    const lines = changed.get(finding.file);
    if (!lines) return false;
    for (let line = finding.range.start.line; line <= finding.range.end.line; line += 1) if (lines.has(line)) return true;
    return false;
  };
  const ranked = findings
    .map((finding, index) => ({ finding, index, onChange: touches(finding) }))
    .sort((a, b) => Number(b.onChange) - Number(a.onChange) || severityRank(a.finding.severity) - severityRank(b.finding.severity) || a.index - b.index);
  const used = new Map<CommandName, number>();
  const lines: string[] = [];
  for (const { finding } of ranked) {
    const command = COMMAND[finding.severity];
    const count = used.get(command) ?? 0;
    if (count >= ANNOTATION_LIMIT) continue;
    used.set(command, count + 1);
    lines.push(annotation(finding, command, repositoryRoot));
  }
  return { lines, annotated: lines.length, notAnnotated: findings.length - lines.length };
}

/** File paths are relative to the repository root: that is how GitHub places an annotation on the diff. */
function annotation(finding: Finding, command: CommandName, repositoryRoot: string): string {
  const range = finding.range;
  const sameLine = range !== undefined && range.start.line === range.end.line;
  return workflowCommand(
    command,
    {
      file: finding.file === undefined ? undefined : displayPath(finding.file, repositoryRoot),
      line: range?.start.line,
      endLine: range?.end.line,
      // GitHub only honours columns on single-line annotations.
      col: sameLine ? range.start.column : undefined,
      endColumn: sameLine ? range.end.column : undefined,
      title: `apigate ${finding.ruleId}`,
    },
    finding.message,
  );
}
