import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { isObject, operationsOf, parametersOf } from '../lib/openapi.js';

/**
 * Query strings end up in server logs, proxy logs, browser history and Referer headers, so credentials do
 * not belong there. Pagination and continuation tokens (`page_token`, `next_token`) are not credentials and
 * are not matched.
 */
const CREDENTIAL_NAME = /^(x[-_]?)?(api[-_]?key|access[-_]?token|auth[-_]?token|id[-_]?token|refresh[-_]?token|bearer[-_]?token|client[-_]?secret|secret[-_]?key|private[-_]?key|password|passwd)$/i;

export default createRulesetFunction<unknown, null>({ input: null, options: null }, function noApiKeyInQuery(document) {
  const results: IFunctionResult[] = [];
  if (!isObject(document)) return results;
  const schemes = isObject(document['components']) ? document['components']['securitySchemes'] : undefined;
  if (isObject(schemes)) {
    for (const [name, scheme] of Object.entries(schemes)) {
      if (!isObject(scheme) || scheme['type'] !== 'apiKey' || scheme['in'] !== 'query') continue;
      results.push({
        message: `Security scheme "${name}" sends the API key in the query string, where logs and Referer headers leak it: send it in a header.`,
        path: ['components', 'securitySchemes', name, 'in'],
      });
    }
  }
  const reported = new Set<object>();
  for (const entry of operationsOf(document)) {
    for (const { parameter, at } of parametersOf(entry)) {
      if (reported.has(parameter) || parameter['in'] !== 'query' || typeof parameter['name'] !== 'string') continue;
      if (!CREDENTIAL_NAME.test(parameter['name'])) continue;
      reported.add(parameter);
      results.push({
        message: `Query parameter "${parameter['name']}" carries a credential, which logs and Referer headers leak: accept it in a header (e.g. Authorization) instead.`,
        path: [...at, 'in'],
      });
    }
  }
  return results;
});
