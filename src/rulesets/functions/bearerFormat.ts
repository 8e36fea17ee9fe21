import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { isObject } from '../lib/openapi.js';

/**
 * `bearerFormat` tells clients and gateways what the token is (a JWT, an opaque token) and so how to obtain
 * and validate it. The input is a Security Scheme Object.
 */
export default createRulesetFunction<unknown, null>({ input: null, options: null }, function bearerFormat(scheme, _options, context) {
  if (!isObject(scheme) || scheme['type'] !== 'http' || typeof scheme['scheme'] !== 'string') return [];
  if (scheme['scheme'].toLowerCase() !== 'bearer') return [];
  if (typeof scheme['bearerFormat'] === 'string' && scheme['bearerFormat'].trim() !== '') return [];
  const result: IFunctionResult = {
    message: `Bearer scheme "${String(context.path[context.path.length - 1])}" does not state its bearerFormat: add it (e.g. "JWT") so clients know what token to send.`,
    path: context.path,
  };
  return [result];
});
