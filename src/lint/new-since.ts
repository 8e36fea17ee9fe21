import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { createBaseline, matchBaseline } from '../baseline/baseline.js';
import { discoverConfig } from '../config.js';
import { ApigateError } from '../errors.js';
import type { Finding } from '../types.js';
import { sanitizeText } from '../util/escape.js';
import { lint, type LintOptions, type LintReport } from './lint.js';

const run = promisify(execFile);

/** Spec-like files copied out of the old revision so relative `$ref`s resolve there as they did then. */
const SPEC_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const MAX_FILES = 20_000;
const MAX_TOTAL_BYTES = 256 * 1024 * 1024;
/** Scratch space inside the working directory (ignored by git), so the same `$ref` and ruleset policy applies. */
const SCRATCH_DIR = '.apigate-tmp';

export interface NewSinceReport extends LintReport {
  /** The revision compared against, as given. */
  ref: string;
  /** Findings of the current version that already existed at `ref`. */
  existing: number;
}

/** `git:REF` → `REF`; anything else is a usage error. */
export function parseNewSince(value: string): string {
  const match = /^git:(.+)$/.exec(value.trim());
  const ref = match?.[1];
  if (!ref || ref.startsWith('-') || /[\s\u0000]/.test(ref)) {
    throw new ApigateError('E_USAGE', `--new-since: "${sanitizeText(value, 200)}" is not a git revision (write git:REF, e.g. git:origin/main)`);
  }
  return ref;
}

/**
 * Lints the specs as they are and as they were at `ref` (with the same ruleset) and keeps only findings whose
 * fingerprint did not exist before, so a pull request is judged on what it adds.
 */
export async function lintNewSince(patterns: string | string[], ref: string, options: LintOptions = {}): Promise<NewSinceReport> {
  const cwd = await realpath(resolve(options.cwd ?? process.cwd()));
  const current = await lint(patterns, { ...options, cwd });
  const root = await gitRoot(cwd);
  const commit = await resolveCommit(root, ref);

  await mkdir(join(cwd, SCRATCH_DIR), { recursive: true });
  const scratch = await mkdtemp(join(cwd, SCRATCH_DIR, 'new-since-'));
  try {
    // $refs may only leave the spec's folder and the working directory when external refs are allowed.
    const folders = options.allowExternalRefs
      ? ['']
      : [relative(root, cwd), ...current.files.map((file) => relative(root, dirname(file)))].filter((folder) => !folder.startsWith('..'));
    const present = await materialise(root, commit, folders, scratch);
    const oldFiles = current.files.map((file) => relative(root, file)).filter((file) => present.has(toGitPath(file)));
    let before: Finding[] = [];
    if (oldFiles.length > 0) {
      const old = await lint(
        oldFiles.map((file) => join(scratch, file)),
        { ...options, cwd, ...(options.config ? {} : await pinDiscoveredConfig(options, cwd)) },
      ).catch((error: unknown) => {
        if (error instanceof ApigateError) {
          throw new ApigateError(error.code, `at ${ref}: ${error.message.split(scratch + sep).join('')}`);
        }
        throw error;
      });
      // Findings at the old revision are moved back onto the real paths, so fingerprints compare equal.
      before = old.findings.map((finding) => (finding.file?.startsWith(scratch + sep) ? { ...finding, file: join(root, relative(scratch, finding.file)) } : finding));
    }
    const baselineFile = join(cwd, 'new-since.json');
    const match = matchBaseline(current.findings, createBaseline(before, baselineFile));
    return { ...current, findings: match.findings, ref, existing: match.baselined };
  } finally {
    await rm(scratch, { recursive: true, force: true });
    // Leaves no trace in the user's tree when nothing else uses the scratch folder.
    await rmdir(join(cwd, SCRATCH_DIR)).catch(() => undefined);
  }
}

/** The config in force now also judges the old revision; otherwise a rule change would look like new findings. */
async function pinDiscoveredConfig(options: LintOptions, cwd: string): Promise<Partial<LintOptions>> {
  if (options.ruleset) return {};
  const config = await discoverConfig(undefined, cwd);
  return config ? { config: config.path } : {};
}

async function git(root: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd: root, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  return stdout;
}

async function gitRoot(cwd: string): Promise<string> {
  try {
    return await realpath((await git(cwd, ['rev-parse', '--show-toplevel'])).trim());
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ApigateError('E_USAGE', missing ? '--new-since needs git, and git is not installed' : `--new-since: ${cwd} is not inside a git repository`);
  }
}

async function resolveCommit(root: string, ref: string): Promise<string> {
  try {
    return (await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
  } catch {
    throw new ApigateError(
      'E_USAGE',
      `--new-since: git revision "${sanitizeText(ref, 200)}" not found (in CI, fetch it first, e.g. fetch-depth: 0 or git fetch origin ${sanitizeText(ref, 200)})`,
    );
  }
}

function toGitPath(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * Writes the YAML and JSON files of `folders` as they were at `commit` under `target`, through one
 * `git cat-file --batch` process. Returns the repository-relative paths written.
 */
async function materialise(root: string, commit: string, folders: string[], target: string): Promise<Set<string>> {
  const listing = await git(root, ['ls-tree', '-r', '-z', '--full-tree', '--name-only', commit, '--', ...new Set(folders.map((folder) => toGitPath(folder) || '.'))]);
  const paths = listing
    .split('\u0000')
    .filter((path) => path !== '' && !path.includes('\n') && SPEC_EXTENSIONS.has(extname(path).toLowerCase()) && !path.split('/').includes(SCRATCH_DIR));
  if (paths.length > MAX_FILES) {
    throw new ApigateError('E_LIMIT', `--new-since: more than ${MAX_FILES} YAML/JSON files at the old revision; run apigate from the folder that holds the spec`);
  }
  const blobs = await catFiles(root, paths.map((path) => `${commit}:${path}`));
  const written = new Set<string>();
  for (const [index, content] of blobs.entries()) {
    const path = paths[index]!;
    if (content === undefined) continue;
    const destination = join(target, ...path.split('/'));
    await mkdir(dirname(destination), { recursive: true });
    await writeFile(destination, content);
    written.add(path);
  }
  return written;
}

function catFiles(root: string, objects: string[]): Promise<Array<Buffer | undefined>> {
  return new Promise((resolvePromise, reject) => {
    if (objects.length === 0) return resolvePromise([]);
    const child = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let total = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > MAX_TOTAL_BYTES) {
        child.kill();
        reject(new ApigateError('E_LIMIT', '--new-since: the old revision of the spec folder is larger than 256 MiB'));
        return;
      }
      chunks.push(chunk);
    });
    child.on('error', (error) => reject(new ApigateError('E_USAGE', `--new-since: cannot run git (${error.message})`)));
    child.on('close', () => {
      const output = Buffer.concat(chunks);
      const results: Array<Buffer | undefined> = [];
      let offset = 0;
      for (let index = 0; index < objects.length; index += 1) {
        const end = output.indexOf(0x0a, offset);
        if (end < 0) break;
        const header = output.subarray(offset, end).toString('utf8');
        offset = end + 1;
        const match = /^\S+ (\w+) (\d+)$/.exec(header);
        if (!match) {
          results.push(undefined);
          continue;
        }
        const size = Number(match[2]);
        results.push(match[1] === 'blob' ? output.subarray(offset, offset + size) : undefined);
        offset += size + 1;
      }
      resolvePromise(results);
    });
    child.stdin.end(`${objects.join('\n')}\n`);
  });
}
