import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { isObject } from '../lib/openapi.js';
import { pathOperationsOf, responsesOf } from '../lib/payloads.js';

const REQUIRED_HEADERS = ['Deprecation', 'Sunset'];

/**
 * RFC 9745 (`Deprecation`) and RFC 8594 (`Sunset`) let clients detect deprecation at run time; documenting
 * them on every success response of a deprecated operation tells client authors to look for them.
 */
export default createRulesetFunction<unknown, null>({ input: null, options: null }, function deprecationHeaders(document) {
  const results: IFunctionResult[] = [];
  for (const operation of pathOperationsOf(document)) {
    if (operation.operation['deprecated'] !== true) continue;
    const responses = responsesOf(operation);
    const success = responses.filter(({ status }) => /^2(\d\d|XX)$/i.test(status));
    const targets = success.length > 0 ? success : responses.filter(({ status }) => status === 'default');
    for (const { status, response } of targets) {
      const declared = new Set(isObject(response['headers']) ? Object.keys(response['headers']).map((name) => name.toLowerCase()) : []);
      const missing = REQUIRED_HEADERS.filter((name) => !declared.has(name.toLowerCase()));
      if (missing.length === 0) continue;
      // Located at `deprecated`: the response may be a shared component that non-deprecated operations use too.
      results.push({
        message: `Deprecated operation: its ${status} response does not document the ${missing.map((name) => `"${name}"`).join(' and ')} header${missing.length > 1 ? 's' : ''}; add ${missing.length > 1 ? 'them' : 'it'} so clients can detect the deprecation and the removal date.`,
        path: [...operation.at, 'deprecated'],
      });
    }
  }
  return results;
});
