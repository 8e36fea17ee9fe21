import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { indexCollections, normalizeTemplate } from '../lib/collections.js';
import { isPluralOrUncountable, isResourceNameSegment, leadingVerb, pathSegments, pathTemplatesOf, pluralOf, templateNames, wordsOf } from '../lib/naming.js';
import { isObject } from '../lib/openapi.js';

const GENERIC_IDENTIFIERS = new Set(['id', 'key', 'uuid', 'guid', 'slug', 'name', 'code', 'number', 'sid', 'identifier', 'handle']);

/**
 * `/team/{team_id}`, `/user/{username}` and `/invoice/{id}` address one item of a collection; `/tarball/{ref}`
 * or `/readme/{dir}` qualify a single resource with an unrelated parameter and are not collections.
 */
function identifiesItemOf(next: string, segmentWords: string[]): boolean {
  const parameter = templateNames(next)[0] ?? '';
  const words = wordsOf(parameter);
  if (words.length === 1 && GENERIC_IDENTIFIERS.has(words[0]!)) return true;
  const compact = words.join('');
  const last = segmentWords[segmentWords.length - 1] ?? '';
  return last !== '' && (compact.startsWith(segmentWords.join('')) || compact.startsWith(last) || words.includes(last));
}

/**
 * A segment is checked only where it clearly names a collection: it is followed by a parameter that
 * identifies one of its items (`/team/{team_id}`, `/invoice/{id}`), or it ends a path whose GET returns a
 * list. Singletons (`/me`, `/health`, `/status`) and uncountables (`metadata`) are not collections; verbs are
 * left to apigate-path-no-verbs.
 */
export default createRulesetFunction<unknown, null>({ input: null, options: null }, function pathPluralNouns(paths) {
  if (!isObject(paths)) return [];
  const collections = indexCollections(paths);
  const results: IFunctionResult[] = [];
  for (const path of pathTemplatesOf(paths)) {
    const segments = pathSegments(path);
    segments.forEach((segment, position) => {
      if (!isResourceNameSegment(segment) || leadingVerb(segment)) return;
      const next = segments[position + 1];
      const namesItems = next !== undefined && next.startsWith('{') && identifiesItemOf(next, wordsOf(segment));
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
