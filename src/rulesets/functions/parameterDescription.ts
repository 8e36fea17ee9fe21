import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { operationsOf, parametersOf } from '../lib/openapi.js';
import { referenceSibling } from '../lib/unresolvedNodes.js';

/**
 * Parameters are the part of an API users type by hand; each needs a description. A 3.1 reference may
 * describe the parameter next to its `$ref`. Each parameter is reported once, where it is defined.
 */
export default createRulesetFunction<unknown, null>({ input: null, options: null }, function parameterDescription(document, _options, context) {
  const results: IFunctionResult[] = [];
  const reported = new Set<object>();
  for (const entry of operationsOf(document)) {
    for (const { parameter, at } of parametersOf(entry)) {
      if (reported.has(parameter)) continue;
      const description = parameter['description'] ?? referenceSibling(context.document.data, at, 'description');
      if (typeof description === 'string' && description.trim() !== '') continue;
      reported.add(parameter);
      const name = typeof parameter['name'] === 'string' ? parameter['name'] : '?';
      const location = typeof parameter['in'] === 'string' ? parameter['in'] : 'unknown';
      results.push({
        message: `Parameter "${name}" (${location}) has no description: say what it does, its allowed values and its default.`,
        path: at,
      });
    }
  }
  return results;
});
