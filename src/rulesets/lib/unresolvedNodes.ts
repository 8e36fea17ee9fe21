/**
 * Spectral hands functions the resolved document, where a `$ref` is replaced by its target and the
 * reference's siblings are gone. OpenAPI 3.1 lets a reference carry its own `description`/`summary` (and
 * schema references any keyword, such as `example`), so rules that look for those read the reference as
 * written in the unresolved document.
 */
import { isObject, type JsonPathSegments } from './openapi.js';

const MAX_REF_HOPS = 32;

function decodePointerSegment(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // a literal `%` that is not an escape: keep the segment as written
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

function pointerTarget(root: unknown, ref: string): unknown {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node = root;
  for (const segment of ref.slice(2).split('/').map(decodePointerSegment)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node)) node = node[segment];
    else return undefined;
  }
  return node;
}

/** Follows same-document `$ref`s; `undefined` for references into other files, which are not read here. */
function dereference(root: unknown, node: unknown): unknown {
  let current = node;
  for (let hops = 0; isObject(current) && typeof current['$ref'] === 'string'; hops += 1) {
    if (hops >= MAX_REF_HOPS) return undefined;
    current = pointerTarget(root, current['$ref']);
  }
  return current;
}

/**
 * The node at a resolved-document path as written in the unresolved document: references along the way are
 * followed, the last node is returned as is (a `{ $ref, description }` object stays one). `undefined` when
 * the path crosses into another file or does not exist.
 */
export function writtenNodeAt(unresolvedRoot: unknown, path: JsonPathSegments): unknown {
  let node: unknown = unresolvedRoot;
  for (const segment of path) {
    node = dereference(unresolvedRoot, node);
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node)) node = node[String(segment)];
    else return undefined;
  }
  return node;
}

/** True when the written node at `path` is a reference (`$ref`, with or without siblings). */
export function isWrittenAsReference(unresolvedRoot: unknown, path: JsonPathSegments): boolean {
  const node = writtenNodeAt(unresolvedRoot, path);
  return isObject(node) && typeof node['$ref'] === 'string';
}

/** A sibling keyword written next to a `$ref` at `path` (3.1 `description`, `summary`, `example`...). */
export function referenceSibling(unresolvedRoot: unknown, path: JsonPathSegments, keyword: string): unknown {
  const node = writtenNodeAt(unresolvedRoot, path);
  return isObject(node) && typeof node['$ref'] === 'string' ? node[keyword] : undefined;
}
