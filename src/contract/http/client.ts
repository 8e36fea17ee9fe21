import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { Agent, errors as undiciErrors, type Dispatcher } from 'undici';
import type { PlannedRequest, ReceivedResponse } from '../types.js';
import { BodyTooLargeError, readDecodedBody, UnsupportedEncodingError } from './decode.js';

export interface HttpClientOptions {
  /** Most connections open at once (and so most requests in flight). */
  connections: number;
  /** Overall deadline per request: connect, headers and the whole body, however slowly it trickles. */
  timeoutMs: number;
  /** Largest response body accepted after decompression. */
  maxBodyBytes: number;
  followRedirects: boolean;
  /** Accept TLS certificates that do not verify. */
  insecure: boolean;
  /** Header names that carry credentials and must not follow a redirect to another origin. */
  credentialHeaders?: string[];
  /** Query parameter names that carry credentials. */
  credentialQuery?: string[];
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
const MAX_REDIRECTS = 5;

export interface TransportFailure {
  /** Stable code users and tests branch on: `timeout`, `connection_reset`, `body_too_large`, `invalid_json`, ... */
  code: string;
  message: string;
  durationMs: number;
  /** Status and headers when the failure happened after they arrived. */
  status?: number;
  headers?: Record<string, string>;
}

export type Exchange = { ok: true; response: ReceivedResponse } | { ok: false; failure: TransportFailure };

const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
]);

export function isJsonMediaType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const essence = contentType.split(';')[0]!.trim().toLowerCase();
  return essence === 'application/json' || essence.endsWith('+json');
}

function describeError(error: unknown, timeoutMs: number, deadlineHit: boolean): { code: string; message: string } {
  if (deadlineHit) return { code: 'timeout', message: `no complete response within ${timeoutMs} ms` };
  if (error instanceof BodyTooLargeError) return { code: 'body_too_large', message: error.message };
  if (error instanceof UnsupportedEncodingError) return { code: 'unreadable_body', message: error.message };
  const err = error as NodeJS.ErrnoException & { code?: string; cause?: NodeJS.ErrnoException };
  const code = err.code ?? err.cause?.code ?? '';
  if (TLS_CODES.has(code) || TLS_CODES.has(err.cause?.code ?? '')) {
    return { code: 'tls_error', message: `the server's TLS certificate is not trusted (${code}); pass --insecure to accept it` };
  }
  if (error instanceof undiciErrors.ConnectTimeoutError) return { code: 'timeout', message: `connecting took longer than ${timeoutMs} ms` };
  if (error instanceof undiciErrors.HeadersTimeoutError) return { code: 'timeout', message: `no response headers within ${timeoutMs} ms` };
  if (error instanceof undiciErrors.BodyTimeoutError) return { code: 'timeout', message: `the response body stalled for ${timeoutMs} ms` };
  if (error instanceof undiciErrors.ResponseExceededMaxSizeError) return { code: 'body_too_large', message: 'response body exceeds the size limit' };
  if (code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH' || code === 'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH') {
    return { code: 'content_length_mismatch', message: 'the body length does not match the Content-Length header' };
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') {
    return { code: 'connection_reset', message: 'the server closed the connection before the response was complete' };
  }
  if (code === 'ECONNREFUSED') return { code: 'connection_refused', message: 'connection refused' };
  if (error instanceof undiciErrors.HTTPParserError || code.startsWith('HPE_') || /does not match the HTTP\/1\.1 protocol/i.test(err.message ?? '')) {
    return { code: 'invalid_http', message: `the server sent malformed HTTP: ${err.message}` };
  }
  if (/zlib|incorrect header check|unexpected end of file|invalid (block|distance|stored)/i.test(err.message ?? '') || code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code === 'ERR__ERROR_FORMAT_PADDING_1') {
    return { code: 'unreadable_body', message: `the body cannot be decompressed (${err.message ?? code})` };
  }
  return { code: code ? code.toLowerCase() : 'transport_error', message: err.message || String(error) };
}

/**
 * Origin and path (with query) of an absolute URL the planner built (always normalised, always with a path),
 * without parsing it again for every request.
 */
function splitUrl(url: string): { origin: string; path: string } {
  const pathStart = url.indexOf('/', url.indexOf('://') + 3);
  // Anything unusual (credentials in the authority, no path) goes through the full parser.
  if (pathStart === -1 || url.lastIndexOf('@', pathStart) !== -1 || url.lastIndexOf('?', pathStart) !== -1) {
    const parsed = new URL(url);
    return { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
  }
  const hash = url.indexOf('#', pathStart);
  return { origin: url.slice(0, pathStart), path: url.slice(pathStart, hash === -1 ? undefined : hash) };
}

/** Lower-cased names, latin1 values, repeated headers joined with `, `. */
function parseRawHeaders(raw: Buffer[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = raw[index]!.toString('latin1').toLowerCase();
    if (name === '__proto__') continue;
    const value = raw[index + 1]!.toString('latin1');
    const previous = headers[name];
    headers[name] = previous === undefined ? value : `${previous}, ${value}`;
  }
  return headers;
}

class RequestDeadlineError extends Error {
  readonly code = 'APIGATE_DEADLINE';
}

/**
 * The abort signal of one request's overall deadline. undici accepts an EventEmitter with `aborted` as a
 * signal; it costs a fraction of an AbortController, which matters at thousands of requests a second.
 */
class Deadline extends EventEmitter {
  aborted = false;

  abort(): void {
    this.aborted = true;
    this.emit('abort');
  }
}

/**
 * The runner's only way out to the network: one bounded undici pool, an overall deadline on top of undici's
 * connect/headers/body timeouts (a 1-byte-per-second trickle or an endless 1xx stream never trips those),
 * a decoded-size cap, and no redirects unless asked. Every failure becomes a value, never a throw, so the
 * run goes on.
 */
export class HttpClient {
  private readonly agent: Agent;

  constructor(private readonly options: HttpClientOptions) {
    this.agent = new Agent({
      connections: options.connections,
      pipelining: 1,
      connect: { timeout: options.timeoutMs, rejectUnauthorized: !options.insecure },
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      maxResponseSize: options.maxBodyBytes,
      keepAliveTimeout: 4_000,
    });
  }

  async send(request: PlannedRequest): Promise<Exchange> {
    const started = performance.now();
    const deadline = new Deadline();
    let deadlineHit = false;
    const timer = setTimeout(() => {
      deadlineHit = true;
      deadline.abort();
    }, this.options.timeoutMs);
    let status: number | undefined;
    let headers: Record<string, string> | undefined;
    try {
      let current = request;
      for (let hop = 0; ; hop++) {
        const answer = await this.exchangeOnce(current, deadline, (head) => {
          status = head.status;
          headers = head.headers;
        });
        status = answer.status;
        headers = answer.headers;
        const location = headers['location'];
        if (this.options.followRedirects && location && [301, 302, 303, 307, 308].includes(status) && hop < MAX_REDIRECTS) {
          current = this.redirected(current, new URL(location, current.url), status);
          continue;
        }
        const raw = answer.body;
        const bodyText = raw.toString('utf8');
        const durationMs = Math.round(performance.now() - started);
        const received: ReceivedResponse = { status, headers, bodyText, bodyIsJson: false, durationMs };
        if (isJsonMediaType(headers['content-type']) && bodyText.trim() !== '') {
          try {
            received.body = JSON.parse(bodyText);
            received.bodyIsJson = true;
          } catch (error) {
            return {
              ok: false,
              failure: { code: 'invalid_json', message: `the body is declared as JSON but does not parse: ${(error as Error).message}`, durationMs, status, headers },
            };
          }
        }
        return { ok: true, response: received };
      }
    } catch (error) {
      const { code, message } = describeError(error, this.options.timeoutMs, deadlineHit);
      const failure: TransportFailure = { code, message, durationMs: Math.round(performance.now() - started) };
      if (status !== undefined) failure.status = status;
      if (headers !== undefined) failure.headers = headers;
      return { ok: false, failure };
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * One request through the agent's low-level `dispatch`, which costs a fraction of `request()` (no response
   * stream per request): the body is collected as it arrives, or decoded through its content codings with
   * the decoded-size cap. 1xx answers are skipped; the deadline aborts it wherever it is, queued included.
   */
  private exchangeOnce(
    request: PlannedRequest,
    deadline: Deadline,
    onHead: (head: { status: number; headers: Record<string, string> }) => void,
  ): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
    const { origin, path } = splitUrl(request.url);
    const maxBodyBytes = this.options.maxBodyBytes;
    return new Promise((resolve, reject) => {
      let settled = false;
      let abort: ((reason?: Error) => void) | undefined;
      let status = 0;
      let headers: Record<string, string> = {};
      const chunks: Buffer[] = [];
      let coded: PassThrough | undefined;
      let decoding: Promise<Buffer> | undefined;
      const settle = (error: unknown, body?: Buffer): void => {
        if (settled) return;
        settled = true;
        deadline.off('abort', onDeadline);
        if (error !== undefined) reject(error);
        else resolve({ status, headers, body: body! });
      };
      const onDeadline = (): void => {
        const error = new RequestDeadlineError();
        abort?.(error);
        coded?.destroy();
        settle(error);
      };
      if (deadline.aborted) return onDeadline();
      deadline.once('abort', onDeadline);
      const handler: Dispatcher.DispatchHandler = {
        onConnect: (abortRequest) => {
          if (settled) abortRequest(new RequestDeadlineError());
          else abort = abortRequest as (reason?: Error) => void;
        },
        onHeaders: (statusCode, rawHeaders) => {
          // An informational answer (102 Processing, 103 Early Hints) is not the response.
          if (statusCode < 200) return true;
          status = statusCode;
          headers = parseRawHeaders(rawHeaders as unknown as Buffer[]);
          onHead({ status, headers });
          const encoding = headers['content-encoding']?.trim().toLowerCase();
          if (encoding !== undefined && encoding !== '' && encoding !== 'identity') {
            coded = new PassThrough();
            decoding = readDecodedBody(coded, headers['content-encoding'], maxBodyBytes);
            // A body over the cap or one that cannot be decoded stops the transfer at once.
            decoding.catch((error: unknown) => {
              abort?.(error as Error);
              settle(error);
            });
          }
          return true;
        },
        onData: (chunk) => {
          if (coded) coded.write(chunk);
          else chunks.push(chunk);
          return true;
        },
        onComplete: () => {
          if (coded && decoding) {
            coded.end();
            decoding.then(
              (body) => settle(undefined, body),
              (error: unknown) => settle(error),
            );
          } else {
            settle(undefined, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
          }
        },
        onError: (error) => {
          coded?.destroy();
          settle(error);
        },
      };
      this.agent.dispatch(
        { origin, path, method: request.method as Dispatcher.HttpMethod, headers: request.headers, body: request.body ?? null },
        handler,
      );
    });
  }

  /** The next hop of a redirect: credentials dropped when it leaves the origin, method per RFC 9110. */
  private redirected(previous: PlannedRequest, target: URL, status: number): PlannedRequest {
    if (target.protocol !== 'http:' && target.protocol !== 'https:') throw Object.assign(new Error(`refusing to follow a redirect to ${target.protocol}`), { code: 'redirect_refused' });
    const sameOrigin = target.origin === new URL(previous.url).origin;
    const headers = { ...previous.headers };
    if (!sameOrigin) {
      const drop = new Set(['authorization', 'proxy-authorization', 'cookie', ...(this.options.credentialHeaders ?? []).map((name) => name.toLowerCase())]);
      for (const name of Object.keys(headers)) if (drop.has(name.toLowerCase())) delete headers[name];
      for (const name of this.options.credentialQuery ?? []) target.searchParams.delete(name);
    }
    const becomesGet = status === 303 || ((status === 301 || status === 302) && previous.method === 'POST');
    const next: PlannedRequest = { method: becomesGet ? 'GET' : previous.method, url: target.toString(), headers };
    if (becomesGet) delete next.headers['content-type'];
    else if (previous.body !== undefined) next.body = previous.body;
    return next;
  }

  async close(): Promise<void> {
    await this.agent.close().catch(() => this.agent.destroy());
  }
}
