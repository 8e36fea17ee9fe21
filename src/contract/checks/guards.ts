/**
 * Questions several checks ask about one exchange, answered once so each check body holds only its assertion.
 */
import { sanitizeText } from '../../util/escape.js';
import type { MediaTypeModel, OperationModel, ReceivedResponse, ResponseModel, SchemaValidationError } from '../types.js';

/**
 * The response the spec documents for a status: the exact code wins over its range (`4XX`), the range over
 * `default`, as OpenAPI specifies.
 */
export function findDocumentedResponse(operation: OperationModel, status: number): ResponseModel | undefined {
  const code = String(status);
  const range = `${code[0]}XX`;
  let rangeMatch: ResponseModel | undefined;
  let fallback: ResponseModel | undefined;
  for (const response of operation.responses) {
    const written = response.status.toUpperCase();
    if (written === code) return response;
    if (written === range) rangeMatch = response;
    else if (written === 'DEFAULT') fallback = response;
  }
  return rangeMatch ?? fallback;
}

/** `200, 404, 4XX, default`, as written in the spec, for messages. */
export function documentedStatuses(operation: OperationModel): string {
  if (operation.responses.length === 0) return '(none)';
  return operation.responses.map((response) => response.status).join(', ');
}

/** `application/json` for `Application/JSON; charset=utf-8`; undefined when the header is absent or empty. */
export function mediaTypeEssence(contentType: string | undefined): string | undefined {
  const essence = contentType?.split(';')[0]?.trim().toLowerCase();
  return essence ? essence : undefined;
}

export function isJsonMediaType(essence: string | undefined): boolean {
  if (!essence) return false;
  return essence === 'application/json' || essence.endsWith('+json');
}

/**
 * The documented media type that covers a received one, most specific first: exact, then a structured-suffix
 * range (`application/*+json`), then a type range (`application/*`), then `*\/*`.
 */
export function matchMediaType(content: readonly MediaTypeModel[], received: string): MediaTypeModel | undefined {
  let best: MediaTypeModel | undefined;
  let bestRank = 0;
  const [type, subtype = ''] = received.split('/');
  const suffix = subtype.includes('+') ? subtype.slice(subtype.lastIndexOf('+')) : undefined;
  for (const candidate of content) {
    const documented = mediaTypeEssence(candidate.mediaType);
    if (!documented) continue;
    const [documentedType, documentedSubtype = ''] = documented.split('/');
    let rank = 0;
    if (documented === received) rank = 4;
    else if (documentedType === type && suffix && documentedSubtype === `*${suffix}`) rank = 3;
    else if (documentedType === type && documentedSubtype === '*') rank = 2;
    else if (documented === '*/*') rank = 1;
    if (rank > bestRank) {
      best = candidate;
      bestRank = rank;
    }
  }
  return best;
}

/** Whether the response is expected to carry a body at all (HEAD, 204 and 304 never do). */
export function mayHaveBody(method: string, status: number): boolean {
  return method.toUpperCase() !== 'HEAD' && status !== 204 && status !== 304 && !(status >= 100 && status < 200);
}

export function hasBody(response: ReceivedResponse): boolean {
  return response.bodyText.length > 0;
}

/** Header lookup by case-insensitive name (the runner lower-cases received names). */
export function headerValue(response: ReceivedResponse, name: string): string | undefined {
  return response.headers[name.toLowerCase()];
}

const RATE_LIMIT_HEADER = /^(?:x-)?rate-?limit(?:-|$)|^retry-after$/i;

/** `RateLimit-*` (IETF draft), `X-RateLimit-*`, `X-Rate-Limit-*` and `Retry-After`. */
export function isRateLimitHeader(name: string): boolean {
  return RATE_LIMIT_HEADER.test(name);
}

/** Secured when every security alternative needs credentials; an empty requirement (`{}`) makes auth optional. */
export function requiresCredentials(operation: OperationModel): boolean {
  return operation.security.length > 0 && operation.security.every((requirement) => requirement.schemes.length > 0);
}

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

export function isClientError(status: number): boolean {
  return status >= 400 && status < 500;
}

const EXCERPT_LENGTH = 200;

/** `400` or `400: {"code":"bad_request",…}`: the status plus a short, terminal-safe excerpt of the body. */
export function statusWithExcerpt(response: ReceivedResponse): string {
  const text = response.bodyText.trim();
  if (!text) return String(response.status);
  return `${response.status}: ${sanitizeText(text, EXCERPT_LENGTH)}`;
}

/** Escapes `/` and `~` in a media type for use inside a JSON pointer. */
export function pointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The compiled-schema key and message label of a response body schema. */
export function bodySchemaKey(response: ResponseModel, mediaType: MediaTypeModel): string {
  return `${response.pointer}/content/${pointerSegment(mediaType.mediaType)}/schema`;
}

/** The JSON-bodied documented response and media type that apply to this exchange, if any. */
export function documentedJsonBody(
  operation: OperationModel,
  response: ReceivedResponse,
): { documented: ResponseModel; mediaType: MediaTypeModel } | undefined {
  const documented = findDocumentedResponse(operation, response.status);
  if (!documented || !mayHaveBody(operation.method, response.status)) return undefined;
  const essence = mediaTypeEssence(headerValue(response, 'content-type'));
  if (!isJsonMediaType(essence) || !essence) return undefined;
  const mediaType = matchMediaType(documented.content, essence);
  if (!mediaType || mediaType.schema === undefined) return undefined;
  return { documented, mediaType };
}

/** `a, b, c and 4 more`: lists in evidence stay one readable line. */
export function listWithMore(items: readonly string[], limit: number, separator = ', '): string {
  if (items.length <= limit) return items.join(separator);
  return `${items.slice(0, limit).join(separator)}${separator}and ${items.length - limit} more`;
}

/**
 * `at /items/0/id: must be string; at (root): must have required property 'name'; and 3 more`, terminal-safe.
 * For a scalar such as a header value, `bare` drops the location of errors about the value itself.
 */
export function describeSchemaErrors(errors: readonly SchemaValidationError[], limit = 5, bare = false): string {
  const lines = errors.map((error) =>
    bare && error.instancePath === '' ? error.message : `at ${error.instancePath || '(root)'}: ${error.message}`,
  );
  return sanitizeText(listWithMore(lines, limit, '; '), 1000);
}
