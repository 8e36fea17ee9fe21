import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { isObject } from '../lib/openapi.js';
import { headerNames, responseFor, successStatusKeys } from '../lib/responseLookup.js';

/**
 * Names that tell a client its quota: the IETF draft fields (`RateLimit` with `RateLimit-Policy`, or the
 * older `RateLimit-Limit`/`-Remaining`/`-Reset`) and the widespread `X-RateLimit-*` / `X-Rate-Limit-*`.
 */
const RATE_LIMIT_HEADER = /^(x-)?rate-?limit(-|$)/i;

/**
 * Success responses tell clients how much quota is left so they can slow down before being refused. The
 * input is an operation's `responses` object.
 */
export default createRulesetFunction<unknown, null>({ input: null, options: null }, function rateLimitHeaders(responses, _options, context) {
  const results: IFunctionResult[] = [];
  if (!isObject(responses)) return results;
  for (const status of successStatusKeys(responses)) {
    const response = responseFor(responses, status);
    if (!response || headerNames(response).some((name) => RATE_LIMIT_HEADER.test(name))) continue;
    results.push({
      message: 'This success response documents no rate-limit headers: add RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset (or RateLimit with RateLimit-Policy, or X-RateLimit-*).',
      path: [...context.path, status],
    });
  }
  return results;
});
