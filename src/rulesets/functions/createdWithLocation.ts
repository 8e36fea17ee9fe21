import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { isObject, operationsOf } from '../lib/openapi.js';
import { collectionKeys, isCollectionPath } from '../lib/resourcePaths.js';
import { hasHeader, responseFor, responsesOf, successStatusKeys } from '../lib/responseLookup.js';

/**
 * A POST on a collection creates a member: it answers 201 Created with a `Location` header naming the new
 * member, so clients need not guess the URL. 202 Accepted (asynchronous creation) is accepted as well.
 */
export default createRulesetFunction<unknown, null>({ input: null, options: null }, function createdWithLocation(document) {
  const results: IFunctionResult[] = [];
  if (!isObject(document) || !isObject(document['paths'])) return results;
  const collections = collectionKeys(Object.keys(document['paths']));
  for (const entry of operationsOf(document)) {
    if (entry.method !== 'post' || !isCollectionPath(entry.path, collections)) continue;
    const responses = responsesOf(entry.operation);
    const successes = successStatusKeys(responses);
    if (successes.length === 0) continue; // operation-success-response reports that
    // 202 is an asynchronous create; a 2XX range does not say which status, so there is nothing to hold it to.
    if (successes.some((status) => status === '202' || status.toUpperCase() === '2XX')) continue;
    const created = responseFor(responses, '201');
    if (!created) {
      results.push({
        message: `POST ${entry.path} creates a member of the collection but documents no 201 response (it documents ${successes.join(', ')}): return 201 Created with a Location header.`,
        path: [...entry.at, 'responses'],
      });
    } else if (!hasHeader(created, 'Location')) {
      results.push({
        message: 'The 201 response of a create has no Location header: add one with the URL of the created resource.',
        path: [...entry.at, 'responses', '201'],
      });
    }
  }
  return results;
});
