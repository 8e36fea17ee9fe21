import { createServer, request as httpRequest, Agent as HttpAgent, type IncomingMessage, type RequestOptions, type Server, type ServerResponse } from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { OperationMatcher } from '../coverage/match.js';
import { classifyScenario, redactUrl } from '../coverage/readers/credentials.js';
import type { TrafficExchange, TrafficViolation } from '../coverage/readers/traffic.js';
import type { CoverageOperation, CoverageSpec } from '../coverage/types.js';
import { ApigateError } from '../errors.js';
import { endToEndHeaders, headerRecord } from './hop-by-hop.js';
import { TrafficRecorder } from './recorder.js';
import { tunnelUpgrade } from './tunnel.js';

/** What the validator gets for one exchange: the request as sent, the response as relayed (body capped). */
export interface ProxiedExchange {
  operation: CoverageOperation;
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody: Buffer;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: Buffer;
  /** False when the body was longer than the validation cap, so body checks must not judge it. */
  responseBodyComplete: boolean;
  scenario: TrafficExchange['scenario'];
  durationMs: number;
}

export type ExchangeValidator = (exchange: ProxiedExchange) => TrafficViolation[];

export interface ProxyOptions {
  spec: CoverageSpec;
  /** Upstream origin, optionally with a base path: `http://127.0.0.1:3000/api`. */
  target: string;
  host?: string;
  port?: number;
  /** Where to keep the recording; none means memory only. */
  record?: string;
  validate?: ExchangeValidator;
  onExchange?: (exchange: TrafficExchange) => void;
  /** Largest body kept for validation; bigger bodies are still relayed in full. */
  maxCaptureBytes?: number;
  /** Upstream inactivity limit in milliseconds. */
  timeoutMs?: number;
}

export interface RunningProxy {
  url: string;
  port: number;
  exchanges: readonly TrafficExchange[];
  /** Exchanges still being relayed. */
  readonly pending: number;
  /** Stops accepting connections, lets in-flight exchanges finish (up to `graceMs`), writes the record. */
  close(graceMs?: number): Promise<void>;
}

export const DEFAULT_MAX_CAPTURE_BYTES = 10 * 1024 * 1024;
export const DEFAULT_PROXY_TIMEOUT_MS = 120_000;

function parseTarget(target: string): URL {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new ApigateError('E_USAGE', `--target ${target}: not a URL (e.g. http://127.0.0.1:3000)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ApigateError('E_USAGE', `--target ${target}: only http and https targets are supported`);
  if (url.search || url.hash) throw new ApigateError('E_USAGE', `--target ${target}: give an origin and optional base path, without query or fragment`);
  return url;
}

/**
 * A recording reverse proxy: relays every request and response unchanged (status line, headers in their
 * original case and order, bodies byte for byte and chunk by chunk), and on the side matches each exchange
 * to an operation, validates it, and records it for `apigate coverage`.
 */
export async function startProxy(options: ProxyOptions): Promise<RunningProxy> {
  const target = parseTarget(options.target);
  const basePath = target.pathname.replace(/\/+$/, '');
  const secure = target.protocol === 'https:';
  const agent = secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const send = secure ? httpsRequest : httpRequest;
  const matcher = new OperationMatcher(options.spec.operations, options.spec.basePaths);
  const recorder = new TrafficRecorder(options.record, { spec: options.spec.source, target: target.origin + basePath });
  const maxCapture = options.maxCaptureBytes ?? DEFAULT_MAX_CAPTURE_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROXY_TIMEOUT_MS;

  const upstreamOptions = (method: string, url: string): RequestOptions => ({
    protocol: target.protocol,
    hostname: target.hostname,
    port: target.port || (secure ? 443 : 80),
    method,
    path: `${basePath}${url.startsWith('/') ? url : `/${url}`}`,
    timeout: timeoutMs,
  });

  let sequence = 0;
  const inFlight = new Set<Promise<void>>();

  const handle = (req: IncomingMessage, res: ServerResponse): Promise<void> =>
    new Promise<void>((done) => {
      sequence += 1;
      const seq = sequence;
      const started = Date.now();
      const startedAt = new Date(started).toISOString();
      const method = req.method ?? 'GET';
      const url = req.url ?? '/';
      const operation = matcher.match(method, url);
      const requestBody = new Capture(maxCapture);
      const responseBody = new Capture(maxCapture);
      let finished = false;

      const finish = (status: number | null, responseRaw: string[], error?: string): void => {
        if (finished) return;
        finished = true;
        const durationMs = Date.now() - started;
        const headers = headerRecord(req.rawHeaders);
        const scenario = classifyScenario({ headers: Object.entries(headers).map(([name, value]) => ({ name, value })), url }, status, options.spec.credentials);
        let violations: TrafficViolation[] = [];
        if (operation && status !== null && options.validate) {
          try {
            violations = options.validate({
              operation,
              method,
              url,
              requestHeaders: headers,
              requestBody: requestBody.buffer(),
              status,
              responseHeaders: headerRecord(responseRaw),
              responseBody: responseBody.buffer(),
              responseBodyComplete: !responseBody.truncated,
              scenario,
              durationMs,
            });
          } catch (validationError) {
            violations = [{ check: 'validation_error', message: `apigate could not validate this exchange: ${(validationError as Error).message}` }];
          }
        }
        const exchange: TrafficExchange = {
          seq,
          started_at: startedAt,
          method,
          url: redactUrl(url, options.spec.credentials),
          operation: operation?.key ?? null,
          status,
          scenario,
          duration_ms: durationMs,
          violations,
          ...(error !== undefined ? { error } : {}),
        };
        recorder.add(exchange);
        options.onExchange?.(exchange);
        done();
      };

      const upstream = send({ ...upstreamOptions(method, url), headers: endToEndHeaders(req.rawHeaders) as unknown as Record<string, string>, agent });

      upstream.on('response', (upstreamRes) => {
        const rawHeaders = endToEndHeaders(upstreamRes.rawHeaders);
        // The server's headers, exactly: no Date of the proxy's own when the server sent none.
        res.sendDate = false;
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, rawHeaders);
        // Relay each chunk as it arrives: a streamed response must not wait for its end.
        res.flushHeaders();
        upstreamRes.on('data', (chunk: Buffer) => {
          responseBody.add(chunk);
          if (!res.write(chunk)) {
            upstreamRes.pause();
            res.once('drain', () => upstreamRes.resume());
          }
        });
        upstreamRes.on('end', () => {
          const trailers = upstreamRes.rawTrailers;
          if (trailers.length > 0) res.addTrailers(pairs(trailers));
          res.end();
          finish(upstreamRes.statusCode ?? null, upstreamRes.rawHeaders);
        });
        upstreamRes.on('error', (error) => {
          res.destroy(error);
          finish(upstreamRes.statusCode ?? null, upstreamRes.rawHeaders, `upstream response broke off: ${error.message}`);
        });
        upstreamRes.on('aborted', () => {
          res.destroy();
          finish(upstreamRes.statusCode ?? null, upstreamRes.rawHeaders, 'upstream response was aborted');
        });
      });
      upstream.on('timeout', () => upstream.destroy(new Error(`no activity for ${timeoutMs} ms`)));
      upstream.on('error', (error: NodeJS.ErrnoException) => {
        const reason = error.code ?? error.message;
        if (!res.headersSent) {
          const body = `apigate proxy: cannot reach ${target.origin}: ${reason}\n`;
          res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body) });
          res.end(body);
        } else {
          res.destroy();
        }
        finish(null, [], `upstream error: ${reason}`);
      });

      req.on('data', (chunk: Buffer) => requestBody.add(chunk));
      req.pipe(upstream);
      // A client that goes away takes its upstream request with it.
      res.on('close', () => {
        if (!res.writableFinished) {
          upstream.destroy();
          finish(null, [], 'client closed the connection before the response was complete');
        }
      });
    });

  const server: Server = createServer({ keepAlive: true }, (req, res) => {
    const task = handle(req, res);
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  });
  // Upgraded connections leave the HTTP server's bookkeeping, so closing has to end them itself.
  const tunnels = new Set<Duplex>();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, bufferedHead: Buffer) => {
    tunnels.add(socket);
    socket.on('close', () => tunnels.delete(socket));
    sequence += 1;
    const seq = sequence;
    const started = Date.now();
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const task = new Promise<void>((resolveTask) => {
      tunnelUpgrade(req, socket, bufferedHead, send, upstreamOptions(method, url), (status, error) => {
        const headers = headerRecord(req.rawHeaders);
        const exchange: TrafficExchange = {
          seq,
          started_at: new Date(started).toISOString(),
          method,
          url: redactUrl(url, options.spec.credentials),
          operation: matcher.match(method, url)?.key ?? null,
          status,
          scenario: classifyScenario({ headers: Object.entries(headers).map(([name, value]) => ({ name, value })), url }, status, options.spec.credentials),
          duration_ms: Date.now() - started,
          violations: [],
          ...(error !== undefined ? { error } : {}),
        };
        recorder.add(exchange);
        options.onExchange?.(exchange);
        resolveTask();
      });
    });
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  });
  // Upstream answers decide timing, not the proxy's own defaults.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new ApigateError('E_USAGE', `cannot listen on ${options.host ?? '127.0.0.1'}:${options.port ?? 8080}: ${error.code ?? error.message}`)),
    );
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => resolve());
  });
  // The record exists from the start (an unwritable path fails now, not at the end), but only once the port is ours.
  try {
    await recorder.flush();
  } catch (error) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    agent.destroy();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${hostForUrl}:${address.port}`,
    port: address.port,
    exchanges: recorder.exchanges,
    get pending() {
      return inFlight.size;
    },
    close(graceMs = 5000) {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const grace = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
        await Promise.race([Promise.all([...inFlight]), grace]);
        server.closeAllConnections();
        for (const socket of tunnels) socket.destroy();
        await stopped;
        agent.destroy();
        await recorder.close();
      })();
      return closing;
    },
  };
}

function pairs(raw: readonly string[]): Array<[string, string]> {
  const result: Array<[string, string]> = [];
  for (let i = 0; i < raw.length; i += 2) result.push([raw[i] ?? '', raw[i + 1] ?? '']);
  return result;
}

/** Keeps the first `limit` bytes of a stream for validation. */
class Capture {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  truncated = false;

  constructor(private readonly limit: number) {}

  add(chunk: Buffer): void {
    if (this.size >= this.limit) {
      this.truncated = true;
      return;
    }
    const room = this.limit - this.size;
    const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
    if (kept.length < chunk.length) this.truncated = true;
    this.chunks.push(kept);
    this.size += kept.length;
  }

  buffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}
