import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { isObject, operationsOf } from '../lib/openapi.js';
import { collectionKeys, isCollectionPath, isItemPath, isTemplateSegment, pathSegments } from '../lib/resourcePaths.js';

/**
 * `PUT /guilds/{guildId}/members/{userId}/roles/{roleId}` or `PUT /user/starred/{owner}/{repo}` creates a link
 * between two existing objects, which has no attributes to send: an item path nested under another object is
 * accepted without a body.
 */
function isLinkPath(path: string): boolean {
  return isItemPath(path) && pathSegments(path).filter(isTemplateSegment).length >= 2;
}

/**
 * `PUT /issues/{number}/labels` with the new label list replaces the set of links one object holds, a
 * common and well-defined use of PUT; only top-level collections (`PUT /pets`) are reported.
 */
function isNestedPath(path: string): boolean {
  return pathSegments(path).some(isTemplateSegment);
}

/**
 * PUT replaces the resource at the request URL with the representation in the body. On a collection it
 * would replace the whole collection (almost never meant: that is POST to create, or PATCH), and without a
 * body there is nothing to replace it with.
 */
export default createRulesetFunction<unknown, null>({ input: null, options: null }, function putReplaces(document) {
  const results: IFunctionResult[] = [];
  if (!isObject(document) || !isObject(document['paths'])) return results;
  const collections = collectionKeys(Object.keys(document['paths']));
  for (const entry of operationsOf(document)) {
    if (entry.method !== 'put') continue;
    const hasBody = isObject(entry.operation['requestBody']);
    if (isCollectionPath(entry.path, collections) && !(hasBody && isNestedPath(entry.path))) {
      results.push({
        message: `PUT ${entry.path} targets a collection: PUT replaces the one resource at its URL, so put it on the item path (${entry.path.replace(/\/+$/, '')}/{id}) or use POST to create and PATCH to update.`,
        path: entry.at,
      });
    } else if (!hasBody && !isLinkPath(entry.path)) {
      results.push({
        message: `PUT ${entry.path} has no request body: PUT replaces the resource with the representation it sends; document the body, or use POST for an action.`,
        path: entry.at,
      });
    }
  }
  return results;
});
