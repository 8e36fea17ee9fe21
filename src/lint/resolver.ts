import { realpath, readFile, stat } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resolver } from '@stoplight/spectral-ref-resolver';
import { ApigateError } from '../errors.js';
import { fetchRemoteText } from '../util/remote.js';
import { displayPath } from '../util/paths.js';
import yamlAst from '@stoplight/yaml-ast-parser';
import { DEFAULT_LIMITS, limitError, mayHaveYamlAliases, measureAliasExpansion, measureNestingDepth } from './limits.js';

export interface RefAccessPolicy {
  /** Folders (real paths) that file `$ref`s may read from. */
  allowedRoots: string[];
  /** Read files anywhere (still never device files). */
  allowExternalRefs: boolean;
  /** Fetch http(s) `$ref`s. Link-local and metadata addresses stay blocked even then. */
  allowRemoteRefs: boolean;
  /** Largest file a `$ref` may pull in, in bytes. */
  maxFileBytes: number;
  /** Nesting and alias limits, applied to every file and response a `$ref` pulls in, as to the spec itself. */
  maxNestingDepth?: number;
  maxAliasExpansion?: number;
}

/**
 * A referenced document is parsed by the same recursive, alias-copying parser as the spec, so it gets the same
 * checks before it is handed over.
 */
export function checkReferencedText(text: string, shown: string, policy: RefAccessPolicy): string {
  const maxNestingDepth = policy.maxNestingDepth ?? DEFAULT_LIMITS.maxNestingDepth;
  const maxAliasExpansion = policy.maxAliasExpansion ?? DEFAULT_LIMITS.maxAliasExpansion;
  const depth = measureNestingDepth(text);
  if (depth > maxNestingDepth) throw limitError(shown, `nesting depth ${depth}`, 'maxNestingDepth', maxNestingDepth);
  if (mayHaveYamlAliases(text)) {
    const ast = yamlAst.load(text, { ignoreDuplicateKeys: true } as Parameters<typeof yamlAst.load>[1]);
    if (measureAliasExpansion(ast, maxAliasExpansion) > maxAliasExpansion) {
      throw limitError(shown, 'the number of nodes after expanding YAML aliases', 'maxAliasExpansion', maxAliasExpansion);
    }
  }
  return text;
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
  return checkReferencedText(await readFile(real, 'utf8'), displayPath(path), policy);
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
      return checkReferencedText(await fetchRemoteText(url, { maxBytes: policy.maxFileBytes, blockLoopback: true }), url, policy);
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
