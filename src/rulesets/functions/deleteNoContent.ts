import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { isObject } from '../lib/openapi.js';
import { hasBody, responseFor, responsesOf, successStatusKeys } from '../lib/responseLookup.js';

/**
 * A DELETE answers 204 No Content (or 202 Accepted when the deletion is asynchronous), and a 204 carries no
 * body: HTTP forbids one, and clients that read it hang or fail. The input is a DELETE operation.
 */
export default createRulesetFunction<unknown, null>({ input: null, options: null }, function deleteNoContent(operation, _options, context) {
  const results: IFunctionResult[] = [];
  if (!isObject(operation)) return results;
  const responses = responsesOf(operation);
  const successes = successStatusKeys(responses);
  const noContent = responseFor(responses, '204');
  if (noContent && hasBody(noContent)) {
    results.push({
      message: 'A 204 No Content response declares a body: remove its content (HTTP forbids a body on 204).',
      path: [...context.path, 'responses', '204', 'content'],
    });
  }
  if (successes.length === 0 || successes.some((status) => status === '204' || status === '202' || status.toUpperCase() === '2XX')) {
    return results;
  }
  results.push({
    message: `DELETE ${String(context.path[1] ?? '')} documents ${successes.join(', ')} but not 204: answer 204 No Content (or 202 Accepted when deletion is asynchronous).`,
    // The operation's status choice is at fault, not the (possibly shared) 200 response it points to.
    path: [...context.path, 'responses'],
  });
  return results;
});
