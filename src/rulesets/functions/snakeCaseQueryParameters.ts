import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { isSnakeCase, toSnakeCase } from '../lib/naming.js';
import { pathOperationsOf, queryParametersOf } from '../lib/payloads.js';

/**
 * `filter[created_at]` and `page.size` style names are checked part by part; a leading `$` (OData system
 * options such as `$top`) is part of a protocol, not a naming choice.
 */
function offendingParts(name: string): string[] {
  return name
    .replace(/^\$/, '')
    .split(/[[\].]+/)
    .filter((part) => part !== '' && !isSnakeCase(part));
}

export default createRulesetFunction<unknown, null>({ input: null, options: null }, function snakeCaseQueryParameters(document) {
  const results: IFunctionResult[] = [];
  for (const operation of pathOperationsOf(document)) {
    for (const { name, at } of queryParametersOf(operation)) {
      if (offendingParts(name).length === 0) continue;
      const suggestion = name.replace(/[^[\].$]+/g, (part) => toSnakeCase(part) || part);
      results.push({
        message: `Query parameter "${name}" is not snake_case: rename it to "${suggestion}".`,
        path: [...at, 'name'],
      });
    }
  }
  return results;
});
