import { gunzipSync, inflateSync, brotliDecompressSync } from 'node:zlib';
import type { TrafficViolation } from '../coverage/readers/traffic.js';
import type { CaseKind, Check, ContractOptions, ReceivedResponse, ResponseValidatorApi, SpecModel, TestCase } from '../contract/types.js';
import type { ExchangeValidator, ProxiedExchange } from './proxy.js';

/**
 * The contract checks that judge a response on its own. The others need to know what the client meant
 * (`negative_data_rejection`, `positive_data_acceptance`) or several requests, which recorded traffic cannot
 * tell; `ignored_auth` applies to requests sent without credentials.
 */
export const PROXY_CHECK_IDS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
  'undocumented_property',
  'error_format_conformance',
  'rate_limit_headers',
  'ignored_auth',
  'max_response_time',
] as const;

const BODY_CHECKS = new Set(['response_schema_conformance', 'undocumented_property', 'error_format_conformance']);
const MAX_DECODED_BYTES = 10 * 1024 * 1024;

function decodeBody(body: Buffer, encoding: string | undefined): Buffer | undefined {
  const coding = (encoding ?? '').trim().toLowerCase();
  try {
    if (coding === '' || coding === 'identity') return body;
    if (coding === 'gzip' || coding === 'x-gzip') return gunzipSync(body, { maxOutputLength: MAX_DECODED_BYTES });
    if (coding === 'deflate') return inflateSync(body, { maxOutputLength: MAX_DECODED_BYTES });
    if (coding === 'br') return brotliDecompressSync(body, { maxOutputLength: MAX_DECODED_BYTES });
  } catch {
    return undefined;
  }
  return undefined;
}

function isJsonMediaType(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || type.endsWith('+json');
}

export interface ProxyValidatorOptions {
  spec: SpecModel;
  checks: Check[];
  validator: ResponseValidatorApi;
  contract: ContractOptions;
}

/** Runs the same check modules as `apigate contract` over a relayed exchange. */
export function createProxyValidator(options: ProxyValidatorOptions): ExchangeValidator {
  const allowed = new Set<string>(PROXY_CHECK_IDS);
  const checks = options.checks.filter((check) => allowed.has(check.id));
  const operations = new Map(options.spec.operations.map((operation) => [operation.key, operation]));
  return (exchange: ProxiedExchange): TrafficViolation[] => {
    const operation = operations.get(exchange.operation.key);
    if (!operation) return [];
    const decoded = exchange.responseBodyComplete ? decodeBody(exchange.responseBody, exchange.responseHeaders['content-encoding']) : undefined;
    const bodyText = decoded?.toString('utf8') ?? '';
    let body: unknown;
    let bodyIsJson = false;
    if (decoded && isJsonMediaType(exchange.responseHeaders['content-type']) && bodyText.trim() !== '') {
      try {
        body = JSON.parse(bodyText);
        bodyIsJson = true;
      } catch {
        bodyIsJson = false;
      }
    }
    const response: ReceivedResponse = { status: exchange.status, headers: exchange.responseHeaders, bodyText, body, bodyIsJson, durationMs: exchange.durationMs };
    const kind: CaseKind = exchange.scenario === 'none' ? 'auth_none' : exchange.scenario === 'invalid' ? 'auth_invalid' : 'positive';
    const testCase: TestCase = {
      id: `${operation.key} proxied`,
      operation,
      kind,
      identity: 'client',
      scenario: exchange.scenario,
      intent: 'a request sent by the proxied test suite',
      request: { method: exchange.method, url: exchange.url, headers: exchange.requestHeaders, body: exchange.requestBody.length > 0 ? exchange.requestBody.toString('utf8') : undefined },
    };
    const violations: TrafficViolation[] = [];
    for (const check of checks) {
      // Only requests sent without credentials can prove auth was ignored.
      if (check.id === 'ignored_auth' && kind === 'positive') continue;
      // A body cut at the capture limit (or in an unknown encoding) cannot be judged fairly.
      if (BODY_CHECKS.has(check.id) && decoded === undefined) continue;
      for (const failure of check.run({ spec: options.spec, operation, testCase, response, options: options.contract, validator: options.validator })) {
        if (failure.severity && failure.severity !== 'error') continue;
        violations.push({ check: check.id, message: failure.message });
      }
    }
    return violations;
  };
}
