/**
 * OpenAPI `links` on a create operation's responses: which operation a new resource leads to and where the
 * values for its parameters come from (runtime expressions such as `$response.body#/id`).
 */
import type { OperationModel, PlannedRequest, ReceivedResponse, SpecModel } from '../types.js';

/** A parameter value a link computes from the exchange that created the resource. */
export interface LinkParameter {
  /** The target operation's parameter name (a `path.`/`query.` qualifier removed). */
  name: string;
  /** A runtime expression (`$response.body#/id`) or a constant. */
  expression: unknown;
}

export interface FollowedLink {
  /** The link's name in the spec, for messages. */
  name: string;
  target: OperationModel;
  parameters: LinkParameter[];
}

function unescapePointer(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `#/paths/~1things~1{id}/get` (a local operationRef) -> the operation it names. */
function operationByRef(spec: SpecModel, ref: string): OperationModel | undefined {
  const match = /^#\/paths\/([^/]+)\/([a-z]+)$/i.exec(ref);
  if (!match) return undefined;
  const path = unescapePointer(decodeURIComponent(match[1]!));
  const method = match[2]!.toUpperCase();
  return spec.operations.find((operation) => operation.path === path && operation.method === method);
}

/** The links declared on the 2xx responses of `operation` whose target operation exists in the spec. */
export function linksOf(spec: SpecModel, operation: OperationModel): FollowedLink[] {
  const result: FollowedLink[] = [];
  for (const response of operation.responses) {
    if (!/^2(?:\d\d|XX)$/i.test(response.status)) continue;
    for (const [name, link] of Object.entries(response.links)) {
      const operationId = link['operationId'];
      const operationRef = link['operationRef'];
      const target =
        typeof operationId === 'string'
          ? spec.operations.find((candidate) => candidate.operationId === operationId)
          : typeof operationRef === 'string'
            ? operationByRef(spec, operationRef)
            : undefined;
      if (!target) continue;
      const raw = link['parameters'];
      const parameters: LinkParameter[] = [];
      if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
        for (const [qualified, expression] of Object.entries(raw as Record<string, unknown>)) {
          parameters.push({ name: qualified.replace(/^(?:path|query|header|cookie)\./, ''), expression });
        }
      }
      result.push({ name, target, parameters });
    }
  }
  return result;
}

function pointerValue(value: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '/') return pointer === '' ? value : undefined;
  let current = value;
  for (const raw of pointer.replace(/^\//, '').split('/')) {
    const token = unescapePointer(decodeURIComponent(raw));
    if (Array.isArray(current) && /^\d+$/.test(token)) current = current[Number(token)];
    else if (current && typeof current === 'object') current = (current as Record<string, unknown>)[token];
    else return undefined;
  }
  return current;
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export interface ExpressionContext {
  request: PlannedRequest;
  /** The concrete values the request's path parameters had. */
  pathValues: Record<string, string>;
  response: ReceivedResponse;
}

/**
 * Evaluates a link's runtime expression against the exchange that created the resource: `$response.body#/…`,
 * `$response.header.Name`, `$request.path.name`, `$request.query.name`, `$request.header.Name`,
 * `$request.body#/…`, `$url`, `$statusCode`, or a constant. Undefined when it names nothing that is there.
 */
export function evaluateExpression(expression: unknown, context: ExpressionContext): string | undefined {
  if (typeof expression === 'number' || typeof expression === 'boolean') return String(expression);
  if (typeof expression !== 'string') return undefined;
  const scalar = (value: unknown): string | undefined =>
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
  // An embedded expression (`{$response.body#/id}`) stands for its value when it is the whole string.
  const bare = /^\{(\$[^{}]+)\}$/.exec(expression)?.[1] ?? expression;
  if (!bare.startsWith('$')) return expression;
  if (bare === '$url') return context.request.url;
  if (bare === '$method') return context.request.method;
  if (bare === '$statusCode') return String(context.response.status);
  const body = /^\$(response|request)\.body(?:#(.*))?$/.exec(bare);
  if (body) {
    const value = body[1] === 'response' ? (context.response.body ?? parseJson(context.response.bodyText)) : parseJson(context.request.body);
    return scalar(pointerValue(value, body[2] ?? ''));
  }
  const header = /^\$(response|request)\.header\.(.+)$/.exec(bare);
  if (header) {
    const name = header[2]!.toLowerCase();
    const headers = header[1] === 'response' ? context.response.headers : context.request.headers;
    const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
    return found?.[1];
  }
  const path = /^\$request\.path\.(.+)$/.exec(bare);
  if (path) return context.pathValues[path[1]!];
  const query = /^\$request\.query\.(.+)$/.exec(bare);
  if (query) return new URL(context.request.url).searchParams.get(query[1]!) ?? undefined;
  return undefined;
}

/** The concrete values of a template's path parameters in a URL (`/v1/teams/{team_id}` vs `/v1/teams/tm_1`). */
export function pathValues(template: string, url: string): Record<string, string> {
  const names: string[] = [];
  const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^/{}]+)\}/g, (_match, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const match = new RegExp(`${source}/?$`).exec(new URL(url).pathname);
  const values: Record<string, string> = {};
  names.forEach((name, index) => {
    const value = match?.[index + 1];
    if (value !== undefined) values[name] = decodeURIComponent(value);
  });
  return values;
}

/**
 * The URL of `target` for a resource created by `request` (an operation at `createPath`): path parameters
 * from the link's expressions, else from the create request's own path; the base URL's path prefix kept.
 */
export function linkedUrl(link: FollowedLink, createPath: string, request: PlannedRequest, response: ReceivedResponse): string | undefined {
  const requestPath = pathValues(createPath, request.url);
  const values: Record<string, string> = { ...requestPath };
  for (const parameter of link.parameters) {
    const value = evaluateExpression(parameter.expression, { request, pathValues: requestPath, response });
    if (value !== undefined && value !== '') values[parameter.name] = value;
  }
  let missing = false;
  const path = link.target.path.replace(/\{([^/{}]+)\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) missing = true;
    return encodeURIComponent(value ?? '');
  });
  if (missing) return undefined;
  const url = new URL(request.url);
  const segments = url.pathname.replace(/\/+$/, '').split('/');
  const prefix = segments.slice(0, Math.max(1, segments.length - createPath.replace(/\/+$/, '').split('/').length + 1)).join('/');
  url.pathname = `${prefix}${path}`;
  url.search = '';
  return url.toString();
}
