import { describe, expect, it } from 'vitest';
import { lintWithOnlyRule, ruleFixture } from '../helpers/rules.js';
import { openapi, openapi31, ok, testRule } from './style-scenarios.js';

testRule('apigate-operation-summary', [
  {
    name: 'every method is checked, path-level keys are not operations',
    document: openapi({ '/pets': { summary: 'Path item summary', parameters: [], head: { responses: { '200': ok } } } }),
    errors: [{ path: ['paths', '/pets', 'head'] }],
  },
]);

testRule('apigate-parameter-description', [
  {
    name: 'a description on the schema counts; a shared parameter is reported once, at the component',
    document: openapi(
      {
        '/pets': {
          get: {
            parameters: [{ name: 'q', in: 'query', schema: { type: 'string', description: 'Free-text search.' } }, { $ref: '#/components/parameters/Limit' }],
            responses: { '200': ok },
          },
        },
        '/owners': { get: { parameters: [{ $ref: '#/components/parameters/Limit' }], responses: { '200': ok } } },
      },
      { components: { parameters: { Limit: { name: 'limit', in: 'query', schema: { type: 'integer' } } } } },
    ),
    errors: [{ path: ['components', 'parameters', 'Limit'], message: /^Parameter "limit" \(query\) has no description/ }],
  },
  {
    name: 'an operation parameter overrides the path-level one with the same name and location',
    document: openapi31({
      '/pets/{petId}': {
        parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }],
        get: { parameters: [{ name: 'petId', in: 'path', required: true, description: 'The pet.', schema: { type: 'string' } }], responses: { '200': ok } },
      },
    }),
    errors: [],
  },
]);

testRule('apigate-property-description', [
  {
    name: 'properties referencing a named schema are documented by it; recursion is safe',
    document: openapi(
      {},
      {
        components: {
          schemas: {
            Node: { type: 'object', description: 'A node.', properties: { parent: { $ref: '#/components/schemas/Node' }, label: { type: 'string' } } },
          },
        },
      },
    ),
    errors: [{ path: ['components', 'schemas', 'Node', 'properties', 'label'], message: /^Property "label" has no description/ }],
  },
  {
    name: 'inline properties of responses and nested objects are checked once each',
    document: openapi31({
      '/pets': {
        get: {
          responses: {
            '200': {
              description: 'Pets',
              content: { 'application/json': { schema: { type: 'object', properties: { meta: { type: 'object', description: 'Paging.', properties: { total: { type: 'integer' } } } } } } },
            },
          },
        },
      },
    }),
    errors: [{ path: ['paths', '/pets', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'properties', 'meta', 'properties', 'total'] }],
  },
]);

const pet = { type: 'object', properties: { name: { type: 'string' } } };

testRule('apigate-request-example', [
  {
    name: 'oneOf needs every branch to provide a sample; enum and default values count',
    document: openapi({
      '/pets': {
        post: {
          requestBody: {
            content: {
              'application/json': { schema: { oneOf: [{ type: 'string', enum: ['a'] }, { type: 'integer', default: 1 }] } },
              'application/problem+json': { schema: { oneOf: [{ type: 'string', enum: ['a'] }, pet] } },
            },
          },
          responses: { '201': ok },
        },
      },
    }),
    errors: [{ path: ['paths', '/pets', 'post', 'requestBody', 'content', 'application/problem+json'] }],
  },
  {
    name: 'a shared request body is reported once; form and */* bodies are not checked',
    document: openapi31(
      {
        '/pets': {
          post: { requestBody: { $ref: '#/components/requestBodies/Pet' }, responses: { '201': ok } },
          put: { requestBody: { $ref: '#/components/requestBodies/Pet' }, responses: { '200': ok } },
        },
        '/uploads': { post: { requestBody: { content: { 'application/x-www-form-urlencoded': { schema: pet }, '*/*': { schema: pet } } }, responses: { '201': ok } } },
      },
      { components: { requestBodies: { Pet: { content: { 'application/json': { schema: pet } } } } } },
    ),
    errors: [{ path: ['components', 'requestBodies', 'Pet', 'content', 'application/json'], message: /^This request body has no example/ }],
  },
]);

testRule('apigate-response-example', [
  {
    name: '2XX ranges are checked, errors are not, and an example on an allOf member counts',
    document: openapi({
      '/pets': {
        get: {
          responses: {
            '2XX': { description: 'Pets', content: { 'application/json': { schema: pet } } },
            '500': { description: 'Oops', content: { 'application/json': { schema: pet } } },
          },
        },
        post: { responses: { '201': { description: 'Created', content: { 'application/json': { schema: { allOf: [pet, { example: { name: 'Rex' } }] } } } } } },
      },
    }),
    errors: [{ path: ['paths', '/pets', 'get', 'responses', '2XX', 'content', 'application/json'], message: /^This success response has no example/ }],
  },
]);

testRule('apigate-health-endpoints', [
  {
    name: 'a nested /health/ready provides both probes',
    document: openapi({ '/api/v2/health/ready': { get: { responses: { '200': ok } } } }),
    errors: [],
  },
  {
    name: 'only a health endpoint: the readiness probe is reported',
    document: openapi({ '/v1/healthz': { head: { responses: { '200': ok } } } }),
    errors: [{ path: ['paths'], message: /^The API documents no readiness endpoint \(GET \/ready or \/readyz\): add one/ }],
  },
  {
    name: 'a probe must be readable (GET or HEAD); webhook-only documents are not checked',
    document: openapi31({}, { webhooks: { newPet: { post: { responses: { '200': ok } } } } }),
    errors: [],
  },
  {
    name: 'a POST-only /health is not a probe',
    document: openapi({ '/health': { post: { responses: { '200': ok } } }, '/ready': { get: { responses: { '200': ok } } } }),
    errors: [{ path: ['paths'], message: /^The API documents no health \(liveness\) endpoint/ }],
  },
]);

describe('apigate-property-description across files', () => {
  it('reports inline properties in the file that defines them, and no property that references another file', async () => {
    const findings = await lintWithOnlyRule('apigate-property-description', ruleFixture('apigate-property-description', 'multi-file/openapi.yaml'));
    expect(findings.map((finding) => [finding.file, finding.path])).toEqual([
      [ruleFixture('apigate-property-description', 'multi-file/pet.yaml'), ['properties', 'nickname']],
    ]);
  });
});
