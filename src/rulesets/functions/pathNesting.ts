import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { indexCollections, isCollection, normalizeTemplate } from '../lib/collections.js';
import { isCollectionFacet, isPluralNoun, isResourceNameSegment, leadingVerb, pathSegments, pathTemplatesOf, singularOf, toSnakeCase, wordsOf } from '../lib/naming.js';
import { isObject } from '../lib/openapi.js';

/**
 * `/teams/members` reads as "members of all teams" or "members of some team": a nested collection belongs
 * under one item of its parent (`/teams/{team_id}/members`). Only reported when the parent segment is a
 * known collection in this document (it has item paths or its GET returns a list), so namespaces such as
 * `/billing/invoices` or `/actions/runs` stay quiet, and facets of a collection (`/databases/options`,
 * `/roles/member-counts`) are not nested collections.
 */
export default createRulesetFunction<unknown, null>({ input: null, options: null }, function pathNesting(paths) {
  if (!isObject(paths)) return [];
  const collections = indexCollections(paths);
  const results: IFunctionResult[] = [];
  for (const path of pathTemplatesOf(paths)) {
    const segments = pathSegments(path);
    for (let position = 0; position + 1 < segments.length; position++) {
      const parent = segments[position]!;
      const child = segments[position + 1]!;
      if (![parent, child].every((segment) => isResourceNameSegment(segment) && !leadingVerb(segment))) continue;
      const parentWord = wordsOf(parent).at(-1) ?? '';
      const childWord = wordsOf(child).at(-1) ?? '';
      if (!isPluralNoun(parentWord) || !isPluralNoun(childWord) || isCollectionFacet(childWord)) continue;
      const parentSegments = segments.slice(0, position + 1);
      if (!isCollection(collections, parentSegments)) continue;
      const itemName = collections.itemParameter.get(normalizeTemplate(parentSegments)) ?? `${toSnakeCase(singularOf(wordsOf(parent).join('_')))}_id`;
      const suggested = ['', ...parentSegments, `{${itemName}}`, ...segments.slice(position + 1)].join('/');
      results.push({
        message: `Collection "${child}" is nested directly under the collection "${parent}": put it under one ${singularOf(parentWord)}, e.g. "${suggested}".`,
        path: ['paths', path],
      });
    }
  }
  return results;
});
