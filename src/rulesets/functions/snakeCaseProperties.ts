import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { isProtocolDefinedName, isSnakeCase, toSnakeCase } from '../lib/naming.js';
import { keyLocation } from '../lib/locations.js';
import { isObject } from '../lib/openapi.js';
import { allOperationsOf, payloadSchemasOf, walkSchemasOnce } from '../lib/payloads.js';

/**
 * Property names of every JSON request and response body, walked through properties, items, compositions
 * and additionalProperties. A schema object shared by many operations is walked once: Spectral locates the
 * finding where the property is defined, so walking it again would only repeat the same finding.
 */
export default createRulesetFunction<unknown, null>({ input: null, options: null }, function snakeCaseProperties(document, _options, context) {
  const results: IFunctionResult[] = [];
  const walked = new Set<object>();
  for (const operation of allOperationsOf(document)) {
    for (const payload of payloadSchemasOf(operation)) {
      // Names are read from each parent's `properties` map: the same property schema can sit under several names.
      walkSchemasOnce(payload.schema, payload.at, walked, ({ schema, at }) => {
        if (!isObject(schema['properties'])) return;
        for (const name of Object.keys(schema['properties'])) {
          if (isSnakeCase(name) || isProtocolDefinedName(name)) continue;
          const suggestion = toSnakeCase(name);
          results.push({
            message:
              suggestion && suggestion !== name
                ? `Property "${name}" is not snake_case: rename it to "${suggestion}".`
                : `Property "${name}" is not snake_case: use lower-case words joined by underscores.`,
            path: keyLocation(context, [...at, 'properties'], name),
          });
        }
      });
    }
  }
  return results;
});
