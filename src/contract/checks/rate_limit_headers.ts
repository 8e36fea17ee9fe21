import { defineCheck } from './define.js';
import { findDocumentedResponse, headerValue, isRateLimitHeader } from './guards.js';

export default defineCheck({
  id: 'rate_limit_headers',
  description:
    'Every rate-limit header the spec documents for the response (`RateLimit-*`, `X-RateLimit-*`, `Retry-After`) is present, whether or not it is marked required.',
  run({ operation, response }) {
    const documented = findDocumentedResponse(operation, response.status);
    if (!documented) return [];
    const names = documented.headers.map((header) => header.name).filter(isRateLimitHeader);
    const missing = names.filter((name) => headerValue(response, name) === undefined);
    if (missing.length === 0) return [];
    return [
      {
        message: missing.length === 1 ? 'Missing rate-limit header' : 'Missing rate-limit headers',
        expected: `${names.join(', ')} (documented for ${documented.status})`,
        received: `absent: ${missing.join(', ')}`,
      },
    ];
  },
});
