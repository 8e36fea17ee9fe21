import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { walkDocumentSchemas } from '../lib/documentSchemas.js';
import { isObject, type Json } from '../lib/openapi.js';
import { referenceSibling, isWrittenAsReference } from '../lib/unresolvedNodes.js';

function hasText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Properties are what clients read and write; generated docs and SDKs show their descriptions. A property
 * that references a named schema is documented by that schema (or, in 3.1, by a `description` next to
 * its `$ref`), so only inline property schemas are checked. Each is reported once, where it is defined.
 */
export default createRulesetFunction<unknown, null>({ input: null, options: null }, function propertyDescription(document, _options, context) {
  const results: IFunctionResult[] = [];
  if (!isObject(document)) return results;
  const written = context.document.data;
  const named = new Set<unknown>();
  const components = document['components'];
  if (isObject(components) && isObject(components['schemas'])) for (const schema of Object.values(components['schemas'])) named.add(schema);
  walkDocumentSchemas(document, ({ schema, at }) => {
    const properties = schema['properties'];
    if (!isObject(properties)) return;
    for (const [name, property] of Object.entries(properties)) {
      if (!isObject(property) || named.has(property) || hasText((property as Json)['description'])) continue;
      const path = [...at, 'properties', name];
      if (isWrittenAsReference(written, path) || hasText(referenceSibling(written, path, 'description'))) continue;
      results.push({ message: `Property "${name}" has no description: say what it holds (meaning, unit, format) for docs and generated clients.`, path });
    }
  });
  return results;
});
