import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { operationsOf } from '../lib/openapi.js';
import { isItemPath } from '../lib/resourcePaths.js';
import { documentsStatus, responsesOf } from '../lib/responseLookup.js';

/**
 * An operation on one object (the path ends in a `{param}`) fails with 404 when the object does not
 * exist, so it documents 404 (or `4XX`). A PUT that may create the object (it documents 201) is an upsert
 * and never answers 404.
 */
export default createRulesetFunction<unknown, null>({ input: null, options: null }, function itemNotFound(document) {
  const results: IFunctionResult[] = [];
  for (const entry of operationsOf(document)) {
    if (!isItemPath(entry.path) || entry.method === 'options' || entry.method === 'trace') continue;
    const responses = responsesOf(entry.operation);
    if (!responses || documentsStatus(responses, '404')) continue;
    if (entry.method === 'put' && documentsStatus(responses, '201')) continue;
    results.push({
      message: `${entry.method.toUpperCase()} ${entry.path} addresses one object but does not document 404: add a 404 response for when it does not exist.`,
      path: [...entry.at, 'responses'],
    });
  }
  return results;
});
