/**
 * Which path templates of a document are collections: a path whose GET returns a list, or one that has item
 * paths below it (`/teams` when `/teams/{team_id}` exists). Templates are compared with their parameter
 * names erased, so `/teams/{id}` and `/teams/{team_id}` are the same place.
 */
import { HTTP_METHODS, isObject } from './openapi.js';
import { listResponsesOf } from './payloads.js';
import { pathSegments, templateNames } from './naming.js';

export function normalizeTemplate(segments: string[]): string {
  return segments.map((segment) => segment.replace(/\{[^{}]*\}/g, '{}')).join('/');
}

export interface CollectionIndex {
  /** Normalized templates whose GET returns a list. */
  listPaths: Set<string>;
  /** Normalized collection template → the parameter name its first item path uses (`/teams` → `team_id`). */
  itemParameter: Map<string, string>;
}

export function indexCollections(paths: unknown): CollectionIndex {
  const index: CollectionIndex = { listPaths: new Set(), itemParameter: new Map() };
  if (!isObject(paths)) return index;
  for (const [path, pathItem] of Object.entries(paths)) {
    if (!path.startsWith('/')) continue;
    const segments = pathSegments(path);
    if (isObject(pathItem)) {
      const get = pathItem['get'];
      if (isObject(get) && listResponsesOf({ path, method: 'get', operation: get, pathItem, at: ['paths', path, 'get'] }).length > 0) {
        index.listPaths.add(normalizeTemplate(segments));
      }
      if (!HTTP_METHODS.some((method) => isObject(pathItem[method]))) continue;
    }
    segments.forEach((segment, position) => {
      if (position === 0 || !segment.startsWith('{')) return;
      const parent = normalizeTemplate(segments.slice(0, position));
      const name = templateNames(segment)[0];
      if (name !== undefined && !index.itemParameter.has(parent)) index.itemParameter.set(parent, name);
    });
  }
  return index;
}

export function isCollection(index: CollectionIndex, segments: string[]): boolean {
  const key = normalizeTemplate(segments);
  return index.listPaths.has(key) || index.itemParameter.has(key);
}
