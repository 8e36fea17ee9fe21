import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ACTION_ENTRY = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
}

/**
 * Starts the committed bundle the way the Actions runner does: `node dist/index.js`, inputs as `INPUT_*`
 * variables (hyphens kept, as the runner keeps them), and the summary and output files as temporary files.
 */
export function runAction(options: { workspace: string; inputs: Record<string, string>; event?: unknown; env?: NodeJS.ProcessEnv }): Promise<ActionRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'apigate-runner-'));
  const summaryFile = join(scratch, 'summary.md');
  const outputFile = join(scratch, 'output.txt');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    GIT_CONFIG_GLOBAL: '/dev/null',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_REPOSITORY: 'acme/pets',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    RUNNER_TEMP: scratch,
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  if (options.event !== undefined) {
    const eventFile = join(scratch, 'event.json');
    writeFileSync(eventFile, JSON.stringify(options.event));
    env['GITHUB_EVENT_NAME'] = 'pull_request';
    env['GITHUB_EVENT_PATH'] = eventFile;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ACTION_ENTRY], { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, summary: readFileSync(summaryFile, 'utf8'), outputs: parseOutputs(readFileSync(outputFile, 'utf8')) });
    });
  });
}

/** Reads `name<<DELIMITER` blocks as the runner does. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const match = /^([\w-]+)<<(.+)$/.exec(lines[index]!);
    if (!match) continue;
    const value: string[] = [];
    for (index += 1; index < lines.length && lines[index] !== match[2]; index += 1) value.push(lines[index]!);
    outputs[match[1]!] = value.join('\n');
  }
  return outputs;
}

/** Workflow command lines (annotations and notices) the runner would act on: outside stop-commands blocks. */
export function workflowCommands(stdout: string): string[] {
  const commands: string[] = [];
  let stopToken: string | undefined;
  for (const line of stdout.split('\n')) {
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) stopToken = stop[1];
    else if (/^::(error|warning|notice)( |::)/.test(line)) commands.push(line);
  }
  return commands;
}

export function pullRequestEvent(baseSha: string, headSha: string, number = 7): unknown {
  return {
    action: 'synchronize',
    number,
    pull_request: { number, base: { sha: baseSha, ref: 'main' }, head: { sha: headSha, ref: 'feature' } },
    repository: { full_name: 'acme/pets' },
  };
}
