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
import { discriminatorOf, selectBranch, type Discriminator } from './discriminator.js';
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
  const shape = shapeOf(schemas, data, index);
  if (shape.applicable.length === 0) return;

  if (Array.isArray(data)) {
    data.forEach((item, position) => {
      if (item === null || typeof item !== 'object') return;
      const itemSchemas = shape.items ?? shape.applicable.flatMap((schema) => itemSchemasAt(schema, position));
      if (itemSchemas.length > 0) visit(itemSchemas, item, `${pointer}/${position}`, depth + 1, index, found);
    });
    return;
  }
  if (!shape.describesProperties) return;

  const record = data as Record<string, unknown>;
  for (const name in record) {
    if (!Object.hasOwn(record, name)) continue;
    const value = record[name];
    const declared = shape.declared(name);
    // Scalars have nothing below them: the pointer is only built for objects, arrays and reports.
    const nested = value !== null && typeof value === 'object';
    if (declared.length > 0) {
      if (nested) visit(declared, value, `${pointer}/${escapePointerSegment(name)}`, depth + 1, index, found);
    } else if (shape.open.length > 0) {
      if (nested && shape.described.length > 0) visit(shape.described, value, `${pointer}/${escapePointerSegment(name)}`, depth + 1, index, found);
    } else {
      found.push(`${pointer}/${escapePointerSegment(name)}`);
      if (found.length >= MAX_REPORTED) return;
    }
  }
}

/** What the applicable schemas say about an object or array, computed once per schema when it does not depend on the data. */
interface Shape {
  applicable: SchemaObject[];
  describesProperties: boolean;
  open: JsonSchema[];
  /** The opening schemas that describe the extra properties (`additionalProperties: {...}`), to walk into. */
  described: JsonSchema[];
  /** The schemas of every array item, when no tuple form makes them depend on the position. */
  items: JsonSchema[] | undefined;
  declared(name: string): JsonSchema[];
}

const staticShapes = new WeakMap<object, Shape>();

function shapeOf(schemas: JsonSchema[], data: unknown, index: SchemaIndex): Shape {
  const single = schemas.length === 1 && isSchemaObject(schemas[0]) ? schemas[0] : undefined;
  if (single) {
    const cached = staticShapes.get(single);
    if (cached) return cached;
  }
  const { applicable, dataDependent } = expand(schemas, data, index);
  const shape = buildShape(applicable);
  if (single && !dataDependent) staticShapes.set(single, shape);
  return shape;
}

function buildShape(applicable: SchemaObject[]): Shape {
  const describesProperties = applicable.some(
    (schema) =>
      isSchemaObject(schema['properties']) ||
      isSchemaObject(schema['patternProperties']) ||
      schema['additionalProperties'] === false ||
      schema['unevaluatedProperties'] === false,
  );
  const hasPatterns = applicable.some((schema) => isSchemaObject(schema['patternProperties']));
  const byName = new Map<string, JsonSchema[]>();
  for (const schema of applicable) {
    const properties = schema['properties'];
    if (!isSchemaObject(properties)) continue;
    for (const [name, propertySchema] of Object.entries(properties)) {
      const list = byName.get(name) ?? [];
      list.push(propertySchema as JsonSchema);
      byName.set(name, list);
    }
  }
  const open = applicable.flatMap((schema) => openingSchemas(schema));
  return {
    applicable,
    describesProperties,
    open,
    described: open.filter((schema) => schema !== true),
    items: applicable.some((schema) => Array.isArray(schema['prefixItems']) || Array.isArray(schema['items']))
      ? undefined
      : applicable.flatMap((schema) => (isSchemaObject(schema['items']) ? [schema['items']] : [])),
    declared(name) {
      const named = byName.get(name) ?? [];
      if (!hasPatterns) return named;
      return [...named, ...applicable.flatMap((schema) => patternSchemas(schema, name))];
    },
  };
}

/**
 * The schemas that apply to `data` together: the given ones plus compositions resolved as described above.
 * `dataDependent` says whether the answer would differ for another value (a choice among branches).
 */
function expand(schemas: JsonSchema[], data: unknown, index: SchemaIndex): { applicable: SchemaObject[]; dataDependent: boolean } {
  const applicable: SchemaObject[] = [];
  const seen = new Set<object>();
  let dataDependent = false;
  const add = (candidate: unknown): void => {
    if (!isSchemaObject(candidate) || seen.has(candidate)) return;
    seen.add(candidate);
    if (typeof candidate['$ref'] === 'string') add(index.resolve(candidate['$ref']));
    applicable.push(candidate);
    const allOf = candidate['allOf'];
    if (Array.isArray(allOf)) allOf.forEach(add);
    const hasBranches = Array.isArray(candidate['oneOf']) || Array.isArray(candidate['anyOf']);
    if (hasBranches || candidate['then'] !== undefined || candidate['else'] !== undefined) dataDependent = true;
    if (!hasBranches) {
      add(candidate['then']);
      add(candidate['else']);
      return;
    }
    const discriminator = cachedDiscriminator(candidate, index);
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
  return { applicable, dataDependent };
}

const discriminators = new WeakMap<object, Discriminator | null>();

function cachedDiscriminator(schema: SchemaObject, index: SchemaIndex): Discriminator | undefined {
  let discriminator = discriminators.get(schema);
  if (discriminator === undefined) {
    discriminator = discriminatorOf(schema, index) ?? null;
    discriminators.set(schema, discriminator);
  }
  return discriminator ?? undefined;
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

function patternSchemas(schema: SchemaObject, name: string): JsonSchema[] {
  const patternProperties = schema['patternProperties'];
  if (!isSchemaObject(patternProperties)) return [];
  const matching: JsonSchema[] = [];
  for (const [pattern, patternSchema] of Object.entries(patternProperties)) {
    if (patternMatches(pattern, name)) matching.push(patternSchema as JsonSchema);
  }
  return matching;
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
