import { describe, expect, it } from 'vitest';
import { patternBoundsLength } from '../../src/rulesets/functions/boundedInput.js';
import { openapi, openapi31, ok, testRule } from './style-scenarios.js';

const body = (schema: object) => ({ requestBody: { content: { 'application/json': { schema } } }, responses: { '201': ok } });

describe('patternBoundsLength', () => {
  it.each([
    ['^[A-Z]{2}$', true],
    ['^\\d{4,8}$', true],
    ['^[+*]{1,3}$', true],
    ['^(ab|cd){2}$', true],
    ['^[a-z]+$', false],
    ['^a.*$', false],
    ['^\\d{4,}$', false],
    ['[A-Z]{2}', false],
    ['^[A-Z]{2}', false],
    ['^a|b$', false],
    ['^a\\$', false],
  ])('%s bounds the length: %s', (pattern, expected) => {
    expect(patternBoundsLength(pattern)).toBe(expected);
  });
});

testRule('apigate-string-max-length', [
  {
    name: 'a component used by two operations is reported once, where it is defined',
    document: openapi(
      { '/pets': { post: body({ $ref: '#/components/schemas/Pet' }), put: body({ $ref: '#/components/schemas/Pet' }) } },
      { components: { schemas: { Pet: { type: 'object', properties: { name: { type: 'string' } } } } } },
    ),
    errors: [{ path: ['components', 'schemas', 'Pet', 'properties', 'name'], message: /no maxLength/ }],
  },
  {
    name: 'path, header and cookie parameters and content-based parameters are input too',
    document: openapi({
      '/pets/{petId}': {
        parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }],
        get: {
          parameters: [
            { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
            { name: 'filter', in: 'query', content: { 'application/json': { schema: { type: 'object', properties: { q: { type: 'string' } } } } } },
          ],
          responses: { '200': ok },
        },
      },
    }),
    errors: [
      { path: ['paths', '/pets/{petId}', 'parameters', '0', 'schema'] },
      { path: ['paths', '/pets/{petId}', 'get', 'parameters', '0', 'schema'] },
      { path: ['paths', '/pets/{petId}', 'get', 'parameters', '1', 'content', 'application/json', 'schema', 'properties', 'q'] },
    ],
  },
  {
    name: 'readOnly properties, not-subschemas, response-only schemas and binary uploads are skipped',
    document: openapi31(
      {
        '/pets': {
          post: {
            requestBody: {
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { id: { type: 'string', readOnly: true }, nick: { type: 'string', maxLength: 9, not: { type: 'string' } } } },
                },
                'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } },
              },
            },
            responses: { '201': { description: 'Created', content: { 'application/json': { schema: { $ref: '#/components/schemas/Out' } } } } },
          },
        },
      },
      { components: { schemas: { Out: { type: 'object', properties: { text: { type: 'string' } } } } } },
    ),
    errors: [],
  },
  {
    name: 'OpenAPI 3.1 type lists and recursive schemas',
    document: openapi31(
      { '/nodes': { post: body({ $ref: '#/components/schemas/Node' }) } },
      { components: { schemas: { Node: { type: 'object', properties: { label: { type: ['string', 'null'] }, children: { type: 'array', maxItems: 5, items: { $ref: '#/components/schemas/Node' } } } } } } },
    ),
    errors: [{ path: ['components', 'schemas', 'Node', 'properties', 'label'] }],
  },
  {
    name: 'email and uri do not bound length; date, uuid and hostname do',
    document: openapi({
      '/pets': {
        post: body({
          type: 'object',
          properties: {
            email: { type: 'string', format: 'email' },
            site: { type: 'string', format: 'uri' },
            born: { type: 'string', format: 'date' },
            id: { type: 'string', format: 'uuid' },
            host: { type: 'string', format: 'hostname' },
          },
        }),
      },
    }),
    errors: [
      { path: ['paths', '/pets', 'post', 'requestBody', 'content', 'application/json', 'schema', 'properties', 'email'] },
      { path: ['paths', '/pets', 'post', 'requestBody', 'content', 'application/json', 'schema', 'properties', 'site'] },
    ],
  },
]);

testRule('apigate-integer-bounds', [
  {
    name: 'OpenAPI 3.0 boolean exclusive bounds need minimum/maximum beside them',
    document: openapi({
      '/pets': {
        get: {
          parameters: [
            { name: 'a', in: 'query', schema: { type: 'integer', minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: true } },
            { name: 'b', in: 'query', schema: { type: 'integer', exclusiveMinimum: true, maximum: 10 } },
          ],
          responses: { '200': ok },
        },
      },
    }),
    errors: [{ path: ['paths', '/pets', 'get', 'parameters', '1', 'schema'], message: /has no minimum: add minimum/ }],
  },
  {
    name: 'bounds from an allOf sibling count; numbers are not integers',
    document: openapi({
      '/pets': {
        post: body({
          type: 'object',
          properties: {
            age: { allOf: [{ $ref: '#/components/schemas/Count' }, { minimum: 0, maximum: 50 }] },
            weight: { type: 'number' },
          },
        }),
      },
    }, { components: { schemas: { Count: { type: 'integer' } } } }),
    errors: [],
  },
]);

testRule('apigate-array-max-items', [
  {
    name: 'an untyped schema with items is an array; arrays in responses are not input',
    document: openapi({
      '/pets': {
        post: {
          requestBody: { content: { 'application/json': { schema: { items: { type: 'integer', minimum: 0, maximum: 9 } } } } },
          responses: { '201': { description: 'Created', content: { 'application/json': { schema: { type: 'array', items: {} } } } } },
        },
      },
    }),
    errors: [{ path: ['paths', '/pets', 'post', 'requestBody', 'content', 'application/json', 'schema'] }],
  },
]);

testRule('apigate-string-max-length', [
  {
    name: 'readOnly written as an allOf member (allOf: [{ readOnly: true }, { $ref }]) is skipped too',
    document: openapi(
      { '/dbs': { post: body({ type: 'object', properties: { connection: { allOf: [{ readOnly: true }, { $ref: '#/components/schemas/Connection' }] } } }) } },
      { components: { schemas: { Connection: { type: 'object', properties: { uri: { type: 'string' } } } } } },
    ),
    errors: [],
  },
]);
