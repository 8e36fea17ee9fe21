import type { OperationModel, ParameterModel, PlannedRequest } from '../types.js';

export interface ParameterValues {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
  cookie: Record<string, unknown>;
}

export interface Credentials {
  headers: Record<string, string>;
  query: Record<string, string>;
}

export interface RequestBody {
  mediaType: string;
  value: unknown;
}

function scalar(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** `simple` style: arrays comma-joined, objects as `k,v,k,v` (or `k=v` exploded). */
function simple(value: unknown, explode: boolean): string {
  if (Array.isArray(value)) return value.map(scalar).join(',');
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([key, item]) => (explode ? `${key}=${scalar(item)}` : `${key},${scalar(item)}`))
      .join(',');
  }
  return scalar(value);
}

function appendQuery(search: URLSearchParams, parameter: ParameterModel, value: unknown): void {
  const style = parameter.style ?? 'form';
  const explode = parameter.explode ?? style === 'form';
  if (Array.isArray(value)) {
    if (style === 'form' && explode) for (const item of value) search.append(parameter.name, scalar(item));
    else search.append(parameter.name, value.map(scalar).join(style === 'spaceDelimited' ? ' ' : style === 'pipeDelimited' ? '|' : ','));
    return;
  }
  if (value && typeof value === 'object') {
    if (style === 'deepObject') for (const [key, item] of Object.entries(value)) search.append(`${parameter.name}[${key}]`, scalar(item));
    else if (explode) for (const [key, item] of Object.entries(value)) search.append(key, scalar(item));
    else search.append(parameter.name, simple(value, false));
    return;
  }
  search.append(parameter.name, scalar(value));
}

export function serializeBody(body: RequestBody): string {
  if (/^application\/x-www-form-urlencoded/i.test(body.mediaType) && body.value && typeof body.value === 'object') {
    const search = new URLSearchParams();
    for (const [key, item] of Object.entries(body.value)) search.append(key, scalar(item));
    return search.toString();
  }
  if (/json/i.test(body.mediaType)) return JSON.stringify(body.value);
  return scalar(body.value);
}

/** The concrete HTTP request for an operation; `rawQuery` carries deliberately invalid values verbatim. */
export function buildRequest(
  baseUrl: string,
  operation: OperationModel,
  values: ParameterValues,
  credentials: Credentials,
  body?: RequestBody,
): PlannedRequest {
  let path = operation.path;
  for (const parameter of operation.parameters) {
    if (parameter.in !== 'path') continue;
    const value = values.path[parameter.name];
    const encoded = encodeURIComponent(simple(value, parameter.explode ?? false)).replace(/%2C/gi, ',');
    path = path.split(`{${parameter.name}}`).join(encoded);
  }
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  for (const parameter of operation.parameters) {
    if (parameter.in !== 'query' || !(parameter.name in values.query)) continue;
    appendQuery(url.searchParams, parameter, values.query[parameter.name]);
  }
  for (const [name, value] of Object.entries(credentials.query)) url.searchParams.set(name, value);

  const headers: Record<string, string> = { accept: acceptHeader(operation) };
  for (const parameter of operation.parameters) {
    if (parameter.in !== 'header' || !(parameter.name in values.header)) continue;
    headers[parameter.name.toLowerCase()] = simple(values.header[parameter.name], parameter.explode ?? false);
  }
  const cookies = operation.parameters
    .filter((parameter) => parameter.in === 'cookie' && parameter.name in values.cookie)
    .map((parameter) => `${parameter.name}=${encodeURIComponent(scalar(values.cookie[parameter.name]))}`);
  if (cookies.length > 0) headers['cookie'] = cookies.join('; ');
  for (const [name, value] of Object.entries(credentials.headers)) headers[name.toLowerCase()] = value;

  const request: PlannedRequest = { method: operation.method, url: url.toString(), headers };
  if (body) {
    headers['content-type'] = body.mediaType;
    request.body = serializeBody(body);
  }
  return request;
}

/** Ask for what the spec documents, so content negotiation cannot be blamed for an undocumented type. */
function acceptHeader(operation: OperationModel): string {
  const types = new Set<string>();
  for (const response of operation.responses) for (const content of response.content) types.add(content.mediaType);
  return types.size > 0 ? [...types].join(', ') : '*/*';
}
