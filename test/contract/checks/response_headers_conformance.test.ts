import check from '../../../src/contract/checks/response_headers_conformance.js';
import { checkTable } from './table.js';

const responses = {
  '200': {
    headers: {
      'X-Request-Id': { required: true, schema: { type: 'string', format: 'uuid' } },
      'X-Total-Count': { schema: { type: 'integer', minimum: 0 } },
      'RateLimit-Remaining': { required: true, schema: { type: 'integer' } },
      'Content-Type': { required: true, schema: { type: 'string' } },
    },
  },
};
const requestId = '3fa85f64-5717-4562-b3fc-2c963f66afa6';

checkTable(check, [
  {
    name: 'required headers present and valid',
    exchange: { responses, headers: { 'X-Request-Id': requestId, 'X-Total-Count': '12', 'RateLimit-Remaining': '9' } },
    failures: [],
  },
  { name: 'an optional header may be absent', exchange: { responses, headers: { 'x-request-id': requestId, 'ratelimit-remaining': '1' } }, failures: [] },
  {
    name: 'a missing required header fails (rate-limit headers are left to rate_limit_headers)',
    exchange: { responses, headers: { 'X-Total-Count': '3' } },
    failures: [{ message: 'Missing required response header', expected: 'X-Request-Id', received: 'absent' }],
  },
  {
    name: 'a header value is converted before validation, and fails its schema',
    exchange: { responses, headers: { 'X-Request-Id': requestId, 'X-Total-Count': '-2', 'RateLimit-Remaining': 'many' } },
    failures: [
      {
        message: 'Response header does not match its schema',
        expected: 'X-Total-Count: {"type":"integer","minimum":0}',
        received: 'X-Total-Count: -2 (must be >= 0)',
      },
      {
        message: 'Response header does not match its schema',
        expected: 'RateLimit-Remaining: {"type":"integer"}',
        received: 'RateLimit-Remaining: many (must be integer)',
      },
    ],
  },
  {
    name: 'comma-separated array headers',
    exchange: {
      responses: { '200': { headers: { Allow: { schema: { type: 'array', items: { type: 'string', enum: ['GET', 'PUT'] } } } } } },
      headers: { Allow: 'GET, POST' },
    },
    failures: [
      {
        message: 'Response header does not match its schema',
        expected: 'Allow: {"type":"array","items":{"type":"string","enum":["GET","PUT"]}}',
        received: 'Allow: GET, POST (at /1: must be one of: "GET", "PUT")',
      },
    ],
  },
]);
