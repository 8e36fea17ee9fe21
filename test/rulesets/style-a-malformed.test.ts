import { describe, expect, it } from 'vitest';
import { lintWithOnlyRule } from '../helpers/rules.js';

const PART_A_RULES = [
  'apigate-property-snake-case', 'apigate-query-param-snake-case', 'apigate-path-plural-nouns', 'apigate-path-no-verbs',
  'apigate-path-kebab-case', 'apigate-path-param-snake-case', 'apigate-path-no-trailing-slash', 'apigate-path-nesting',
  'apigate-version-segment', 'apigate-deprecation-headers', 'apigate-deprecation-window', 'apigate-error-format',
  'apigate-collection-pagination', 'apigate-collection-next-link', 'apigate-collection-sort-param', 'apigate-collection-fields-param',
];

/** Structurally wrong in every place the rules look; a rule function must report or stay silent, never throw. */
const MALFORMED = {
  openapi: '3.1.0',
  info: { title: 'Malformed', version: '1' },
  servers: ['https://api.example.com', { url: 42 }, null],
  paths: {
    '/a': { parameters: { name: 'x' }, get: { parameters: [null, 7, { name: 3, in: 'query' }], responses: [] } },
    '/b/{}': { get: { deprecated: true, responses: { '200': 'OK', '400': { content: 'json' }, '500': { content: { 'application/json': { schema: 5 } } } } } },
    '/c': { get: { 'x-deprecated-at': { at: 'now' }, 'x-sunset': [2025], responses: { '200': { headers: null, content: { 'application/json': { schema: { type: 'array', items: [] } } } } } } },
    '/d': { get: { responses: { '404': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Loop' } } } } } } },
    '/e': null,
    '/f': 'not a path item',
  },
  webhooks: [],
  components: {
    schemas: {
      Loop: { allOf: [{ $ref: '#/components/schemas/Loop' }], properties: { '0': {}, Next: { $ref: '#/components/schemas/Loop' } }, oneOf: {}, required: 'all' },
    },
  },
};

describe('part A style rules on malformed documents', () => {
  it.each(PART_A_RULES)('%s does not throw', async (ruleId) => {
    const findings = await lintWithOnlyRule(ruleId, MALFORMED);
    expect(Array.isArray(findings)).toBe(true);
    for (const finding of findings) expect(finding.message).not.toMatch(/threw an exception/);
  });
});
