import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { isObject, operationsOf, parametersOf, type Json } from '../lib/openapi.js';
import { referenceSibling } from '../lib/unresolvedNodes.js';

/** Generators often put the text on the parameter's schema; documentation renderers show it there too. */
function schemaDescription(parameter: Json): unknown {
  if (isObject(parameter['schema'])) return parameter['schema']['description'];
  const content = parameter['content'];
  if (!isObject(content)) return undefined;
  const media = Object.values(content)[0];
  return isObject(media) && isObject(media['schema']) ? media['schema']['description'] : undefined;
}

/**
 * Parameters are the part of an API users type by hand; each needs a description. A 3.1 reference may
 * describe the parameter next to its `$ref`, and a description on the parameter's schema counts. Each parameter is reported once, where it is defined.
 */
export default createRulesetFunction<unknown, null>({ input: null, options: null }, function parameterDescription(document, _options, context) {
  const results: IFunctionResult[] = [];
  const reported = new Set<object>();
  for (const entry of operationsOf(document)) {
    for (const { parameter, at } of parametersOf(entry)) {
      if (reported.has(parameter)) continue;
      const description = parameter['description'] ?? referenceSibling(context.document.data, at, 'description') ?? schemaDescription(parameter);
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
