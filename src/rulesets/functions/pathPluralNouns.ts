import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { indexCollections, normalizeTemplate } from '../lib/collections.js';
import { isPluralOrUncountable, isResourceNameSegment, leadingVerb, pathSegments, pluralOf, wordsOf } from '../lib/naming.js';
import { isObject } from '../lib/openapi.js';

/**
 * A segment is checked only where it clearly names a collection: it is followed by an item parameter
 * (`/team/{team_id}`), or it ends a path whose GET returns a list. Singletons (`/me`, `/health`, `/status`)
 * and uncountables (`metadata`) are not collections; verbs are left to apigate-path-no-verbs.
 */
export default createRulesetFunction<unknown, null>({ input: null, options: null }, function pathPluralNouns(paths) {
  if (!isObject(paths)) return [];
  const collections = indexCollections(paths);
  const results: IFunctionResult[] = [];
  for (const path of Object.keys(paths)) {
    const segments = pathSegments(path);
    segments.forEach((segment, position) => {
      if (!isResourceNameSegment(segment) || leadingVerb(segment)) return;
      const next = segments[position + 1];
      const namesItems = next !== undefined && next.startsWith('{');
      const listsItems = next === undefined && collections.listPaths.has(normalizeTemplate(segments));
      if (!namesItems && !listsItems) return;
      const words = wordsOf(segment);
      const last = words[words.length - 1];
      if (last === undefined || /\d/.test(last) || isPluralOrUncountable(last)) return;
      const plural = segment.replace(new RegExp(`${last}$`, 'i'), (word) => pluralOf(word));
      results.push({
        message: namesItems
          ? `Path segment "${segment}" names a collection (its items are "${next}"): use a plural noun such as "${plural}".`
          : `Path segment "${segment}" names a collection (its GET returns a list): use a plural noun such as "${plural}".`,
        path: ['paths', path],
      });
    });
  }
  return results;
});
