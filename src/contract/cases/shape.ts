import type { JsonSchema } from '../types.js';

type Json = Record<string, unknown>;

export interface ObjectShape {
  properties: Record<string, Json | boolean>;
  required: string[];
}

/** The properties and required names of an object schema, `allOf` members merged in. */
export function objectShape(schema: JsonSchema, depth = 0): ObjectShape {
  const shape: ObjectShape = { properties: {}, required: [] };
  if (typeof schema === 'boolean' || depth > 8) return shape;
  if (schema['properties'] && typeof schema['properties'] === 'object') {
    Object.assign(shape.properties, schema['properties'] as Record<string, Json | boolean>);
  }
  if (Array.isArray(schema['required'])) shape.required.push(...schema['required'].map(String));
  if (Array.isArray(schema['allOf'])) {
    for (const member of schema['allOf']) {
      const inner = objectShape(member as JsonSchema, depth + 1);
      Object.assign(shape.properties, inner.properties);
      shape.required.push(...inner.required);
    }
  }
  shape.required = [...new Set(shape.required)];
  return shape;
}

/** The single JSON type a schema allows, or undefined when it allows several or none is stated. */
export function singleType(schema: Json | boolean | undefined): string | undefined {
  if (!schema || typeof schema === 'boolean') return undefined;
  const type = schema['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) {
    const nonNull = type.filter((item) => item !== 'null');
    return nonNull.length === 1 ? String(nonNull[0]) : undefined;
  }
  if (schema['properties']) return 'object';
  return undefined;
}

/** A value of a different JSON type than `type`, one a lenient server cannot coerce into the right one. */
export function wrongTypeValue(type: string): unknown {
  switch (type) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return 'not-a-number';
    case 'boolean':
      return 'not-a-boolean';
    case 'array':
      return 'not-an-array';
    case 'object':
      return 'not-an-object';
    default:
      return undefined;
  }
}
