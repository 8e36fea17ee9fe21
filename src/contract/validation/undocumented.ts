/**
 * Strict mode's question: does the body carry properties the schema never mentions? Schema validation says
 * yes only under `additionalProperties: false`, which few specs write; this walk reports every property no
 * applicable schema declares, unless the schema explicitly opens the object (`additionalProperties: true` or
 * a schema, a matching `patternProperties`) or describes it as a free-form map (no properties at all).
 *
 * "Applicable" follows the composition rules: every `allOf` member; for `oneOf`/`anyOf` the branch the
 * discriminator selects, otherwise every branch whose type admits the value (a property any of them
 * declares is documented, so ambiguity never produces a false report).
 */
import { RE2JS } from 're2js';
import type { JsonSchema } from '../types.js';
import { discriminatorOf, selectBranch } from './discriminator.js';
import { escapePointerSegment, isSchemaObject, type SchemaIndex, type SchemaObject } from './schema-index.js';

const MAX_DEPTH = 64;
const MAX_REPORTED = 100;

export function undocumentedProperties(schema: JsonSchema, body: unknown, index: SchemaIndex): string[] {
  const found: string[] = [];
  visit([schema], body, '', 0, index, found);
  return found;
}

function visit(schemas: JsonSchema[], data: unknown, pointer: string, depth: number, index: SchemaIndex, found: string[]): void {
  if (depth > MAX_DEPTH || found.length >= MAX_REPORTED || data === null || typeof data !== 'object') return;
  const applicable = expand(schemas, data, index);
  if (applicable.length === 0) return;

  if (Array.isArray(data)) {
    data.forEach((item, position) => {
      const itemSchemas = applicable.flatMap((schema) => itemSchemasAt(schema, position));
      if (itemSchemas.length > 0) visit(itemSchemas, item, `${pointer}/${position}`, depth + 1, index, found);
    });
    return;
  }

  const record = data as Record<string, unknown>;
  const describesProperties = applicable.some(
    (schema) =>
      isSchemaObject(schema['properties']) ||
      isSchemaObject(schema['patternProperties']) ||
      schema['additionalProperties'] === false ||
      schema['unevaluatedProperties'] === false,
  );
  if (!describesProperties) return;
  const openSchemas = applicable.flatMap((schema) => openingSchemas(schema));

  for (const [name, value] of Object.entries(record)) {
    const at = `${pointer}/${escapePointerSegment(name)}`;
    const declared = applicable.flatMap((schema) => declaredSchemas(schema, name));
    if (declared.length > 0) {
      visit(declared, value, at, depth + 1, index, found);
    } else if (openSchemas.length > 0) {
      const described = openSchemas.filter((schema) => schema !== true);
      if (described.length > 0) visit(described, value, at, depth + 1, index, found);
    } else {
      found.push(at);
      if (found.length >= MAX_REPORTED) return;
    }
  }
}

/** The schemas that apply to `data` together: the given ones plus compositions resolved as described above. */
function expand(schemas: JsonSchema[], data: unknown, index: SchemaIndex): SchemaObject[] {
  const result: SchemaObject[] = [];
  const seen = new Set<object>();
  const add = (candidate: unknown): void => {
    if (!isSchemaObject(candidate) || seen.has(candidate)) return;
    seen.add(candidate);
    if (typeof candidate['$ref'] === 'string') add(index.resolve(candidate['$ref']));
    result.push(candidate);
    const allOf = candidate['allOf'];
    if (Array.isArray(allOf)) allOf.forEach(add);
    const discriminator = discriminatorOf(candidate, index);
    const selected = discriminator ? selectBranch(discriminator, data) : undefined;
    if (selected !== undefined) {
      add(selected);
    } else {
      for (const keyword of ['oneOf', 'anyOf'] as const) {
        const branches = candidate[keyword];
        if (Array.isArray(branches)) branches.filter((branch) => admitsType(branch, data)).forEach(add);
      }
    }
    add(candidate['then']);
    add(candidate['else']);
  };
  schemas.forEach(add);
  return result;
}

function admitsType(schema: unknown, data: unknown): boolean {
  if (!isSchemaObject(schema)) return schema !== false;
  const type = schema['type'];
  if (type === undefined) return true;
  const wanted = Array.isArray(data) ? 'array' : 'object';
  const types = Array.isArray(type) ? type : [type];
  return types.includes(wanted);
}

function itemSchemasAt(schema: SchemaObject, position: number): JsonSchema[] {
  const prefixItems = schema['prefixItems'];
  if (Array.isArray(prefixItems) && position < prefixItems.length) return [prefixItems[position] as JsonSchema];
  const items = schema['items'];
  if (Array.isArray(items)) return position < items.length ? [items[position] as JsonSchema] : [];
  return isSchemaObject(items) ? [items] : [];
}

function declaredSchemas(schema: SchemaObject, name: string): JsonSchema[] {
  const declared: JsonSchema[] = [];
  const properties = schema['properties'];
  if (isSchemaObject(properties) && Object.hasOwn(properties, name)) declared.push(properties[name] as JsonSchema);
  const patternProperties = schema['patternProperties'];
  if (isSchemaObject(patternProperties)) {
    for (const [pattern, patternSchema] of Object.entries(patternProperties)) {
      if (patternMatches(pattern, name)) declared.push(patternSchema as JsonSchema);
    }
  }
  return declared;
}

function openingSchemas(schema: SchemaObject): JsonSchema[] {
  const opening: JsonSchema[] = [];
  for (const keyword of ['additionalProperties', 'unevaluatedProperties']) {
    const value = schema[keyword];
    if (value === true || isSchemaObject(value)) opening.push(value);
  }
  return opening;
}

const patternCache = new Map<string, RE2JS | null>();

/** Linear-time like the validator; a pattern RE2 cannot run is taken to match, so it never causes a report. */
function patternMatches(pattern: string, name: string): boolean {
  let compiled = patternCache.get(pattern);
  if (compiled === undefined) {
    try {
      compiled = RE2JS.compile(RE2JS.translateRegExp(pattern));
    } catch {
      compiled = null;
    }
    patternCache.set(pattern, compiled);
  }
  return compiled === null ? true : compiled.test(name);
}
