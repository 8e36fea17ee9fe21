/**
 * Every schema of a document, each visited once: named schemas under `components.schemas` first (so a
 * finding's path is the definition), then the inline schemas of parameters, request bodies, responses and
 * response headers. `not` subschemas describe what is rejected and are not visited.
 */
import { isObject, operationsOf, pushContentSchemas, pushRequestSchemas, type Json, type JsonPathSegments, type SchemaRoot } from './openapi.js';

export interface DocumentSchemaVisit {
  schema: Json;
  at: JsonPathSegments;
}

function schemaRoots(document: unknown): SchemaRoot[] {
  const roots: SchemaRoot[] = [];
  if (!isObject(document)) return roots;
  const components = document['components'];
  if (isObject(components) && isObject(components['schemas'])) {
    for (const [name, schema] of Object.entries(components['schemas'])) roots.push({ schema, at: ['components', 'schemas', name] });
  }
  for (const entry of operationsOf(document)) {
    pushRequestSchemas(roots, entry);
    const responses = entry.operation['responses'];
    if (!isObject(responses)) continue;
    for (const [status, response] of Object.entries(responses)) {
      if (!isObject(response)) continue;
      const at = [...entry.at, 'responses', status];
      pushContentSchemas(roots, response['content'], at);
      if (isObject(response['headers'])) {
        for (const [name, header] of Object.entries(response['headers'])) {
          if (isObject(header)) roots.push({ schema: header['schema'], at: [...at, 'headers', name, 'schema'] });
        }
      }
    }
  }
  return roots;
}

export function walkDocumentSchemas(document: unknown, visit: (node: DocumentSchemaVisit) => void): void {
  const seen = new Set<object>();
  const stack: DocumentSchemaVisit[] = [];
  for (const root of schemaRoots(document).reverse()) if (isObject(root.schema)) stack.push({ schema: root.schema, at: root.at });
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (seen.has(current.schema)) continue;
    seen.add(current.schema);
    visit(current);
    const { schema, at } = current;
    const children: DocumentSchemaVisit[] = [];
    const push = (value: unknown, path: JsonPathSegments): void => {
      if (isObject(value)) children.push({ schema: value, at: path });
    };
    if (isObject(schema['properties'])) {
      for (const [name, property] of Object.entries(schema['properties'])) push(property, [...at, 'properties', name]);
    }
    for (const keyword of ['allOf', 'oneOf', 'anyOf', 'prefixItems'] as const) {
      const list = schema[keyword];
      if (Array.isArray(list)) list.forEach((member, index) => push(member, [...at, keyword, index]));
    }
    push(schema['items'], [...at, 'items']);
    push(schema['additionalProperties'], [...at, 'additionalProperties']);
    if (isObject(schema['patternProperties'])) {
      for (const [pattern, property] of Object.entries(schema['patternProperties'])) push(property, [...at, 'patternProperties', pattern]);
    }
    for (let index = children.length - 1; index >= 0; index -= 1) stack.push(children[index]!);
  }
}
