import { describe, expect, it } from 'vitest';
import { lintWithOnlyRule } from '../helpers/rules.js';

const PART_B_RULES = [
  'apigate-create-201-location', 'apigate-delete-204', 'apigate-patch-partial', 'apigate-put-replaces',
  'apigate-rate-limit-headers', 'apigate-429-retry-after',
  'apigate-operation-security', 'apigate-auth-responses', 'apigate-item-404', 'apigate-no-api-key-in-query',
  'apigate-oauth2-flows', 'apigate-https-servers', 'apigate-bearer-format',
  'apigate-string-max-length', 'apigate-integer-bounds', 'apigate-array-max-items',
  'apigate-operation-summary', 'apigate-parameter-description', 'apigate-property-description',
  'apigate-request-example', 'apigate-response-example', 'apigate-health-endpoints',
];

/** Every node has the wrong type somewhere: a rule function must report or skip, never throw. */
const malformed = {
  openapi: '3.0.3',
  info: { title: 'Malformed', version: '1' },
  security: {},
  servers: [null, { url: 5 }, { url: 'http://{h}', variables: { h: null } }, { url: 'http://{h}', variables: [] }],
  paths: {
    '/a': null,
    '/b': {
      get: 'not an operation',
      post: { responses: [], parameters: 'p', requestBody: 5 },
      put: { requestBody: { content: { 'application/json': { schema: true } } }, responses: { '201': null, '429': 'x', '4XX': [] } },
      patch: { requestBody: { content: { 'application/json': { schema: { required: 'name', allOf: 'x' } }, 'text/plain': null } } },
      delete: { responses: { '204': { content: 'x' }, '200': { headers: 'h' } } },
    },
    '/b/{id}': {
      parameters: [null, 5, { name: 7, in: 'query', schema: { type: ['string'], pattern: 5, enum: 'x', maxLength: '9' } }],
      get: {
        security: 'x',
        responses: {
          '200': { headers: [], content: { 'application/json': { schema: { type: 'array', items: [1], properties: [], examples: 'x', oneOf: [] } } } },
        },
      },
    },
  },
  components: {
    securitySchemes: { a: null, b: { type: 'http', scheme: 5 }, c: { type: 'oauth2', flows: null }, d: { type: 'apiKey', in: 'query' } },
    schemas: { X: { properties: { p: null, q: 5, r: { type: 'integer', minimum: '0' } } }, Y: [] },
    parameters: [],
  },
};

describe('part B rules on malformed documents', () => {
  it.each(PART_B_RULES)('%s reports or skips without throwing', async (ruleId) => {
    const findings = await lintWithOnlyRule(ruleId, malformed);
    expect(Array.isArray(findings)).toBe(true);
    for (const finding of findings) expect(finding.ruleId).toBe(ruleId);
  });
});
