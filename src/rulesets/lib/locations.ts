/**
 * Spectral locates a finding by following every `$ref` along its JSON path, including one sitting on the
 * last segment. For a property written as `owner: { $ref: Person }` that moves a finding about the *name*
 * `owner` to the `Person` schema. These helpers pick a path that stays where the name is written.
 */
import type { RulesetFunctionContext } from '@stoplight/spectral-core';
import type { JsonPathSegments } from './openapi.js';

function sameLocation(
  a: { path: readonly (string | number)[]; document: { source: string | null } } | null,
  b: { path: readonly (string | number)[]; document: { source: string | null } } | null,
  name: string,
): boolean {
  if (!a || !b || a.document.source !== b.document.source) return false;
  return a.path.length === b.path.length + 1 && String(a.path[a.path.length - 1]) === name && b.path.every((segment, index) => String(segment) === String(a.path[index]));
}

/**
 * The path to report a problem with the key `name` of the map at `mapAt` (a `properties` map): the key itself
 * when its value is written inline, otherwise the map, which is located where the key is written.
 */
export function keyLocation(context: RulesetFunctionContext, mapAt: JsonPathSegments, name: string): JsonPathSegments {
  const keyAt = [...mapAt, name];
  const inventory = context.documentInventory;
  if (typeof inventory?.findAssociatedItemForPath !== 'function') return keyAt;
  try {
    const key = inventory.findAssociatedItemForPath(keyAt, true);
    const map = inventory.findAssociatedItemForPath(mapAt, true);
    return sameLocation(key, map, name) ? keyAt : mapAt;
  } catch {
    return keyAt;
  }
}
