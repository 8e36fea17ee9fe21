import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What the action needs from the event payload of a pull request. */
export interface PullRequestEvent {
  number: number;
  baseSha: string;
  headSha: string;
  /** `owner/name` of the repository the pull request is against. */
  repository?: string;
}

/** Reads `GITHUB_EVENT_PATH`; anything that is not a pull request event gives `undefined`. */
export async function readPullRequestEvent(path: string | undefined): Promise<PullRequestEvent | undefined> {
  if (!path) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return undefined;
  }
  const event = payload as {
    pull_request?: { number?: unknown; base?: { sha?: unknown }; head?: { sha?: unknown } };
    repository?: { full_name?: unknown };
  };
  const pr = event?.pull_request;
  if (!pr || typeof pr.number !== 'number' || typeof pr.base?.sha !== 'string' || typeof pr.head?.sha !== 'string') return undefined;
  return {
    number: pr.number,
    baseSha: pr.base.sha,
    headSha: pr.head.sha,
    ...(typeof event.repository?.full_name === 'string' ? { repository: event.repository.full_name } : {}),
  };
}

/** Absolute file path → line numbers (1-based) the pull request added or changed. */
export type ChangedLines = Map<string, Set<number>>;

/**
 * The lines the pull request touched in `files`, from `git diff --unified=0 BASE HEAD` (an argument array, no
 * shell; no network). `undefined` when git cannot tell, e.g. a shallow clone without the base commit: the
 * caller then orders annotations by severity alone.
 */
export async function changedLines(repositoryRoot: string, event: PullRequestEvent, files: string[]): Promise<ChangedLines | undefined> {
  const inside = files.map((file) => relative(repositoryRoot, file)).filter((file) => !file.startsWith('..'));
  if (inside.length === 0 || !/^[0-9a-f]{7,64}$/i.test(event.baseSha) || !/^[0-9a-f]{7,64}$/i.test(event.headSha)) return undefined;
  try {
    const { stdout } = await run(
      'git',
      ['-c', 'core.quotePath=false', 'diff', '--no-color', '--no-ext-diff', '--unified=0', event.baseSha, event.headSha, '--', ...inside.map((file) => file.split(sep).join('/'))],
      { cwd: repositoryRoot, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
    );
    return parseUnifiedDiff(stdout, repositoryRoot);
  } catch {
    return undefined;
  }
}

/** Reads `+++ b/path` and `@@ -a,b +c,d @@` headers; with zero context every new-side line is a changed line. */
export function parseUnifiedDiff(diff: string, repositoryRoot: string): ChangedLines {
  const changed: ChangedLines = new Map();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      current = undefined;
      if (target.startsWith('b/')) {
        const file = resolve(repositoryRoot, target.slice(2));
        current = changed.get(file) ?? new Set();
        changed.set(file, current);
      }
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let offset = 0; offset < count; offset += 1) current.add(start + offset);
    }
  }
  return changed;
}
