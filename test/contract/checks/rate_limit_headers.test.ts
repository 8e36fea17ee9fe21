import check from '../../../src/contract/checks/rate_limit_headers.js';
import { checkTable } from './table.js';

const responses = {
  '200': {
    headers: {
      'RateLimit-Limit': { schema: { type: 'integer' } },
      'RateLimit-Remaining': { schema: { type: 'integer' } },
      'RateLimit-Reset': { schema: { type: 'integer' } },
      'X-Request-Id': { required: true },
    },
  },
  '429': { headers: { 'Retry-After': { schema: { type: 'integer' } } } },
  '404': {},
};

checkTable(check, [
  {
    name: 'all documented rate-limit headers present',
    exchange: { responses, headers: { 'ratelimit-limit': '100', 'ratelimit-remaining': '99', 'ratelimit-reset': '30' } },
    failures: [],
  },
  { name: 'a response documenting none', exchange: { responses, status: 404 }, failures: [] },
  { name: 'Retry-After present on 429', exchange: { responses, status: 429, headers: { 'Retry-After': '5' } }, failures: [] },
  {
    name: 'documented but absent, even when not marked required',
    exchange: { responses, headers: { 'ratelimit-limit': '100' } },
    failures: [
      {
        message: 'Missing rate-limit headers',
        expected: 'RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset (documented for 200)',
        received: 'absent: RateLimit-Remaining, RateLimit-Reset',
      },
    ],
  },
  {
    name: 'Retry-After missing on 429',
    exchange: { responses, status: 429 },
    failures: [{ message: 'Missing rate-limit header', expected: 'Retry-After (documented for 429)', received: 'absent: Retry-After' }],
  },
]);
