import type { Loc, Located, SpecDocuments } from './documents.js';
import type { MediaTypeEntry, OperationView, Parameter, RequestBody, ResponseEntry, SecurityRequirement } from './types.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface PathEntry {
  path: string;
  loc: Loc;
  operations: Map<string, OperationView>;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
const child = (loc: Loc, ...segments: Array<string | number>): Loc => ({ file: loc.file, pointer: [...loc.pointer, ...segments] });

/** `/teams/{teamId}` and `/teams/{id}` are the same path to a client: parameter names are not on the wire. */
export function pathKey(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '') || '/';
}

/** `application/json; charset=utf-8` and `Application/JSON` name the same media type. */
export function mediaTypeKey(name: string): string {
  return (name.split(';')[0] ?? name).trim().toLowerCase();
}

/**
 * The HEAD media type that serves a BASE one: the same type, or a wildcard range (`application/*`, `*\/*`)
 * that includes it.
 */
export function matchingMediaType<T>(content: Map<string, T>, key: string): T | undefined {
  return content.get(key) ?? content.get(`${key.split('/')[0]}/*`) ?? content.get('*/*');
}

/** Every operation of one document, normalised across OpenAPI 3.x and Swagger 2.0. */
export function collectOperations(documents: SpecDocuments): Map<string, PathEntry> {
  const root = documents.root;
  const swagger2 = String(root['swagger']) === '2.0';
  const result = new Map<string, PathEntry>();
  const paths = root['paths'];
  if (!isObject(paths)) return result;
  const pathsLoc = child(documents.rootLoc, 'paths');
  for (const [path, rawItem] of Object.entries(paths)) {
    if (!path.startsWith('/')) continue;
    const item = documents.deref(rawItem, child(pathsLoc, path));
    if (!isObject(item.node)) continue;
    const entry: PathEntry = { path, loc: child(pathsLoc, path), operations: new Map() };
    for (const method of HTTP_METHODS) {
      const operation = item.node[method];
      if (!isObject(operation)) continue;
      const reader = new OperationReader(documents, root, swagger2, item as Located<Json>, method, path);
      const view = reader.read(operation, child(item.loc, method));
      view.path = path;
      entry.operations.set(method, view);
    }
    const key = pathKey(path);
    if (!result.has(key)) result.set(key, entry);
  }
  return result;
}

class OperationReader {
  constructor(
    private readonly documents: SpecDocuments,
    private readonly root: Json,
    private readonly swagger2: boolean,
    private readonly pathItem: Located<Json>,
    private readonly method: string,
    private readonly path: string,
  ) {}

  read(node: Json, loc: Loc): OperationView {
    const allParameters = this.parameters(node, loc);
    const parameters = new Map<string, Parameter>();
    const bodyParameters: Parameter[] = [];
    for (const parameter of allParameters.values()) {
      if (this.swagger2 && (parameter.in === 'body' || parameter.in === 'formData')) bodyParameters.push(parameter);
      else parameters.set(this.key(parameter.in, parameter.name), parameter);
    }
    const securityOwner = Array.isArray(node['security']) ? { value: node['security'], loc: child(loc, 'security') } : { value: this.root['security'], loc: child(this.documents.rootLoc, 'security') };
    return {
      method: this.method,
      path: '',
      node,
      loc,
      pathItemLoc: this.pathItem.loc,
      parameters,
      requestBody: this.swagger2 ? this.swaggerBody(node, loc, bodyParameters) : this.requestBody(node, loc),
      responses: this.responses(node, loc),
      responsesLoc: child(loc, 'responses'),
      security: securityRequirements(securityOwner.value),
      securityLoc: securityOwner.loc,
    };
  }

  private parameters(node: Json, loc: Loc): Map<string, Parameter> {
    const merged = new Map<string, Parameter>();
    const add = (list: unknown, listLoc: Loc): void => {
      if (!Array.isArray(list)) return;
      list.forEach((raw, index) => {
        const resolved = this.documents.deref(raw, child(listLoc, index));
        const parameter = resolved.node;
        if (!isObject(parameter) || typeof parameter['name'] !== 'string' || typeof parameter['in'] !== 'string') return;
        const where = parameter['in'];
        merged.set(this.key(where, parameter['name']), {
          name: parameter['name'],
          in: where,
          required: parameter['required'] === true || where === 'path',
          deprecated: parameter['deprecated'] === true,
          node: parameter,
          loc: resolved.loc,
          schema: this.parameterSchema(parameter, resolved.loc),
        });
      });
    };
    add(this.pathItem.node['parameters'], child(this.pathItem.loc, 'parameters'));
    add(node['parameters'], child(loc, 'parameters'));
    return merged;
  }

  /** Path parameters are matched by their position in the template: renaming `{id}` changes nothing on the wire. */
  private key(where: string, name: string): string {
    if (where !== 'path') return parameterKey(where, name);
    const names = [...this.path.matchAll(/\{([^}]*)\}/g)].map((match) => match[1]);
    const index = names.indexOf(name);
    return index === -1 ? parameterKey(where, name) : `path:#${index}`;
  }

  private parameterSchema(parameter: Json, loc: Loc): Located | undefined {
    if (parameter['schema'] !== undefined) return { node: parameter['schema'], loc: child(loc, 'schema') };
    if (isObject(parameter['content'])) {
      const [name, media] = Object.entries(parameter['content'])[0] ?? [];
      if (name && isObject(media) && media['schema'] !== undefined) return { node: media['schema'], loc: child(loc, 'content', name, 'schema') };
    }
    // Swagger 2.0 non-body parameters carry type, format, enum and bounds themselves.
    if (this.swagger2 && parameter['type'] !== undefined) return { node: parameter, loc };
    return undefined;
  }

  private requestBody(node: Json, loc: Loc): RequestBody | undefined {
    if (node['requestBody'] === undefined) return undefined;
    const body = this.documents.deref(node['requestBody'], child(loc, 'requestBody'));
    if (!isObject(body.node)) return undefined;
    return { required: body.node['required'] === true, content: this.content(body.node['content'], child(body.loc, 'content')), loc: body.loc };
  }

  private content(content: unknown, loc: Loc): Map<string, MediaTypeEntry> {
    const result = new Map<string, MediaTypeEntry>();
    if (!isObject(content)) return result;
    for (const [name, media] of Object.entries(content)) {
      const mediaLoc = child(loc, name);
      const schema = isObject(media) && media['schema'] !== undefined ? { node: media['schema'], loc: child(mediaLoc, 'schema') } : undefined;
      result.set(mediaTypeKey(name), { name, schema, loc: mediaLoc });
    }
    return result;
  }

  private mediaTypes(node: Json, key: 'consumes' | 'produces'): string[] {
    const own = node[key];
    const inherited = this.root[key];
    const list = Array.isArray(own) ? own : Array.isArray(inherited) ? inherited : ['application/json'];
    return list.filter((item): item is string => typeof item === 'string');
  }

  private swaggerBody(node: Json, loc: Loc, parameters: Parameter[]): RequestBody | undefined {
    const body = parameters.find((parameter) => parameter.in === 'body');
    if (body) {
      const content = new Map<string, MediaTypeEntry>();
      const schema = body.node['schema'] !== undefined ? { node: body.node['schema'], loc: child(body.loc, 'schema') } : undefined;
      for (const name of this.mediaTypes(node, 'consumes')) content.set(mediaTypeKey(name), { name, schema, loc: body.loc });
      return { required: body.required, content, loc: body.loc };
    }
    const form = parameters.filter((parameter) => parameter.in === 'formData');
    if (form.length === 0) return undefined;
    // Form fields become the properties of one object schema, the shape OpenAPI 3 gives them.
    const schema: Json = {
      type: 'object',
      properties: Object.fromEntries(form.map((parameter) => [parameter.name, parameter.node])),
      required: form.filter((parameter) => parameter.required).map((parameter) => parameter.name),
    };
    const parametersLoc = child(loc, 'parameters');
    const content = new Map<string, MediaTypeEntry>();
    const consumes = this.mediaTypes(node, 'consumes').filter((name) => /form/i.test(name));
    for (const name of consumes.length > 0 ? consumes : ['application/x-www-form-urlencoded']) {
      content.set(mediaTypeKey(name), { name, schema: { node: schema, loc: parametersLoc }, loc: parametersLoc });
    }
    return { required: form.some((parameter) => parameter.required), content, loc: parametersLoc };
  }

  private responses(node: Json, loc: Loc): Map<string, ResponseEntry> {
    const result = new Map<string, ResponseEntry>();
    const responses = node['responses'];
    if (!isObject(responses)) return result;
    for (const [status, raw] of Object.entries(responses)) {
      if (status.startsWith('x-')) continue;
      const response = this.documents.deref(raw, child(loc, 'responses', status));
      if (!isObject(response.node)) continue;
      const entry: ResponseEntry = { status: status.toUpperCase(), node: response.node, loc: response.loc, content: new Map(), headers: new Map() };
      if (this.swagger2) {
        if (response.node['schema'] !== undefined) {
          const schema = { node: response.node['schema'], loc: child(response.loc, 'schema') };
          for (const name of this.mediaTypes(node, 'produces')) entry.content.set(mediaTypeKey(name), { name, schema, loc: response.loc });
        }
      } else {
        entry.content = this.content(response.node['content'], child(response.loc, 'content'));
      }
      const headers = response.node['headers'];
      if (isObject(headers)) {
        for (const [name, rawHeader] of Object.entries(headers)) {
          const header = this.documents.deref(rawHeader, child(response.loc, 'headers', name));
          if (!isObject(header.node)) continue;
          const schema = this.swagger2 ? { node: header.node, loc: header.loc } : this.parameterSchema(header.node, header.loc);
          entry.headers.set(name.toLowerCase(), { name, required: header.node['required'] === true, schema, node: header.node, loc: header.loc });
        }
      }
      result.set(entry.status, entry);
    }
    return result;
  }
}

export function parameterKey(where: string, name: string): string {
  return `${where}:${where === 'header' ? name.toLowerCase() : name}`;
}

function securityRequirements(value: unknown): SecurityRequirement[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map(
    (requirement) =>
      new Map(
        Object.entries(requirement).map(([scheme, scopes]) => [scheme, new Set(Array.isArray(scopes) ? scopes.filter((scope): scope is string => typeof scope === 'string') : [])]),
      ),
  );
}

export function isSuccessStatus(status: string): boolean {
  return /^2(\d\d|XX)$/.test(status);
}
