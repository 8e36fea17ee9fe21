import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { walkDocumentSchemas } from '../lib/documentSchemas.js';
import { keyLocation } from '../lib/locations.js';
import { isObject, type Json } from '../lib/openapi.js';
import { referenceSibling, isWrittenAsReference } from '../lib/unresolvedNodes.js';

function hasText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/** `allOf: [{ $ref: Tags }, { description: ... }]` is the 3.0 way to describe a property that reuses a schema. */
function isDescribed(property: Json): boolean {
  if (hasText(property['description'])) return true;
  const allOf = property['allOf'];
  return Array.isArray(allOf) && allOf.some((member) => isObject(member) && hasText(member['description']));
}

/**
 * Properties are what clients read and write; generated docs and SDKs show their descriptions. A property
 * that references a named schema is documented by that schema (or, in 3.1, by a `description` next to
 * its `$ref`, or in 3.0 by an `allOf` member next to the reference), so only inline property schemas are
 * checked. Each is reported once, where it is defined.
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
      if (!isObject(property) || named.has(property) || isDescribed(property)) continue;
      const path = [...at, 'properties', name];
      if (isWrittenAsReference(written, path) || hasText(referenceSibling(written, path, 'description'))) continue;
      // A reference into another file: Spectral locates the property somewhere other than under its parent.
      if (keyLocation(context, [...at, 'properties'], name).length !== path.length) continue;
      results.push({ message: `Property "${name}" has no description: say what it holds (meaning, unit, format) for docs and generated clients.`, path });
    }
  });
  return results;
});
