import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/cli.js';
import { TempRepo } from './repo.js';
import { pullRequestEvent, runAction, workflowCommands } from './run-action.js';

const PETSTORE = readFileSync(fixture('action', 'petstore.yaml'), 'utf8');
/** The pull request adds one camelCase property at the end of the Pet schema. */
const ADDED = '        petNickname:\n          type: string\n          description: The nickname.\n';

let repo: TempRepo;
let base: string;
let head: string;
beforeEach(() => {
  repo = new TempRepo();
  repo.write('api/petstore.yaml', PETSTORE);
  base = repo.commit('base');
  repo.write('api/petstore.yaml', PETSTORE + ADDED);
  head = repo.commit('head');
});
afterEach(() => repo.remove());

const addedLine = PETSTORE.split('\n').length;

describe('the action entry point, run as the runner runs it', () => {
  it('annotates changed lines first within GitHub limits, writes the summary and sets the outputs', async () => {
    const run = await runAction({
      workspace: repo.dir,
      inputs: { spec: 'api/petstore.yaml', 'fail-severity': 'error', 'sarif-file': 'out/apigate.sarif' },
      event: pullRequestEvent(base, head),
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);

    const commands = workflowCommands(run.stdout);
    const errors = commands.filter((line) => line.startsWith('::error '));
    const warnings = commands.filter((line) => line.startsWith('::warning '));
    const notices = commands.filter((line) => line.startsWith('::notice '));
    expect(errors).toEqual([
      '::error file=api/petstore.yaml,line=32,endLine=32,col=25,endColumn=26,title=apigate oas3-valid-media-example::"petAge" property type must be string',
    ]);
    // 19 warnings, 10 shown: the one on the changed line comes first although it is not the most severe or the first.
    expect(warnings).toHaveLength(10);
    expect(warnings[0]).toBe(
      `::warning file=api/petstore.yaml,line=${addedLine},endLine=${addedLine + 2},title=apigate apigate-property-snake-case::Property "petNickname" is not snake_case: rename it to "pet_nickname".`,
    );
    expect(notices).toHaveLength(3);
    // Every finding is still in the log, inside a stop-commands block the runner does not interpret.
    expect(run.stdout).toContain('Property "petLeash" is not snake_case');
    expect(commands.some((line) => line.includes('petLeash'))).toBe(false);

    expect(run.summary).toContain('## apigate: ❌ failed');
    expect(run.summary).toContain('| Errors | 1 |\n| Warnings | 19 |\n| Info | 3 |');
    expect(run.summary).toContain('| `apigate-property-snake-case` | warn | 13 |');
    expect(run.summary).toContain('> 9 findings were not annotated: GitHub shows at most 10 error, 10 warning and 10 notice annotations per step');

    expect(run.outputs).toMatchObject({ errors: '1', warnings: '19', result: 'fail', 'sarif-file': `${repo.dir}/out/apigate.sarif` });
    const findings = JSON.parse(readFileSync(run.outputs['findings-file']!, 'utf8')) as unknown;
    expect(JSON.stringify(findings)).toContain('petNickname');
    const sarif = JSON.parse(readFileSync(`${repo.dir}/out/apigate.sarif`, 'utf8')) as { runs: Array<{ results: unknown[] }> };
    expect(sarif.runs[0]!.results).toHaveLength(23);
    expect(run.outputs['coverage-operations']).toBeUndefined();
  });

  it('passes with a baseline, and the summary says how many findings it left out', async () => {
    repo.copy(fixture('action', '.apigate-baseline.json'), 'api/.apigate-baseline.json');
    repo.write('api/petstore.yaml', PETSTORE);
    const run = await runAction({ workspace: repo.dir, inputs: { spec: 'petstore.yaml', baseline: '.apigate-baseline.json', 'working-directory': 'api' } });
    expect(run.code).toBe(0);
    expect(workflowCommands(run.stdout)).toEqual([]);
    expect(run.outputs).toMatchObject({ errors: '0', warnings: '0', result: 'pass' });
    expect(run.summary).toContain('## apigate: ✅ passed');
    expect(run.summary).toContain('22 known findings left out by `api/.apigate-baseline.json`.');

    // With the pull request's new property the same baseline fails at fail-severity warn, on that finding only.
    repo.write('api/petstore.yaml', PETSTORE + ADDED);
    const strict = await runAction({
      workspace: repo.dir,
      inputs: { spec: 'petstore.yaml', baseline: '.apigate-baseline.json', 'working-directory': 'api', 'fail-severity': 'warn' },
    });
    expect(strict.code).toBe(1);
    expect(workflowCommands(strict.stdout)).toEqual([expect.stringContaining('petNickname')]);
  });

  it('with diff-base: pull-request, fails on a breaking change against the base commit and annotates it', async () => {
    const start = PETSTORE.indexOf('  /pets/{pet_id}:');
    repo.write('api/petstore.yaml', PETSTORE.slice(0, start) + PETSTORE.slice(PETSTORE.indexOf('components:')));
    const removed = repo.commit('remove the delete operation');
    const run = await runAction({
      workspace: repo.dir,
      inputs: { spec: 'api/petstore.yaml', 'diff-base': 'pull-request', 'fail-severity': 'error' },
      event: pullRequestEvent(base, removed),
    });
    expect(run.code).toBe(1);
    expect(workflowCommands(run.stdout)).toContain(
      '::error file=api/petstore.yaml,line=16,endLine=16,col=1,endColumn=1,title=apigate path-removed::DELETE /pets/{pet_id} was removed (its path no longer exists)',
    );
    expect(run.summary).toContain(`### Breaking changes\n\n1 change against \`${base}\`, 1 failing the gate.`);
    expect(run.outputs['errors']).toBe('2');
  });

  it('fails a broken spec with its one-line error as an annotation (exit 2), with summary and outputs', async () => {
    repo.write('api/petstore.yaml', 'openapi: 3.0.3\ninfo: [unclosed\n');
    const run = await runAction({ workspace: repo.dir, inputs: { spec: 'api/petstore.yaml' }, event: pullRequestEvent(base, head) });
    expect(run.code).toBe(2);
    const commands = workflowCommands(run.stdout);
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatch(/^::error title=apigate::.*api\/petstore\.yaml.*$/);
    expect(run.summary).toContain('**The gate could not run:**');
    expect(run.outputs).toMatchObject({ result: 'fail', errors: '0' });
  });

  it('rejects a bad input value with exit 2 and an annotation naming the input', async () => {
    const run = await runAction({ workspace: repo.dir, inputs: { spec: 'api/petstore.yaml', 'fail-severity': 'fatal' } });
    expect(run.code).toBe(2);
    expect(workflowCommands(run.stdout)).toEqual(['::error title=apigate::input "fail-severity": "fatal" is not one of error, warn, info, hint']);
  });

  it('with no token at all still gives annotations, summary, outputs and the exit status', async () => {
    const run = await runAction({
      workspace: repo.dir,
      inputs: { spec: 'api/petstore.yaml', comment: 'true' },
      event: pullRequestEvent(base, head),
    });
    expect(run.code).toBe(1);
    const commands = workflowCommands(run.stdout);
    expect(commands.filter((line) => line.startsWith('::error file='))).toHaveLength(1);
    expect(commands).toContain('::notice title=apigate::comment: no github-token, so no comment was posted');
    expect(run.summary).toContain('## apigate: ❌ failed');
    expect(run.outputs['result']).toBe('fail');
    expect(existsSync(run.outputs['findings-file']!)).toBe(true);
  });
});
