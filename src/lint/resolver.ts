import { realpath, readFile, stat } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resolver } from '@stoplight/spectral-ref-resolver';
import { ApigateError } from '../errors.js';
import { fetchRemoteText } from '../util/remote.js';

export interface RefAccessPolicy {
  /** Folders (real paths) that file `$ref`s may read from. */
  allowedRoots: string[];
  /** Read files anywhere (still never device files). */
  allowExternalRefs: boolean;
  /** Fetch http(s) `$ref`s. Link-local and metadata addresses stay blocked even then. */
  allowRemoteRefs: boolean;
  /** Largest file a `$ref` may pull in, in bytes. */
  maxFileBytes: number;
}

export function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(`..${sep}`));
}

/**
 * Reads a file that a document references, enforcing the access policy on the *real* path, so `../` and
 * symlinks cannot lead outside the allowed folders, and refusing anything that is not a regular file
 * (`/dev/zero` would never end).
 */
export async function readReferencedFile(path: string, policy: RefAccessPolicy): Promise<string> {
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    throw new ApigateError('E_REF', `cannot read referenced file ${path}: no such file`);
  }
  if (!policy.allowExternalRefs && !policy.allowedRoots.some((root) => isInside(real, root))) {
    throw new ApigateError(
      'E_FORBIDDEN_REF',
      `refusing to read ${path}: it is outside the spec's folder (pass --allow-external-refs to allow it)`,
    );
  }
  const info = await stat(real);
  // Kernel pseudo-files report themselves as regular files of size 0 (/proc/self/environ): never read them.
  if (!info.isFile() || /^\/(proc|sys|dev)(\/|$)/.test(real)) {
    throw new ApigateError('E_FORBIDDEN_REF', `refusing to read ${path}: not a regular file`);
  }
  if (info.size > policy.maxFileBytes) {
    throw new ApigateError(
      'E_LIMIT',
      `${path} is ${info.size} bytes, over the ${policy.maxFileBytes}-byte document size limit (raise it with --max-document-size)`,
    );
  }
  return readFile(real, 'utf8');
}

/** Part of the message of a remote `$ref` left unfetched because remote refs are off (a finding, not an error). */
export const REMOTE_REFS_OFF = 'remote $refs are off';

/** A `$ref` resolver for Spectral that reads files and URLs only as the policy allows. */
export function createPolicyResolver(policy: RefAccessPolicy): Resolver {
  const resolveRemote = {
    async resolve(ref: { href(): string }): Promise<string> {
      const url = ref.href();
      if (!policy.allowRemoteRefs) {
        throw new ApigateError(
          'E_FORBIDDEN_REF',
          `not fetching ${url}: ${REMOTE_REFS_OFF} (pass --allow-remote-refs to allow them)`,
        );
      }
      return fetchRemoteText(url, { maxBytes: policy.maxFileBytes, blockLoopback: true });
    },
  };
  return new Resolver({
    resolvers: {
      http: resolveRemote,
      https: resolveRemote,
      file: {
        async resolve(ref: { href(): string; path(): string }): Promise<string> {
          const href = ref.href();
          const path = href.startsWith('file:') ? fileURLToPath(href) : ref.path();
          return readReferencedFile(path, policy);
        },
      },
    },
  });
}
