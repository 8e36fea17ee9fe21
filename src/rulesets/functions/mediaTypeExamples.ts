import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { isObject, operationsOf, type Json, type JsonPathSegments } from '../lib/openapi.js';
import { successStatusKeys } from '../lib/responseLookup.js';
import { referenceSibling } from '../lib/unresolvedNodes.js';

export type ExampleTarget = 'request' | 'response';

/** JSON bodies only: `*\/*`, binary uploads and form posts have no single meaningful sample. */
function isJsonBody(mediaType: string): boolean {
  const base = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  return base === 'application/json' || base.endsWith('+json');
}

function hasMediaExample(media: Json): boolean {
  if (media['example'] !== undefined) return true;
  const examples = media['examples'];
  return isObject(examples) && Object.keys(examples).length > 0;
}

/**
 * A schema yields a complete sample when it has an example itself or when doc tools can assemble one from
 * its parts: every property, the array items, any `allOf` member, every `oneOf`/`anyOf` branch. `default`,
 * `const` and `enum` values count, as renderers use them as sample values.
 */
function schemaProvidesExample(schema: unknown, inProgress = new Set<object>()): boolean {
  if (!isObject(schema)) return false;
  if (schema['example'] !== undefined || schema['default'] !== undefined || schema['const'] !== undefined) return true;
  if (Array.isArray(schema['examples']) && schema['examples'].length > 0) return true;
  if (Array.isArray(schema['enum']) && schema['enum'].length > 0) return true;
  // A recursive schema is judged by its other parts; the cycle itself neither adds nor removes a sample.
  if (inProgress.has(schema)) return true;
  inProgress.add(schema);
  try {
    const allOf = schema['allOf'];
    if (Array.isArray(allOf) && allOf.some((member) => schemaProvidesExample(member, inProgress))) return true;
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const branches = schema[keyword];
      if (Array.isArray(branches) && branches.length > 0 && branches.every((branch) => schemaProvidesExample(branch, inProgress))) return true;
    }
    if (schema['items'] !== undefined) return schemaProvidesExample(schema['items'], inProgress);
    const properties = schema['properties'];
    if (isObject(properties) && Object.keys(properties).length > 0) {
      return Object.values(properties).every((property) => schemaProvidesExample(property, inProgress));
    }
    return false;
  } finally {
    inProgress.delete(schema);
  }
}

const MESSAGES: Record<ExampleTarget, string> = {
  request: 'This request body has no example: add "example" or "examples" to the media type (or to its schema) so docs, SDKs and mock servers show a realistic payload.',
  response: 'This success response has no example: add "example" or "examples" to the media type (or to its schema) so docs, SDKs and mock servers show a realistic payload.',
};

/**
 * Request bodies (`in: request`) or success responses (`in: response`) with a JSON body carry an example.
 * Each body is reported once, where it is defined.
 */
export default createRulesetFunction<unknown, { in: ExampleTarget }>(
  {
    input: null,
    options: {
      type: 'object',
      properties: { in: { enum: ['request', 'response'] } },
      required: ['in'],
      additionalProperties: false,
    },
  },
  function mediaTypeExamples(document, options, context) {
    const results: IFunctionResult[] = [];
    const reported = new Set<object>();
    const check = (content: unknown, at: JsonPathSegments): void => {
      if (!isObject(content)) return;
      for (const [mediaType, media] of Object.entries(content)) {
        if (!isObject(media) || reported.has(media) || !isJsonBody(mediaType) || !isObject(media['schema'])) continue;
        if (hasMediaExample(media) || schemaProvidesExample(media['schema'])) continue;
        const schemaAt = [...at, 'content', mediaType, 'schema'];
        const written = context.document.data;
        if (referenceSibling(written, schemaAt, 'example') !== undefined || referenceSibling(written, schemaAt, 'examples') !== undefined) continue;
        reported.add(media);
        results.push({ message: MESSAGES[options.in], path: [...at, 'content', mediaType] });
      }
    };
    for (const entry of operationsOf(document)) {
      if (options.in === 'request') {
        const body = entry.operation['requestBody'];
        if (isObject(body)) check(body['content'], [...entry.at, 'requestBody']);
        continue;
      }
      const responses = entry.operation['responses'];
      if (!isObject(responses)) continue;
      for (const status of successStatusKeys(responses)) {
        const response = responses[status];
        if (isObject(response)) check(response['content'], [...entry.at, 'responses', status]);
      }
    }
    return results;
  },
);
