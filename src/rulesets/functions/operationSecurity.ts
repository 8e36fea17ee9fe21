import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { operationsOf } from '../lib/openapi.js';
import { securityStateOf } from '../lib/securityRequirements.js';

/**
 * Broken authentication starts with an endpoint nobody decided about (OWASP API2). Every operation is
 * secured by the document-level or its own `security`, or says it is public with `security: []`.
 */
export default createRulesetFunction<unknown, null>({ input: null, options: null }, function operationSecurity(document) {
  const results: IFunctionResult[] = [];
  for (const entry of operationsOf(document)) {
    if (securityStateOf(document, entry.operation) !== 'undeclared') continue;
    results.push({
      message: `${entry.method.toUpperCase()} ${entry.path} declares no security: add a security requirement (here or at the document level), or "security: []" if it is deliberately public.`,
      path: entry.at,
    });
  }
  return results;
});
