import { execFile } from 'node:child_process';
import { readFile, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { ApigateError } from '../errors.js';
import { specFileSize } from '../util/spec-file.js';
import { isInside } from '../lint/resolver.js';
import { displayPath } from '../util/paths.js';
import { fetchRemoteText } from '../util/remote.js';

/**
 * Where a document and the files its `$ref`s point to are read from. Every kind keeps references inside the
 * place the user named: the spec's folder for files, the same git revision for `git:`, the same origin and
 * folder for an explicit URL. Nothing reaches the network unless the user typed a URL.
 */
export interface SpecSource {
  /** As the user wrote it, for messages. */
  label: string;
  /** Identity of the entry document: an absolute path, a URL, or `git:REF:/abs/path`. */
  entry: string;
  read(id: string): Promise<string>;
  /** The id of `reference` (a `$ref` without its fragment) as seen from the file `from`. */
  resolve(from: string, reference: string): string;
  /** How a file id is shown to users in messages. */
  display(id: string): string;
  /** How a file id is written into reports: absolute paths and URLs as they are, git files as `git:REF:path`. */
  reportPath(id: string): string;
}

export interface SourceOptions {
  cwd: string;
  maxDocumentBytes: number;
  allowExternalRefs?: boolean;
}

const GIT_PREFIX = 'git:';

export async function openSource(spec: string, options: SourceOptions): Promise<SpecSource> {
  if (spec.startsWith(GIT_PREFIX)) return openGitSource(spec, options);
  if (/^https?:\/\//i.test(spec)) return openUrlSource(spec, options);
  return openFileSource(spec, options);
}

async function openFileSource(spec: string, options: SourceOptions): Promise<SpecSource> {
  const entry = resolve(options.cwd, spec);
  // Like lint: references may read the spec's folder and the working directory, judged on real paths so
  // `../` and symlinks cannot lead elsewhere.
  const roots = await Promise.all([dirname(entry), options.cwd].map((root) => realpath(root).catch(() => root)));
  return {
    label: spec,
    entry,
    async read(id) {
      const shown = displayPath(id, options.cwd);
      if (id !== entry && !options.allowExternalRefs) {
        const real = await realpath(id).catch(() => id);
        if (!roots.some((root) => isInside(real, root))) {
          throw new ApigateError('E_FORBIDDEN_REF', `refusing to read ${shown}: it is outside the spec's folder and the working directory (pass --allow-external-refs to allow it)`);
        }
      }
      const size = await specFileSize(id, shown);
      if (size > options.maxDocumentBytes) {
        throw new ApigateError('E_LIMIT', `${shown}: ${size} bytes is over the ${options.maxDocumentBytes}-byte document size limit (raise it with --max-document-size)`);
      }
      return readFile(id, 'utf8');
    },
    resolve: (from, reference) => resolve(dirname(from), decodeURIComponent(reference)),
    display: (id) => displayPath(id, options.cwd),
    reportPath: (id) => id,
  };
}

async function openUrlSource(spec: string, options: SourceOptions): Promise<SpecSource> {
  let base: URL;
  try {
    base = new URL(spec);
  } catch {
    throw new ApigateError('E_USAGE', `${spec}: not a valid URL`);
  }
  const folder = new URL('.', base).href;
  return {
    label: spec,
    entry: base.href,
    async read(id) {
      if (id !== base.href && !id.startsWith(folder)) {
        throw new ApigateError('E_FORBIDDEN_REF', `refusing to fetch ${id}: $refs of ${spec} may only point below ${folder}`);
      }
      return fetchRemoteText(id, { maxBytes: options.maxDocumentBytes });
    },
    resolve: (from, reference) => new URL(reference, from).href,
    display: (id) => id,
    reportPath: (id) => id,
  };
}

/** `git:REF:path`, read with `git show` so a pull request's base needs no checkout. */
async function openGitSource(spec: string, options: SourceOptions): Promise<SpecSource> {
  const rest = spec.slice(GIT_PREFIX.length);
  const separator = rest.lastIndexOf(':');
  const ref = separator > 0 ? rest.slice(0, separator) : '';
  const path = separator > 0 ? rest.slice(separator + 1) : '';
  if (!ref || !path || ref.startsWith('-')) {
    throw new ApigateError('E_USAGE', `${spec}: expected git:REF:path, e.g. git:origin/main:openapi.yaml`);
  }
  const topLevel = (await git(['rev-parse', '--show-toplevel'], options.cwd, spec)).trim();
  // Like `git show REF:path`: relative to the repository root unless written as ./path (then the working directory).
  const entry = path.startsWith('./') || path.startsWith('../') ? resolve(options.cwd, path) : resolve(topLevel, path);
  const roots = [dirname(entry), resolve(options.cwd)];
  const toRepoPath = (id: string): string => relative(topLevel, id).split(sep).join(posix.sep);
  return {
    label: spec,
    entry,
    async read(id) {
      const repoPath = toRepoPath(id);
      if (repoPath.startsWith('..') || isAbsolute(repoPath) || (id !== entry && !options.allowExternalRefs && !roots.some((root) => isInside(id, root)))) {
        throw new ApigateError('E_FORBIDDEN_REF', `refusing to read ${repoPath || id} from ${ref}: it is outside the spec's folder and the working directory`);
      }
      const text = await git(['show', `${ref}:${repoPath}`], topLevel, `${GIT_PREFIX}${ref}:${repoPath}`, options.maxDocumentBytes);
      return text;
    },
    resolve: (from, reference) => resolve(dirname(from), decodeURIComponent(reference)),
    display: (id) => `${GIT_PREFIX}${ref}:${toRepoPath(id)}`,
    reportPath: (id) => `${GIT_PREFIX}${ref}:${toRepoPath(id)}`,
  };
}

function git(args: string[], cwd: string, shown: string, maxBuffer = 64 * 1024 * 1024): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    // An argument array, never a shell string: the ref and path come from the command line or a workflow.
    execFile('git', args, { cwd, maxBuffer, encoding: 'utf8', windowsHide: true }, (error, stdout, stderr) => {
      if (!error) {
        resolvePromise(stdout);
        return;
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        reject(new ApigateError('E_USAGE', `${shown}: git is not installed or not on PATH`));
      } else if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
        reject(new ApigateError('E_LIMIT', `${shown}: over the ${maxBuffer}-byte document size limit (raise it with --max-document-size)`));
      } else {
        const reason = String(stderr).trim().split('\n')[0] || error.message.split('\n')[0];
        reject(new ApigateError('E_FILE_NOT_FOUND', `${shown}: ${reason}`));
      }
    });
  });
}
