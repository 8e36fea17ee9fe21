/**
 * Where JSON payloads live in an OpenAPI 3.x document: request bodies and responses of every operation under
 * `paths` and (3.1) `webhooks`, plus the object view of a schema that merges `allOf` the way a validator
 * applies it. Works on the resolved document Spectral hands to functions.
 */
import { HTTP_METHODS, isJsonMediaType, isObject, type HttpMethod, type Json, type JsonPathSegments } from './openapi.js';

export interface AnyOperation {
  /** The path template, or the webhook name for webhooks. */
  path: string;
  method: HttpMethod;
  operation: Json;
  pathItem: Json;
  at: JsonPathSegments;
}

/** Operations under `paths` and `webhooks`, in document order. */
export function allOperationsOf(document: unknown): AnyOperation[] {
  if (!isObject(document)) return [];
  const entries: AnyOperation[] = [];
  for (const section of ['paths', 'webhooks'] as const) {
    const items = document[section];
    if (!isObject(items)) continue;
    for (const [path, pathItem] of Object.entries(items)) {
      // `x-` extension keys under `paths` are not path items.
      if (!isObject(pathItem) || (section === 'paths' && !path.startsWith('/'))) continue;
      for (const method of HTTP_METHODS) {
        const operation = pathItem[method];
        if (isObject(operation)) entries.push({ path, method, operation, pathItem, at: [section, path, method] });
      }
    }
  }
  return entries;
}

export interface MediaSchema {
  mediaType: string;
  schema: Json;
  /** JSON path of the schema object. */
  at: JsonPathSegments;
}

/** The schemas of the JSON media types of a `content` map. */
export function jsonSchemasOf(content: unknown, at: JsonPathSegments): MediaSchema[] {
  if (!isObject(content)) return [];
  const found: MediaSchema[] = [];
  for (const [mediaType, media] of Object.entries(content)) {
    if (!isJsonMediaType(mediaType) || !isObject(media) || !isObject(media['schema'])) continue;
    found.push({ mediaType, schema: media['schema'], at: [...at, mediaType, 'schema'] });
  }
  return found;
}

export interface ResponseEntry {
  status: string;
  response: Json;
  at: JsonPathSegments;
}

export function responsesOf(operation: AnyOperation): ResponseEntry[] {
  const responses = operation.operation['responses'];
  if (!isObject(responses)) return [];
  return Object.entries(responses)
    .filter((entry): entry is [string, Json] => isObject(entry[1]))
    .map(([status, response]) => ({ status, response, at: [...operation.at, 'responses', status] }));
}

/** Every JSON request and response body schema of an operation. */
export function payloadSchemasOf(operation: AnyOperation): MediaSchema[] {
  const schemas: MediaSchema[] = [];
  const body = operation.operation['requestBody'];
  if (isObject(body)) schemas.push(...jsonSchemasOf(body['content'], [...operation.at, 'requestBody', 'content']));
  for (const { response, at } of responsesOf(operation)) {
    schemas.push(...jsonSchemasOf(response['content'], [...at, 'content']));
  }
  return schemas;
}

export interface ObjectView {
  /** Properties merged across `allOf`, first definition wins, with the JSON path where each is defined. */
  properties: Map<string, { schema: Json; at: JsonPathSegments }>;
  required: Set<string>;
  /** Declared `type`s merged across `allOf` (empty when no branch declares one). */
  types: Set<string>;
}

/**
 * The object a schema describes once `allOf` branches are merged: a validator requires the union of their
 * `required` lists and sees the union of their properties. Cycles through `allOf` are cut.
 */
export function objectView(schema: Json, at: JsonPathSegments): ObjectView {
  const view: ObjectView = { properties: new Map(), required: new Set(), types: new Set() };
  const seen = new Set<object>();
  const visit = (node: Json, nodeAt: JsonPathSegments): void => {
    if (seen.has(node)) return;
    seen.add(node);
    for (const type of typesOf(node)) view.types.add(type);
    if (Array.isArray(node['required'])) {
      for (const name of node['required']) if (typeof name === 'string') view.required.add(name);
    }
    if (isObject(node['properties'])) {
      for (const [name, property] of Object.entries(node['properties'])) {
        if (isObject(property) && !view.properties.has(name)) {
          view.properties.set(name, { schema: property, at: [...nodeAt, 'properties', name] });
        }
      }
    }
    if (Array.isArray(node['allOf'])) {
      node['allOf'].forEach((branch, index) => {
        if (isObject(branch)) visit(branch, [...nodeAt, 'allOf', index]);
      });
    }
  };
  visit(schema, at);
  return view;
}

/** `type: string`, `type: [string, "null"]` (3.1) → the declared types. */
export function typesOf(schema: Json): string[] {
  const type = schema['type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return [];
}

/**
 * The types a value of this schema may have, looking through `allOf` and, when every alternative agrees,
 * `oneOf`/`anyOf`; `enum`/`const` values count too. Empty when the schema does not say.
 */
export function valueTypesOf(schema: Json): Set<string> {
  const types = new Set(objectView(schema, []).types);
  if (types.size > 0) return types;
  const literals = Array.isArray(schema['enum']) ? schema['enum'] : 'const' in schema ? [schema['const']] : [];
  for (const literal of literals) {
    if (literal === null) types.add('null');
    else if (Array.isArray(literal)) types.add('array');
    else if (typeof literal === 'number') types.add(Number.isInteger(literal) ? 'integer' : 'number');
    else types.add(typeof literal);
  }
  if (types.size > 0) return types;
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const branches = schema[keyword];
    if (!Array.isArray(branches) || branches.length === 0) continue;
    const branchTypes = branches.map((branch) => (isObject(branch) ? valueTypesOf(branch) : new Set<string>()));
    if (branchTypes.some((set) => set.size === 0)) return new Set();
    for (const set of branchTypes) for (const type of set) types.add(type);
  }
  return types;
}

export interface ListShape {
  /** `array` for a top-level array body, otherwise the wrapper property holding the items. */
  kind: 'array' | 'wrapped';
  wrapperProperty?: string;
  view?: ObjectView;
}

const LIST_WRAPPER_PROPERTIES = ['data', 'items'];

/** Whether a response body schema is a list: an array, or an object wrapping one under `data`/`items`. */
export function listShapeOf(schema: Json): ListShape | undefined {
  const view = objectView(schema, []);
  if (view.types.has('array') || (view.types.size === 0 && isObject(schema['items']))) {
    return holdsResources(schema) ? { kind: 'array' } : undefined;
  }
  if (view.types.size > 0 && !view.types.has('object')) return undefined;
  for (const name of LIST_WRAPPER_PROPERTIES) {
    const property = view.properties.get(name);
    if (property && (valueTypesOf(property.schema).has('array') || isObject(property.schema['items'])) && holdsResources(property.schema)) {
      return { kind: 'wrapped', wrapperProperty: name, view };
    }
  }
  return undefined;
}

/**
 * An array of scalars (`[true, false]` from a "contains" check, a list of enum values) is an answer, not a
 * collection of resources; only arrays whose items are objects (or undeclared) are treated as collections.
 */
function holdsResources(arraySchema: Json): boolean {
  const items = arraySchema['items'];
  if (!isObject(items)) return true;
  const types = valueTypesOf(items);
  return types.size === 0 || types.has('object');
}

export interface ListResponse {
  response: ResponseEntry;
  shape: ListShape;
  media: MediaSchema;
}

/** The 2xx JSON responses of a GET that return a list; empty for anything else. */
export function listResponsesOf(operation: AnyOperation): ListResponse[] {
  if (operation.method !== 'get') return [];
  const lists: ListResponse[] = [];
  for (const response of responsesOf(operation)) {
    if (!/^2(\d\d|XX)$/i.test(response.status)) continue;
    for (const media of jsonSchemasOf(response.response['content'], [...response.at, 'content'])) {
      const shape = listShapeOf(media.schema);
      if (shape) {
        lists.push({ response, shape, media });
        break;
      }
    }
  }
  return lists;
}

/** Query parameters of an operation (path-level ones included, operation-level ones winning). */
export function queryParametersOf(operation: AnyOperation): { name: string; parameter: Json; at: JsonPathSegments }[] {
  const byName = new Map<string, { name: string; parameter: Json; at: JsonPathSegments }>();
  const collect = (list: unknown, at: JsonPathSegments): void => {
    if (!Array.isArray(list)) return;
    list.forEach((parameter, index) => {
      if (isObject(parameter) && parameter['in'] === 'query' && typeof parameter['name'] === 'string') {
        byName.set(parameter['name'], { name: parameter['name'], parameter, at: [...at, index] });
      }
    });
  };
  collect(operation.pathItem['parameters'], [operation.at[0]!, operation.path, 'parameters']);
  collect(operation.operation['parameters'], [...operation.at, 'parameters']);
  return [...byName.values()];
}

export interface SchemaNode {
  schema: Json;
  at: JsonPathSegments;
  propertyName?: string;
}

/**
 * Like `walkSchema`, but the caller owns the `seen` set, so a walk over many payloads visits each schema
 * object of the resolved document once in total (shared components are large in real specs).
 */
export function walkSchemasOnce(root: Json, at: JsonPathSegments, seen: Set<object>, visit: (node: SchemaNode) => void): void {
  const stack: SchemaNode[] = [{ schema: root, at }];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (seen.has(current.schema)) continue;
    seen.add(current.schema);
    visit(current);
    const { schema } = current;
    const push = (value: unknown, path: JsonPathSegments, propertyName?: string): void => {
      if (isObject(value) && !seen.has(value)) stack.push({ schema: value, at: path, propertyName });
    };
    push(schema['not'], [...current.at, 'not']);
    push(schema['additionalProperties'], [...current.at, 'additionalProperties']);
    push(schema['items'], [...current.at, 'items']);
    if (Array.isArray(schema['prefixItems'])) {
      [...schema['prefixItems'].entries()].reverse().forEach(([index, item]) => push(item, [...current.at, 'prefixItems', index]));
    }
    for (const keyword of ['anyOf', 'oneOf', 'allOf'] as const) {
      const list = schema[keyword];
      if (Array.isArray(list)) [...list.entries()].reverse().forEach(([index, item]) => push(item, [...current.at, keyword, index]));
    }
    if (isObject(schema['properties'])) {
      for (const [name, property] of Object.entries(schema['properties']).reverse()) {
        push(property, [...current.at, 'properties', name], name);
      }
    }
  }
}

/**
 * Operations under `paths` only. Webhooks are requests the API sends, so what the API's own endpoints
 * promise (paging, error bodies, deprecation headers, query names) does not apply to them.
 */
export function pathOperationsOf(document: unknown): AnyOperation[] {
  return allOperationsOf(document).filter((operation) => operation.at[0] === 'paths');
}
