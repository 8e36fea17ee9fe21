/**
 * One representative failing exchange per check. docs/checks/<id>.md must show exactly what the check
 * produces for it, so the documented output cannot drift from the code.
 */
import type { ExchangeDescription } from './exchange.js';

export const DOC_EXAMPLES: Record<string, ExchangeDescription> = {
  not_a_server_error: { status: 500, json: { code: 'internal', message: 'boom', request_id: 'r-81' } },
  status_code_conformance: { responses: { '200': {}, '404': {}, '4XX': {} }, status: 500 },
  content_type_conformance: {
    responses: { '200': { content: { 'application/json': {} } } },
    text: '<html>',
    headers: { 'content-type': 'text/html; charset=utf-8' },
  },
  response_headers_conformance: {
    responses: {
      '200': {
        headers: {
          'X-Request-Id': { required: true, schema: { type: 'string' } },
          'X-Total-Count': { schema: { type: 'integer', minimum: 0 } },
        },
      },
    },
    headers: { 'X-Total-Count': 'many' },
  },
  response_schema_conformance: {
    path: '/v1/widgets',
    responses: {
      '200': {
        content: {
          'application/json': {
            type: 'array',
            items: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' } } },
          },
        },
      },
    },
    json: [{ id: 1, name: 'A' }, { id: 'w2' }],
  },
  undocumented_property: {
    responses: {
      '200': {
        content: {
          'application/json': {
            type: 'object',
            properties: { id: { type: 'string' }, owner: { type: 'object', properties: { name: { type: 'string' } } } },
          },
        },
      },
    },
    json: { id: 'w1', owner: { name: 'Ann', email: 'ann@example.com' }, internal_flag: true },
  },
  negative_data_rejection: { kind: 'negative_missing_required', intent: 'a 4xx for a body missing required `name`', status: 201 },
  positive_data_acceptance: { status: 400, json: { code: 'validation_failed', message: 'name is too short', request_id: 'r-7' } },
  ignored_auth: { security: [{ schemes: ['bearerAuth'] }], kind: 'auth_none', scenario: 'none', status: 200 },
  error_format_conformance: { status: 404, json: { error: 'Not Found', status: 404 } },
  rate_limit_headers: {
    responses: {
      '200': {
        headers: {
          'RateLimit-Limit': { schema: { type: 'integer' } },
          'RateLimit-Remaining': { schema: { type: 'integer' } },
          'RateLimit-Reset': { schema: { type: 'integer' } },
        },
      },
    },
    headers: { 'ratelimit-limit': '100' },
  },
  max_response_time: { maxResponseTimeMs: 500, durationMs: 812 },
};
