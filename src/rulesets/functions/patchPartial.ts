import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { isObject, isJsonMediaType, type Json, type JsonPathSegments } from '../lib/openapi.js';

/**
 * A PATCH sends only the fields that change, so its body schema requires none of them. Reusing the create
 * schema (with its `required` list) for PATCH forces clients to resend fields they do not mean to touch.
 * JSON Patch documents (`application/json-patch+json`) are lists of operations with their own required
 * fields and are left alone. The input is a PATCH operation.
 */
export default createRulesetFunction<unknown, null>({ input: null, options: null }, function patchPartial(operation, _options, context) {
  const results: IFunctionResult[] = [];
  if (!isObject(operation) || !isObject(operation['requestBody'])) return results;
  const content = operation['requestBody']['content'];
  // Named in the message because a shared body schema is reported where it is defined, once per PATCH using it.
  const route = `PATCH ${String(context.path[1] ?? '')}`;
  if (!isObject(content)) return results;
  for (const [mediaType, media] of Object.entries(content)) {
    if (!isObject(media) || !isJsonMediaType(mediaType) || /json-patch/i.test(mediaType)) continue;
    const at: JsonPathSegments = [...context.path, 'requestBody', 'content', mediaType, 'schema'];
    for (const { schema, path } of topLevelObjectSchemas(media['schema'], at)) {
      const required = schema['required'];
      if (Array.isArray(required) && required.length > 0 && !isSingleFieldUpdate(schema, required)) {
        results.push({
          message: `The body of ${route} requires ${required.map((name) => `"${String(name)}"`).join(', ')}: a partial update must accept any subset of fields; use a schema without "required" (e.g. application/merge-patch+json).`,
          path: [...path, 'required'],
        });
      }
    }
  }
  return results;
});

/**
 * `PATCH /user/email/visibility` with `{ visibility }` changes one field, which the body cannot leave out;
 * requiring the only property is not a full replacement in disguise.
 */
function isSingleFieldUpdate(schema: Json, required: unknown[]): boolean {
  const properties = schema['properties'];
  return isObject(properties) && Object.keys(properties).length === 1 && required.length === 1 && required[0] === Object.keys(properties)[0];
}

/** The body schema and the `allOf` members that make up its top level. */
function topLevelObjectSchemas(schema: unknown, at: JsonPathSegments): { schema: Json; path: JsonPathSegments }[] {
  const found: { schema: Json; path: JsonPathSegments }[] = [];
  const seen = new Set<object>();
  const visit = (node: unknown, path: JsonPathSegments): void => {
    if (!isObject(node) || seen.has(node)) return;
    seen.add(node);
    found.push({ schema: node, path });
    const allOf = node['allOf'];
    if (Array.isArray(allOf)) allOf.forEach((member, index) => visit(member, [...path, 'allOf', index]));
  };
  visit(schema, at);
  return found;
}
