/**
 * Shared helpers for the style-guide functions. Functions receive the resolved document (or a node of it)
 * from Spectral, so `$ref`s are already inlined here; walkers guard against the cycles recursive schemas
 * leave in the resolved graph.
 */

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type JsonPathSegments = (string | number)[];
export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export interface OperationEntry {
  path: string;
  method: HttpMethod;
  operation: Json;
  pathItem: Json;
  /** JSON path of the operation object: `['paths', path, method]`. */
  at: JsonPathSegments;
}

/** Every operation under `paths`, in document order. */
export function operationsOf(document: unknown): OperationEntry[] {
  if (!isObject(document) || !isObject(document['paths'])) return [];
  const entries: OperationEntry[] = [];
  for (const [path, pathItem] of Object.entries(document['paths'])) {
    if (!isObject(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (isObject(operation)) entries.push({ path, method, operation, pathItem, at: ['paths', path, method] });
    }
  }
  return entries;
}

/** Operation-level parameters override path-level ones with the same name and location. */
export function parametersOf(entry: OperationEntry): { parameter: Json; at: JsonPathSegments }[] {
  const byKey = new Map<string, { parameter: Json; at: JsonPathSegments }>();
  const collect = (list: unknown, at: JsonPathSegments): void => {
    if (!Array.isArray(list)) return;
    list.forEach((parameter, index) => {
      if (isObject(parameter)) byKey.set(`${String(parameter['in'])}:${String(parameter['name'])}`, { parameter, at: [...at, index] });
    });
  };
  collect(entry.pathItem['parameters'], ['paths', entry.path, 'parameters']);
  collect(entry.operation['parameters'], [...entry.at, 'parameters']);
  return [...byKey.values()];
}

export function isErrorStatus(status: string): boolean {
  return /^[45](\d\d|XX)$/i.test(status);
}

export function isSuccessStatus(status: string): boolean {
  return /^2(\d\d|XX)$/i.test(status);
}

export function isJsonMediaType(mediaType: string): boolean {
  const base = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  return base === 'application/json' || base.endsWith('+json') || base === '*/*';
}

export interface SchemaVisit {
  schema: Json;
  at: JsonPathSegments;
  /** Name of the property this schema describes, when it is one. */
  propertyName?: string;
}

/**
 * Visits a schema and every subschema reachable through properties, items, compositions and
 * additionalProperties. Each object is visited once per walk, which bounds the work on the cyclic graphs
 * that resolving a recursive schema produces.
 */
export function walkSchema(root: unknown, at: JsonPathSegments, visit: (node: SchemaVisit) => void): void {
  const seen = new Set<object>();
  const stack: SchemaVisit[] = isObject(root) ? [{ schema: root, at }] : [];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (seen.has(current.schema)) continue;
    seen.add(current.schema);
    visit(current);
    const { schema } = current;
    const push = (value: unknown, path: JsonPathSegments, propertyName?: string): void => {
      if (isObject(value)) stack.push({ schema: value, at: path, propertyName });
    };
    if (isObject(schema['properties'])) {
      for (const [name, property] of Object.entries(schema['properties']).reverse()) {
        push(property, [...current.at, 'properties', name], name);
      }
    }
    for (const keyword of ['allOf', 'oneOf', 'anyOf'] as const) {
      const list = schema[keyword];
      if (Array.isArray(list)) list.forEach((item, index) => push(item, [...current.at, keyword, index]));
    }
    push(schema['items'], [...current.at, 'items']);
    push(schema['additionalProperties'], [...current.at, 'additionalProperties']);
    push(schema['not'], [...current.at, 'not']);
  }
}

/** A schema to start a walk from, with the JSON path where it is written. */
export interface SchemaRoot {
  schema: unknown;
  at: JsonPathSegments;
}

/** The `schema` of each media type of a `content` map. */
export function pushContentSchemas(roots: SchemaRoot[], content: unknown, at: JsonPathSegments): void {
  if (!isObject(content)) return;
  for (const [mediaType, media] of Object.entries(content)) {
    if (isObject(media)) roots.push({ schema: media['schema'], at: [...at, 'content', mediaType, 'schema'] });
  }
}

/** The schemas a client sends to one operation: its parameters (`schema` or `content`), then its request body. */
export function pushRequestSchemas(roots: SchemaRoot[], entry: OperationEntry): void {
  for (const { parameter, at } of parametersOf(entry)) {
    roots.push({ schema: parameter['schema'], at: [...at, 'schema'] });
    pushContentSchemas(roots, parameter['content'], at);
  }
  const body = entry.operation['requestBody'];
  if (isObject(body)) pushContentSchemas(roots, body['content'], [...entry.at, 'requestBody']);
}
