/**
 * The schemas a client sends: request bodies and parameters (path-level and operation-level, `schema` or
 * `content`). Walked once per document with one shared visited set, so a component used by many operations
 * is seen once; its findings then land where Spectral maps the first path through the `$ref`, which is the
 * component itself.
 */
import { isObject, operationsOf, pushRequestSchemas, type Json, type JsonPathSegments, type SchemaRoot } from './openapi.js';

export interface InputSchemaVisit {
  schema: Json;
  at: JsonPathSegments;
  /**
   * Keywords contributed by `allOf` siblings and parents: `allOf: [{ $ref: Name }, { maxLength: 40 }]`
   * bounds the string that `Name` declares.
   */
  inherited: Json;
}

/** Keywords that constrain size and so may come from an `allOf` sibling. */
const INHERITABLE = ['maxLength', 'enum', 'const', 'format', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'maxItems'];

function inheritableOf(schema: Json): Json {
  const picked: Json = {};
  for (const keyword of INHERITABLE) if (schema[keyword] !== undefined) picked[keyword] = schema[keyword];
  return picked;
}

function inputRoots(document: unknown): SchemaRoot[] {
  const roots: SchemaRoot[] = [];
  for (const entry of operationsOf(document)) pushRequestSchemas(roots, entry);
  return roots;
}

/** `readOnly: true` on the schema or, as `allOf: [{ readOnly: true }, { $ref: X }]` writes it, on a member. */
function isReadOnly(schema: Json): boolean {
  if (schema['readOnly'] === true) return true;
  const allOf = schema['allOf'];
  return Array.isArray(allOf) && allOf.some((member) => isObject(member) && member['readOnly'] === true);
}

/**
 * Visits every schema a client may send, skipping what a client never sends: `readOnly` properties and
 * `not` subschemas (which describe rejected values).
 */
export function walkInputSchemas(document: unknown, visit: (node: InputSchemaVisit) => void): void {
  const seen = new Set<object>();
  const stack: InputSchemaVisit[] = [];
  for (const root of inputRoots(document).reverse()) {
    if (isObject(root.schema)) stack.push({ schema: root.schema, at: root.at, inherited: {} });
  }
  while (stack.length > 0) {
    const current = stack.pop()!;
    const { schema } = current;
    if (seen.has(schema)) continue;
    seen.add(schema);
    visit(current);
    const children: InputSchemaVisit[] = [];
    const push = (value: unknown, at: JsonPathSegments, inherited: Json = {}): void => {
      if (isObject(value) && !isReadOnly(value)) children.push({ schema: value, at, inherited });
    };
    const allOf = schema['allOf'];
    if (Array.isArray(allOf)) {
      const shared: Json = { ...current.inherited, ...inheritableOf(schema) };
      allOf.forEach((member) => { if (isObject(member)) Object.assign(shared, inheritableOf(member)); });
      allOf.forEach((member, index) => push(member, [...current.at, 'allOf', index], shared));
    }
    for (const keyword of ['oneOf', 'anyOf', 'prefixItems'] as const) {
      const list = schema[keyword];
      if (Array.isArray(list)) list.forEach((member, index) => push(member, [...current.at, keyword, index]));
    }
    if (isObject(schema['properties'])) {
      for (const [name, property] of Object.entries(schema['properties'])) push(property, [...current.at, 'properties', name]);
    }
    push(schema['items'], [...current.at, 'items']);
    push(schema['additionalProperties'], [...current.at, 'additionalProperties']);
    if (isObject(schema['patternProperties'])) {
      for (const [pattern, property] of Object.entries(schema['patternProperties'])) push(property, [...current.at, 'patternProperties', pattern]);
    }
    for (let index = children.length - 1; index >= 0; index -= 1) stack.push(children[index]!);
  }
}

/** `type: string` in 3.0, and `type: [string, 'null']` in 3.1. */
export function hasType(schema: Json, type: string): boolean {
  const declared = schema['type'];
  return declared === type || (Array.isArray(declared) && declared.includes(type));
}
