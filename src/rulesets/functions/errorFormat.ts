import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { isErrorStatus, isObject, type Json } from '../lib/openapi.js';
import { pathOperationsOf, jsonSchemasOf, objectView, responsesOf, valueTypesOf, type ObjectView } from '../lib/payloads.js';

interface Options {
  /** Accept `application/problem+json` (RFC 9457) bodies as they are instead of the apigate error object. */
  allowProblemJson?: boolean;
}

const REQUIRED_STRINGS = ['code', 'message', 'request_id'];

function isProblemJson(mediaType: string): boolean {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase() === 'application/problem+json';
}

/** What is wrong with one object alternative of an error body, as short clauses. */
function problemsOf(view: ObjectView): string[] {
  if (view.types.size > 0 && !view.types.has('object')) {
    return [`the body is ${[...view.types].join('/')} instead of an object`];
  }
  const problems: string[] = [];
  for (const name of REQUIRED_STRINGS) {
    const property = view.properties.get(name);
    if (!property) {
      problems.push(`"${name}" is missing`);
      continue;
    }
    const types = valueTypesOf(property.schema);
    if (!types.has('string')) problems.push(`"${name}" must be a string${types.size > 0 ? ` (it is ${[...types].join('/')})` : ''}`);
    if (!view.required.has(name)) problems.push(`"${name}" must be required`);
  }
  const details = view.properties.get('details');
  if (details) {
    const types = valueTypesOf(details.schema);
    if (!types.has('array') && !isObject(details.schema['items'])) {
      problems.push(`"details" must be an array${types.size > 0 ? ` (it is ${[...types].join('/')})` : ''}`);
    }
  }
  return problems;
}

/**
 * Each alternative of a `oneOf`/`anyOf` body is an error a client may receive, so each must conform;
 * properties and `required` shared by the outer schema (or its `allOf`) count for every alternative.
 */
function describeProblems(schema: Json): string[] {
  const base = objectView(schema, []);
  const alternatives = [...(Array.isArray(schema['oneOf']) ? schema['oneOf'] : []), ...(Array.isArray(schema['anyOf']) ? schema['anyOf'] : [])].filter(isObject);
  if (alternatives.length === 0) return problemsOf(base);
  const problems = new Set<string>();
  for (const alternative of alternatives) {
    const view = objectView(alternative, []);
    for (const [name, property] of base.properties) if (!view.properties.has(name)) view.properties.set(name, property);
    for (const name of base.required) view.required.add(name);
    for (const type of base.types) view.types.add(type);
    for (const problem of problemsOf(view)) problems.add(problem);
  }
  return [...problems];
}

/**
 * Error bodies are checked by their structure, after `$ref`s are resolved, never by the schema's name. The
 * message does not name the status, so a shared error schema yields one finding where it is defined.
 */
export default createRulesetFunction<unknown, Options | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: { allowProblemJson: { type: 'boolean' } },
    },
  },
  function errorFormat(document, options) {
    const allowProblemJson = options?.allowProblemJson === true;
    const results: IFunctionResult[] = [];
    const checked = new Set<object>();
    for (const operation of pathOperationsOf(document)) {
      for (const { status, response, at } of responsesOf(operation)) {
        if (!isErrorStatus(status)) continue;
        for (const media of jsonSchemasOf(response['content'], [...at, 'content'])) {
          if (allowProblemJson && isProblemJson(media.mediaType)) continue;
          if (checked.has(media.schema)) continue;
          checked.add(media.schema);
          const problems = describeProblems(media.schema);
          if (problems.length === 0) continue;
          results.push({
            message: `Error body does not follow the error format: ${problems.join('; ')}. Errors carry an object with required string "code", "message" and "request_id" and an optional "details" array${
              isProblemJson(media.mediaType) ? ' (application/problem+json is accepted only where the ruleset sets allowProblemJson)' : ''
            }.`,
            path: media.at,
          });
        }
      }
    }
    return results;
  },
);
