/**
 * ajv's errors, reworded for people reading a contract report: the property or the allowed values are named
 * in the message, and the bookkeeping errors of the wrappers the translation adds (`if`/`then`/`else`) are
 * left out because the error inside them already says what is wrong.
 */
import type { ErrorObject } from 'ajv';
import type { SchemaValidationError } from '../types.js';

/** Enough to act on; a body with thousands of broken items is not helped by thousands of lines. */
export const MAX_ERRORS = 50;

const MAX_VALUE_LIST = 120;

export function formatErrors(errors: readonly ErrorObject[]): SchemaValidationError[] {
  const seen = new Set<string>();
  const formatted: SchemaValidationError[] = [];
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    const message = messageOf(error);
    const key = `${error.instancePath}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    formatted.push({ instancePath: error.instancePath, message });
    if (formatted.length >= MAX_ERRORS) break;
  }
  return formatted;
}

function messageOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `must NOT have additional property '${String(params['additionalProperty'])}'`;
    case 'enum':
      return `must be one of: ${listValues(params['allowedValues'])}`;
    case 'const':
      return `must be ${compactJson(params['allowedValue'])}`;
    case 'type': {
      const type = params['type'];
      const types = Array.isArray(type) ? type : String(type).split(',');
      return `must be ${types.join(' or ')}`;
    }
    default:
      return error.message ?? `must pass "${error.keyword}"`;
  }
}

function listValues(values: unknown): string {
  if (!Array.isArray(values)) return compactJson(values);
  const text = values.map(compactJson).join(', ');
  return text.length > MAX_VALUE_LIST ? `${text.slice(0, MAX_VALUE_LIST - 1)}…` : text;
}

function compactJson(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text;
}
