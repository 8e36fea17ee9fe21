import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { isObject } from '../lib/openapi.js';
import { hasHeader, responseFor } from '../lib/responseLookup.js';

/**
 * Clients must know that they can be throttled and when to retry: every operation documents 429 Too Many
 * Requests with a `Retry-After` header. A `4XX` response carrying `Retry-After` documents it too. The
 * input is an operation.
 */
export default createRulesetFunction<unknown, null>({ input: null, options: null }, function tooManyRequestsRetryAfter(operation, _options, context) {
  const results: IFunctionResult[] = [];
  if (!isObject(operation) || !isObject(operation['responses'])) return results;
  const responses = operation['responses'];
  const tooMany = responseFor(responses, '429');
  if (tooMany) {
    if (!hasHeader(tooMany, 'Retry-After')) {
      results.push({
        message: 'The 429 response has no Retry-After header: add it so clients know how long to wait before retrying.',
        path: [...context.path, 'responses', '429'],
      });
    }
    return results;
  }
  const rangeKey = Object.keys(responses).find((key) => key.toUpperCase() === '4XX');
  if (rangeKey && hasHeader(responseFor(responses, rangeKey), 'Retry-After')) return results;
  const method = String(context.path[2] ?? '');
  const path = String(context.path[1] ?? '');
  results.push({
    message: `${method.toUpperCase()} ${path} does not document 429 Too Many Requests: add a 429 response with a Retry-After header.`,
    path: [...context.path, 'responses'],
  });
  return results;
});
