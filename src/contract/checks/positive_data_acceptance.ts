import { defineCheck } from './define.js';
import { isClientError, statusWithExcerpt } from './guards.js';

/** Refusals a valid request can legitimately get: credentials, a missing or conflicting resource, throttling. */
const TOLERATED = new Set([401, 403, 404, 409, 429]);

export default defineCheck({
  id: 'positive_data_acceptance',
  description: 'A valid request built from the spec, sent with valid credentials, is not refused with a 4xx other than 401, 403, 404, 409 or 429.',
  run({ testCase, response }) {
    if (testCase.kind !== 'positive' || testCase.scenario !== 'valid') return [];
    if (!isClientError(response.status) || TOLERATED.has(response.status)) return [];
    return [
      {
        message: 'API rejected schema-compliant request',
        expected: 'a 2xx (or 401, 403, 404, 409, 429)',
        received: statusWithExcerpt(response),
      },
    ];
  },
});
