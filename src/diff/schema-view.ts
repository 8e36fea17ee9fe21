import type { Loc, Located, SpecDocuments } from './documents.js';

export const NUMERIC_CONSTRAINTS = ['maxLength', 'minLength', 'maximum', 'minimum', 'maxItems', 'minItems', 'maxProperties', 'minProperties'] as const;
export type NumericConstraint = (typeof NUMERIC_CONSTRAINTS)[number];

/**
 * A schema as the checks compare it: `$ref`s followed, `allOf` merged into one object, `nullable` folded into
 * the type set and a missing `type` inferred from `properties`/`items`, so that equivalent ways of writing
 * the same schema compare equal.
 */
export interface SchemaView {
  /** The resolved schema object (for `allOf`, the object holding it). */
  node: Record<string, unknown>;
  loc: Loc;
  /** Undefined means any type. Contains `null` when the value may be null. */
  types?: Set<string>;
  format?: string;
  enum?: unknown[];
  properties: Map<string, Located>;
  required: Set<string>;
  items?: Located;
  /** False when extra properties are forbidden; a schema when they must match one. */
  additionalProperties?: false | Located;
  alternatives?: { keyword: 'oneOf' | 'anyOf'; branches: Located[] };
  constraints: Partial<Record<NumericConstraint, number>>;
  exclusiveMaximum?: number;
  exclusiveMinimum?: number;
  multipleOf?: number;
  uniqueItems: boolean;
  pattern?: string;
  hasDefault: boolean;
  default?: unknown;
  readOnly: boolean;
  writeOnly: boolean;
  deprecated: boolean;
}

const views = new WeakMap<object, SchemaView>();
const EMPTY_SCHEMA: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

export function schemaView(documents: SpecDocuments, schema: Located): SchemaView {
  const resolved = documents.deref(schema.node, schema.loc);
  return buildView(documents, resolved, new Set());
}

function buildView(documents: SpecDocuments, resolved: Located, building: Set<object>): SchemaView {
  const raw = resolved.node;
  const node = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
  if (!node) {
    // OpenAPI 3.1 boolean schemas: `true` accepts anything, `false` nothing.
    return emptyView(EMPTY_SCHEMA, resolved.loc, raw === false ? new Set() : undefined);
  }
  const cached = views.get(node);
  if (cached) return cached;
  building.add(node);
  const view = ownView(node, resolved.loc);
  const allOf = Array.isArray(node['allOf']) ? node['allOf'] : [];
  allOf.forEach((member, index) => {
    const part = documents.deref(member, { file: resolved.loc.file, pointer: [...resolved.loc.pointer, 'allOf', index] });
    if (part.node === null || typeof part.node !== 'object' || building.has(part.node)) return;
    mergeInto(view, buildView(documents, part, building));
  });
  if (!view.types) view.types = inferTypes(view);
  building.delete(node);
  views.set(node, view);
  return view;
}

function emptyView(node: Record<string, unknown>, loc: Loc, types: Set<string> | undefined): SchemaView {
  return { node, loc, types, properties: new Map(), required: new Set(), constraints: {}, uniqueItems: false, hasDefault: false, readOnly: false, writeOnly: false, deprecated: false };
}

function ownView(node: Record<string, unknown>, loc: Loc): SchemaView {
  const child = (...segments: Array<string | number>): Loc => ({ file: loc.file, pointer: [...loc.pointer, ...segments] });
  const view = emptyView(node, loc, declaredTypes(node));
  if (typeof node['format'] === 'string') view.format = node['format'];
  if (Array.isArray(node['enum'])) view.enum = node['enum'];
  else if ('const' in node) view.enum = [node['const']];
  const properties = node['properties'];
  if (properties && typeof properties === 'object') {
    for (const [name, schema] of Object.entries(properties)) view.properties.set(name, { node: schema, loc: child('properties', name) });
  }
  if (Array.isArray(node['required'])) for (const name of node['required']) if (typeof name === 'string') view.required.add(name);
  if (node['items'] !== undefined && !Array.isArray(node['items'])) view.items = { node: node['items'], loc: child('items') };
  const additional = node['additionalProperties'] ?? node['unevaluatedProperties'];
  const additionalKey = node['additionalProperties'] !== undefined ? 'additionalProperties' : 'unevaluatedProperties';
  if (additional === false) view.additionalProperties = false;
  else if (additional && typeof additional === 'object') view.additionalProperties = { node: additional, loc: child(additionalKey) };
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const branches = node[keyword];
    if (Array.isArray(branches) && !view.alternatives) {
      view.alternatives = { keyword, branches: branches.map((branch, index) => ({ node: branch, loc: child(keyword, index) })) };
    }
  }
  for (const key of NUMERIC_CONSTRAINTS) if (typeof node[key] === 'number') view.constraints[key] = node[key];
  // 3.0 writes exclusiveMaximum as a flag on maximum, 3.1 as the bound itself.
  // Normalised to the 3.1 form, so migrating `maximum: 10, exclusiveMaximum: true` to `exclusiveMaximum: 10` is no change.
  if (typeof node['exclusiveMaximum'] === 'number') view.exclusiveMaximum = node['exclusiveMaximum'];
  else if (node['exclusiveMaximum'] === true && view.constraints.maximum !== undefined) {
    view.exclusiveMaximum = view.constraints.maximum;
    delete view.constraints.maximum;
  }
  if (typeof node['exclusiveMinimum'] === 'number') view.exclusiveMinimum = node['exclusiveMinimum'];
  else if (node['exclusiveMinimum'] === true && view.constraints.minimum !== undefined) {
    view.exclusiveMinimum = view.constraints.minimum;
    delete view.constraints.minimum;
  }
  if (typeof node['multipleOf'] === 'number') view.multipleOf = node['multipleOf'];
  view.uniqueItems = node['uniqueItems'] === true;
  if (typeof node['pattern'] === 'string') view.pattern = node['pattern'];
  if ('default' in node) {
    view.hasDefault = true;
    view.default = node['default'];
  }
  view.readOnly = node['readOnly'] === true;
  view.writeOnly = node['writeOnly'] === true;
  view.deprecated = node['deprecated'] === true;
  return view;
}

function declaredTypes(node: Record<string, unknown>): Set<string> | undefined {
  const type = node['type'];
  let types: Set<string> | undefined;
  if (typeof type === 'string') types = new Set([type]);
  else if (Array.isArray(type)) types = new Set(type.filter((item): item is string => typeof item === 'string'));
  if (types && (node['nullable'] === true || node['x-nullable'] === true)) types.add('null');
  return types;
}

function inferTypes(view: SchemaView): Set<string> | undefined {
  if (view.alternatives) return undefined;
  if (view.properties.size > 0 || view.additionalProperties !== undefined) return new Set(['object']);
  if (view.items) return new Set(['array']);
  return undefined;
}

function mergeInto(target: SchemaView, part: SchemaView): void {
  if (part.types) target.types = target.types ? intersect(target.types, part.types) : new Set(part.types);
  target.format ??= part.format;
  target.enum ??= part.enum;
  for (const [name, schema] of part.properties) if (!target.properties.has(name)) target.properties.set(name, schema);
  for (const name of part.required) target.required.add(name);
  target.items ??= part.items;
  target.additionalProperties ??= part.additionalProperties;
  target.alternatives ??= part.alternatives;
  for (const key of NUMERIC_CONSTRAINTS) if (target.constraints[key] === undefined && part.constraints[key] !== undefined) target.constraints[key] = part.constraints[key];
  target.exclusiveMaximum ??= part.exclusiveMaximum;
  target.exclusiveMinimum ??= part.exclusiveMinimum;
  target.multipleOf ??= part.multipleOf;
  target.uniqueItems ||= part.uniqueItems;
  target.pattern ??= part.pattern;
  if (!target.hasDefault && part.hasDefault) {
    target.hasDefault = true;
    target.default = part.default;
  }
  target.readOnly ||= part.readOnly;
  target.writeOnly ||= part.writeOnly;
  target.deprecated ||= part.deprecated;
}

function intersect(a: Set<string>, b: Set<string>): Set<string> {
  const result = new Set<string>();
  for (const item of a) {
    if (b.has(item)) result.add(item);
    else if (item === 'number' && b.has('integer')) result.add('integer');
    else if (item === 'integer' && b.has('number')) result.add('integer');
  }
  return result;
}

/** Canonical JSON with sorted keys, so `{a,b}` and `{b,a}` compare equal. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}
