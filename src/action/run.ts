import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { matchBaseline, readBaseline } from '../baseline/baseline.js';
import { discoverConfig } from '../config.js';
import { identitiesFromConfig } from '../contract/identity.js';
import { formatJson as formatContractJson } from '../contract/report/json.js';
import type { ContractReport } from '../contract/report/types.js';
import { runContract } from '../contract/runner.js';
import { checkThresholds, coverage } from '../coverage/index.js';
import type { CoverageReport } from '../coverage/types.js';
import { diff } from '../diff/index.js';
import { toFindings } from '../diff/findings.js';
import { isApigateError } from '../errors.js';
import { lint } from '../lint/lint.js';
import { json } from '../report/json.js';
import { sarif } from '../report/sarif.js';
import { stylish } from '../report/stylish.js';
import type { FormatContext } from '../report/types.js';
import { isAtLeast, type Finding, type RuleMeta } from '../types.js';
import { sanitizeText } from '../util/escape.js';
import { writeFileAtomic } from '../util/files.js';
import { displayPath } from '../util/paths.js';
import { VERSION } from '../version.js';
import { planAnnotations } from './annotations.js';
import { changedLines, readPullRequestEvent, type PullRequestEvent } from './changed-lines.js';
import { COMMENT_MAX_CHARS, buildSummary, type BaselineTally, type SummaryInput } from './summary.js';
import { upsertStickyComment } from './comment.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { appendSummary, printInert, setOutputs, workflowCommand, type ActionIo } from './workflow.js';

const run = promisify(execFile);

/** Exit codes follow the CLI: 0 pass, 1 the gate failed, 2 the gate could not run (bad input, broken spec). */
export const EXIT_PASS = 0;
export const EXIT_FAIL = 1;
export const EXIT_ERROR = 2;

interface GateResult {
  findings: Finding[];
  rules: RuleMeta[];
  files: string[];
  failing: boolean;
  baseline?: BaselineTally;
  contract?: ContractReport;
  coverage?: { report: CoverageReport; shortfalls: string[] };
  diff?: { base: string; failing: number; changes: number };
}

/**
 * The action's entry: reads the inputs the runner passes as `INPUT_*` variables, runs the library (never a
 * shell), and reports through annotations, the job summary, outputs and an optional sticky comment. Returns
 * the exit code; the comment and SARIF are extras whose failure never changes it.
 */
export async function runAction(env: NodeJS.ProcessEnv, io: ActionIo): Promise<number> {
  const workspace = resolve(env['GITHUB_WORKSPACE'] || process.cwd());
  const temporary = resolve(env['RUNNER_TEMP'] || tmpdir());
  let inputs: ActionInputs | undefined;
  let event: PullRequestEvent | undefined;
  let root = workspace;
  let result: GateResult | undefined;
  let error: string | undefined;
  try {
    inputs = readInputs(env);
    event = await readPullRequestEvent(env['GITHUB_EVENT_PATH']);
    const cwd = resolve(workspace, inputs.workingDirectory);
    root = await repositoryRoot(cwd, workspace);
    result = await runGate(inputs, cwd, root, event, temporary, io);
  } catch (caught) {
    if (!isApigateError(caught)) throw caught;
    error = caught.message;
  }

  const summaryInput: SummaryInput = {
    result: error !== undefined || result?.failing ? 'fail' : 'pass',
    failSeverity: inputs?.failSeverity ?? 'error',
    root,
    findings: result?.findings ?? [],
    notAnnotated: 0,
    toolVersion: VERSION,
    ...(error !== undefined ? { error } : {}),
    ...(result?.baseline ? { baseline: result.baseline } : {}),
    ...(result?.contract ? { contract: result.contract } : {}),
    ...(result?.coverage ? { coverage: result.coverage } : {}),
    ...(result?.diff ? { diff: result.diff } : {}),
  };

  if (error !== undefined) {
    // A broken spec names its file in the message; the annotation carries it to the run's overview.
    io.stdout(workflowCommand('error', { title: 'apigate' }, error));
  } else if (result) {
    const changed = event ? await changedLines(root, event, result.files) : undefined;
    const plan = planAnnotations(result.findings, changed, root);
    summaryInput.notAnnotated = plan.notAnnotated;
    const context: FormatContext = { cwd: root, rules: result.rules, files: result.files, color: false, toolVersion: VERSION };
    printInert(io, stylish(result.findings, context));
    for (const line of plan.lines) io.stdout(line);
  }

  const outputs: Record<string, string | number> = {
    errors: (result?.findings ?? []).filter((finding) => finding.severity === 'error').length,
    warnings: (result?.findings ?? []).filter((finding) => finding.severity === 'warn').length,
    result: summaryInput.result,
  };
  if (result) {
    const context: FormatContext = { cwd: root, rules: result.rules, files: result.files, color: false, toolVersion: VERSION };
    const findingsFile = join(await mkdtemp(join(temporary, 'apigate-')), 'findings.json');
    await writeFileAtomic(findingsFile, json(result.findings, context));
    outputs['findings-file'] = findingsFile;
    if (inputs?.sarifFile) {
      const sarifFile = resolve(workspace, inputs.sarifFile);
      await writeFileAtomic(sarifFile, sarif(result.findings, context));
      outputs['sarif-file'] = sarifFile;
    }
    if (result.coverage) {
      outputs['coverage-operations'] = percentOutput(result.coverage.report.totals.operations.percent);
      outputs['coverage-responses'] = percentOutput(result.coverage.report.totals.responses.percent);
    }
  }
  await setOutputs(env['GITHUB_OUTPUT'], outputs, io);
  await appendSummary(env['GITHUB_STEP_SUMMARY'], buildSummary(summaryInput));

  if (inputs?.comment) await comment(env, inputs, event, summaryInput, io);
  if (error !== undefined) return EXIT_ERROR;
  return result?.failing ? EXIT_FAIL : EXIT_PASS;
}

async function runGate(inputs: ActionInputs, cwd: string, root: string, event: PullRequestEvent | undefined, temporary: string, io: ActionIo): Promise<GateResult> {
  const report = await lint(inputs.specs, { ruleset: inputs.ruleset, config: inputs.config, cwd });
  let findings = report.findings;
  let baseline: BaselineTally | undefined;
  if (inputs.baseline) {
    const loaded = await readBaseline(resolve(cwd, inputs.baseline));
    const match = matchBaseline(findings, loaded);
    findings = match.findings;
    baseline = { file: displayPath(loaded.file, root), baselined: match.baselined, fixed: match.fixed, expired: match.expired.length };
  }
  let failing = findings.some((finding) => isAtLeast(finding.severity, inputs.failSeverity));
  const rules = [...report.rules];

  let diffResult: GateResult['diff'];
  if (inputs.diffBase) {
    const base = inputs.diffBase === 'pull-request' ? event?.baseSha : inputs.diffBase;
    if (base) {
      let changes = 0;
      let failingChanges = 0;
      for (const file of report.files) {
        const repoPath = relative(root, file).split('\\').join('/');
        if (repoPath.startsWith('..') || isAbsolute(repoPath)) continue;
        if (!(await existsAt(root, base, repoPath))) continue;
        const changed = await diff(`git:${base}:${repoPath}`, file, { cwd, ...(inputs.config ? { config: inputs.config } : {}) });
        changes += changed.changes.length;
        failingChanges += changed.failing.length;
        findings = [...findings, ...toFindings(changed.failing)];
        rules.push(...changed.checks.filter((check) => !rules.some((rule) => rule.id === check.id)));
      }
      if (failingChanges > 0) failing = true;
      diffResult = { base, changes, failing: failingChanges };
    } else {
      io.stdout(workflowCommand('notice', { title: 'apigate' }, 'diff-base: pull-request was given outside a pull request; the breaking-change check was skipped'));
    }
  }

  let contract: ContractReport | undefined;
  let coverageResult: GateResult['coverage'];
  if (inputs.baseUrl) {
    const spec = report.files[0]!;
    // Credentials come from the config's contract.identities, whose ${ENV} references a workflow fills from secrets.
    const config = await discoverConfig(inputs.config && resolve(cwd, inputs.config), cwd);
    const identities = config ? identitiesFromConfig(config.contract['identities'], displayPath(config.path, root)) : [];
    contract = await runContract({ spec, baseUrl: inputs.baseUrl, cwd, identities });
    if (contract.summary.failed > 0) failing = true;
    const reportFile = join(await mkdtemp(join(temporary, 'apigate-contract-')), 'contract.json');
    await writeFile(reportFile, formatContractJson(contract), 'utf8');
    const measured = await coverage({ spec, inputs: [{ file: reportFile }], cwd });
    const shortfalls = checkThresholds(measured.totals, { operations: inputs.coverageMinOperations, responses: inputs.coverageMinResponses }).map(
      (shortfall) => shortfall.message,
    );
    if (shortfalls.length > 0) failing = true;
    coverageResult = { report: measured, shortfalls };
  }

  return {
    findings,
    rules,
    files: report.files,
    failing,
    ...(baseline ? { baseline } : {}),
    ...(contract ? { contract } : {}),
    ...(coverageResult ? { coverage: coverageResult } : {}),
    ...(diffResult ? { diff: diffResult } : {}),
  };
}

async function comment(env: NodeJS.ProcessEnv, inputs: ActionInputs, event: PullRequestEvent | undefined, summary: SummaryInput, io: ActionIo): Promise<void> {
  const repository = event?.repository ?? env['GITHUB_REPOSITORY'];
  if (!event || !repository) {
    io.stdout(workflowCommand('notice', { title: 'apigate' }, 'comment: not a pull request event, so no comment was posted'));
    return;
  }
  if (!inputs.githubToken) {
    io.stdout(workflowCommand('notice', { title: 'apigate' }, 'comment: no github-token, so no comment was posted'));
    return;
  }
  const outcome = await upsertStickyComment(
    { apiUrl: env['GITHUB_API_URL'] || 'https://api.github.com', token: inputs.githubToken, repository, issueNumber: event.number },
    buildSummary(summary, COMMENT_MAX_CHARS - 200),
  );
  if (outcome.status === 'forbidden') {
    io.stdout(
      workflowCommand(
        'notice',
        { title: 'apigate' },
        `comment: the token may not comment on this pull request (HTTP ${outcome.httpStatus}; pull requests from forks get a read-only token). The result is in the job summary.`,
      ),
    );
  } else if (outcome.status === 'failed') {
    io.stdout(workflowCommand('warning', { title: 'apigate' }, `comment: not posted: ${sanitizeText(outcome.reason, 300)}`));
  } else {
    io.stdout(`apigate: pull request comment ${outcome.status}\n`);
  }
}

function percentOutput(percent: number | null): string {
  return percent === null ? '' : String(Math.round(percent * 10) / 10);
}

/** The git repository holding `cwd` (annotation paths are relative to it); the workspace when there is none. */
async function repositoryRoot(cwd: string, workspace: string): Promise<string> {
  try {
    const { stdout } = await run('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8' });
    return resolve(stdout.trim());
  } catch {
    return workspace;
  }
}

async function existsAt(root: string, ref: string, path: string): Promise<boolean> {
  try {
    await run('git', ['cat-file', '-e', '--end-of-options', `${ref}:${path}`], { cwd: root });
    return true;
  } catch {
    return false;
  }
}
