import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { operationsOf } from '../lib/openapi.js';
import { documentsStatus, responsesOf } from '../lib/responseLookup.js';
import { securityStateOf } from '../lib/securityRequirements.js';

const AUTH_STATUSES = ['401', '403'];

/**
 * A secured operation can refuse a request for missing or bad credentials (401) and for missing
 * permissions (403); clients must be able to tell these from other failures. `4XX` documents both;
 * `default` does not, since it does not say that these statuses occur.
 */
export default createRulesetFunction<unknown, null>({ input: null, options: null }, function authResponses(document) {
  const results: IFunctionResult[] = [];
  for (const entry of operationsOf(document)) {
    if (securityStateOf(document, entry.operation) !== 'secured') continue;
    const responses = responsesOf(entry.operation);
    if (!responses) continue;
    const missing = AUTH_STATUSES.filter((status) => !documentsStatus(responses, status));
    if (missing.length === 0) continue;
    results.push({
      message: `${entry.method.toUpperCase()} ${entry.path} is secured but does not document ${missing.join(' or ')}: add ${missing.length === 2 ? 'responses' : 'a response'} for ${missing.map(describe).join(' and ')}.`,
      path: [...entry.at, 'responses'],
    });
  }
  return results;
});

function describe(status: string): string {
  return status === '401' ? '401 (missing or invalid credentials)' : '403 (insufficient permissions)';
}
