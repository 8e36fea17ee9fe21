/**
 * A header arrives as text; its schema describes the value it carries (OpenAPI `style: simple`): numbers and
 * booleans are written out, arrays are comma-separated. Converting before validation lets `integer` and
 * `maximum` mean what the spec author meant. Text that does not convert stays text, so the type error names
 * the real problem.
 */
import type { JsonSchema } from '../types.js';
import { isSchemaObject } from './schema-index.js';

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export function headerValueFor(schema: JsonSchema, text: string): unknown {
  const type = primaryType(schema);
  if (type === 'array') {
    const items = isSchemaObject(schema) ? schema['items'] : undefined;
    const itemType = primaryType(isSchemaObject(items) ? items : {});
    return text.split(',').map((part) => convertScalar(itemType, part.trim()));
  }
  return convertScalar(type, text.trim());
}

function convertScalar(type: string | undefined, text: string): unknown {
  if ((type === 'integer' || type === 'number') && NUMBER.test(text)) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

function primaryType(schema: JsonSchema, depth = 0): string | undefined {
  if (!isSchemaObject(schema) || depth > 4) return undefined;
  const type = schema['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((candidate): candidate is string => typeof candidate === 'string' && candidate !== 'null');
  for (const keyword of ['allOf', 'oneOf', 'anyOf']) {
    const members = schema[keyword];
    if (!Array.isArray(members)) continue;
    for (const member of members) {
      const found = primaryType(member as JsonSchema, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}
