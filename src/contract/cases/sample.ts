import { generateSync } from 'json-schema-faker';
import type { JsonSchema, OpenApiVersion } from '../types.js';

type Json = Record<string, unknown>;

/**
 * An OpenAPI schema rewritten as plain JSON Schema for generating a *request* value: readOnly properties
 * dropped (a client must not send them), 3.0's `nullable` and boolean exclusive bounds turned into their
 * JSON Schema forms. Cycles in dereferenced specs are cut at a fixed depth rather than followed forever.
 */
export function requestSchema(schema: JsonSchema, version: OpenApiVersion, depth = 0, ancestors: Set<object> = new Set()): JsonSchema {
  if (typeof schema === 'boolean') return schema;
  // A schema inside itself (a tree node's children) is cut on its first repetition: each level of a
  // recursive schema with several self-references would otherwise multiply the work.
  if (depth > 12 || ancestors.has(schema)) return {};
  ancestors.add(schema);
  try {
    return convert(schema, version, depth, ancestors);
  } finally {
    ancestors.delete(schema);
  }
}

function convert(schema: Record<string, unknown>, version: OpenApiVersion, depth: number, ancestors: Set<object>): JsonSchema {
  const result: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    switch (key) {
      case 'properties': {
        const properties: Json = {};
        for (const [name, property] of Object.entries(value as Json)) {
          if (isObject(property) && property['readOnly'] === true) continue;
          properties[name] = requestSchema(property as JsonSchema, version, depth + 1, ancestors);
        }
        result[key] = properties;
        break;
      }
      case 'items':
      case 'additionalProperties':
      case 'not':
        result[key] = isObject(value) || typeof value === 'boolean' ? requestSchema(value as JsonSchema, version, depth + 1, ancestors) : value;
        break;
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
      case 'prefixItems':
        result[key] = Array.isArray(value) ? value.map((item) => requestSchema(item as JsonSchema, version, depth + 1, ancestors)) : value;
        break;
      case 'discriminator':
      case 'xml':
      case 'externalDocs':
      case 'nullable':
        break;
      default:
        result[key] = value;
    }
  }
  const readOnlyNames = new Set(
    Object.entries(isObject(schema['properties']) ? (schema['properties'] as Json) : {})
      .filter(([, property]) => isObject(property) && property['readOnly'] === true)
      .map(([name]) => name),
  );
  if (Array.isArray(result['required']) && readOnlyNames.size > 0) {
    result['required'] = (result['required'] as unknown[]).filter((name) => !readOnlyNames.has(String(name)));
  }
  if (version === '3.0') {
    if (schema['exclusiveMinimum'] === true) result['exclusiveMinimum'] = schema['minimum'];
    if (schema['exclusiveMaximum'] === true) result['exclusiveMaximum'] = schema['maximum'];
    if (schema['exclusiveMinimum'] === true) delete result['minimum'];
    if (schema['exclusiveMaximum'] === true) delete result['maximum'];
    if (schema['exclusiveMinimum'] === false) delete result['exclusiveMinimum'];
    if (schema['exclusiveMaximum'] === false) delete result['exclusiveMaximum'];
  }
  // `format: byte` is base64; the generator does not know it, so give it a pattern it can follow.
  if (schema['format'] === 'byte' && !schema['pattern']) result['pattern'] = '^(?:[A-Za-z0-9+/]{4}){1,8}$';
  if (schema['format'] === 'int32' || schema['format'] === 'int64') delete result['format'];
  return result;
}

function isObject(value: unknown): value is Json {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

/** A deterministic 32-bit seed from the run seed and a label, so each value is reproducible on its own. */
export function deriveSeed(runSeed: number, label: string): number {
  let hash = (runSeed ^ 0x811c9dc5) >>> 0;
  for (let index = 0; index < label.length; index++) {
    hash ^= label.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash || 1;
}

export interface SampleOptions {
  seed: number;
  version: OpenApiVersion;
  /** Fill optional properties too (positive cases exercise as much of the schema as they can). */
  allOptionals?: boolean;
}

/** A value valid against the request view of `schema`; `undefined` when no value can be produced. */
export function sampleRequestValue(schema: JsonSchema | undefined, options: SampleOptions): unknown {
  if (schema === undefined) return undefined;
  const prepared = requestSchema(schema, options.version);
  try {
    return generateSync(prepared as never, {
      seed: options.seed,
      alwaysFakeOptionals: options.allOptionals ?? true,
      useExamplesValue: true,
      useDefaultValue: true,
      maxDepth: 6,
      maxDefaultItems: 2,
      failOnInvalidTypes: false,
    } as never);
  } catch {
    return undefined;
  }
}
