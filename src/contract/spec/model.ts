import type {
  HeaderModel,
  JsonSchema,
  MediaTypeModel,
  OperationModel,
  ParameterModel,
  ResponseModel,
  SecurityRequirementModel,
  SpecModel,
} from '../types.js';
import { classifyOperation, refinePostKind } from './kind.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type Json = Record<string, unknown>;

function asRecord(value: unknown): Json {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** `example`, then every value of `examples` (a map of Example objects), then the schema's own example(s). */
export function collectExamples(holder: Json, schema?: unknown): unknown[] {
  const found: unknown[] = [];
  if ('example' in holder && holder['example'] !== undefined) found.push(holder['example']);
  for (const example of Object.values(asRecord(holder['examples']))) {
    const record = asRecord(example);
    // externalValue points at a file or URL we deliberately do not fetch while testing.
    if ('value' in record) found.push(record['value']);
  }
  const schemaRecord = asRecord(schema);
  if (found.length === 0) {
    if ('example' in schemaRecord && schemaRecord['example'] !== undefined) found.push(schemaRecord['example']);
    else if (Array.isArray(schemaRecord['examples']) && schemaRecord['examples'].length > 0) found.push(schemaRecord['examples'][0]);
  }
  return found;
}

function parameterModel(raw: Json): ParameterModel | undefined {
  const location = raw['in'];
  if (location !== 'path' && location !== 'query' && location !== 'header' && location !== 'cookie') return undefined;
  let schema = raw['schema'] as JsonSchema | undefined;
  if (!schema && raw['content']) {
    const [first] = Object.values(asRecord(raw['content']));
    schema = asRecord(first)['schema'] as JsonSchema | undefined;
  }
  const model: ParameterModel = {
    name: String(raw['name']),
    in: location,
    required: location === 'path' ? true : raw['required'] === true,
    schema,
    examples: collectExamples(raw, schema),
  };
  if (typeof raw['style'] === 'string') model.style = raw['style'];
  if (typeof raw['explode'] === 'boolean') model.explode = raw['explode'];
  return model;
}

/** Operation-level parameters override path-level ones with the same name and location. */
function mergeParameters(pathLevel: unknown, operationLevel: unknown): ParameterModel[] {
  const merged = new Map<string, ParameterModel>();
  for (const list of [pathLevel, operationLevel]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const model = parameterModel(asRecord(raw));
      if (model) merged.set(`${model.in}:${model.in === 'header' ? model.name.toLowerCase() : model.name}`, model);
    }
  }
  return [...merged.values()];
}

function mediaTypes(content: unknown): MediaTypeModel[] {
  return Object.entries(asRecord(content)).map(([mediaType, raw]) => {
    const record = asRecord(raw);
    const schema = record['schema'] as JsonSchema | undefined;
    return { mediaType, schema, examples: collectExamples(record, schema) };
  });
}

function headers(raw: unknown): HeaderModel[] {
  return Object.entries(asRecord(raw))
    // Content-Type in a response's headers map is ignored by OpenAPI itself.
    .filter(([name]) => name.toLowerCase() !== 'content-type')
    .map(([name, value]) => {
      const record = asRecord(value);
      let schema = record['schema'] as JsonSchema | undefined;
      if (!schema && record['content']) schema = asRecord(Object.values(asRecord(record['content']))[0])['schema'] as JsonSchema | undefined;
      return { name, required: record['required'] === true, schema };
    });
}

function responses(raw: unknown, pointer: string): ResponseModel[] {
  return Object.entries(asRecord(raw)).map(([status, value]) => {
    const record = asRecord(value);
    const links: Record<string, Json> = {};
    for (const [name, link] of Object.entries(asRecord(record['links']))) links[name] = asRecord(link);
    return {
      status,
      pointer: `${pointer}/${escapePointer(status)}`,
      content: mediaTypes(record['content']),
      headers: headers(record['headers']),
      links,
    };
  });
}

/** `security` on the operation wins over the global default; `security: []` (or `[{}]`) makes it public. */
function securityRequirements(operation: Json, globalSecurity: unknown): SecurityRequirementModel[] {
  const effective = Array.isArray(operation['security']) ? operation['security'] : Array.isArray(globalSecurity) ? globalSecurity : [];
  const requirements = effective.map((requirement) => ({ schemes: Object.keys(asRecord(requirement)) }));
  // An empty requirement among the alternatives means anonymous access is allowed.
  if (requirements.some((requirement) => requirement.schemes.length === 0)) return [];
  return requirements;
}

export function buildSpecModel(document: Json, source: string): SpecModel {
  const version = String(document['openapi']).startsWith('3.1') ? '3.1' : '3.0';
  const operations: OperationModel[] = [];
  for (const [path, rawItem] of Object.entries(asRecord(document['paths']))) {
    const item = asRecord(rawItem);
    for (const method of METHODS) {
      if (!(method in item)) continue;
      const operation = asRecord(item[method]);
      const upper = method.toUpperCase();
      const pointer = `#/paths/${escapePointer(path)}/${method}`;
      const body = asRecord(operation['requestBody']);
      const model: OperationModel = {
        key: `${upper} ${path}`,
        method: upper,
        path,
        tags: Array.isArray(operation['tags']) ? operation['tags'].map(String) : [],
        kind: classifyOperation(upper, path, operation['x-apigate-kind']),
        parameters: mergeParameters(item['parameters'], operation['parameters']),
        responses: responses(operation['responses'], `${pointer}/responses`),
        security: securityRequirements(operation, document['security']),
        deprecated: operation['deprecated'] === true,
      };
      if (typeof operation['operationId'] === 'string') model.operationId = operation['operationId'];
      if (operation['requestBody']) model.requestBody = { required: body['required'] === true, content: mediaTypes(body['content']) };
      operations.push(model);
    }
  }
  for (const operation of operations) {
    const explicit = asRecord(asRecord(asRecord(document['paths'])[operation.path])[operation.method.toLowerCase()])['x-apigate-kind'];
    if (operation.method === 'POST' && explicit === undefined) {
      operation.kind = refinePostKind(operation.path, operation.responses.map((response) => response.status), operations);
    }
  }
  const components = asRecord(document['components']);
  const securitySchemes: Record<string, Json> = {};
  for (const [name, scheme] of Object.entries(asRecord(components['securitySchemes']))) securitySchemes[name] = asRecord(scheme);
  return {
    version,
    source,
    title: String(asRecord(document['info'])['title'] ?? ''),
    operations,
    securitySchemes,
    document,
  };
}
