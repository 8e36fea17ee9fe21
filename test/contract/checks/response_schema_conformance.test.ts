import check from '../../../src/contract/checks/response_schema_conformance.js';
import { checkTable } from './table.js';

const widget = {
  type: 'object',
  required: ['id', 'name'],
  properties: { id: { type: 'string' }, name: { type: 'string' }, size: { type: 'integer', nullable: true } },
};
const responses = {
  '200': { content: { 'application/json': { type: 'array', items: widget } } },
  '2XX': { content: { 'application/json': widget } },
  default: { content: { 'application/problem+json': { type: 'object', required: ['title'] } } },
};
const key = '#/paths/~1v1~1widgets/get/responses';

checkTable(check, [
  { name: 'a conformant body passes', exchange: { responses, json: [{ id: 'w1', name: 'A', size: null }] }, failures: [] },
  { name: 'a 2XX range schema applies to 201', exchange: { responses, status: 201, json: { id: 'w1', name: 'A' } }, failures: [] },
  {
    name: 'the default response schema applies to an error',
    exchange: { responses, status: 400, json: { title: 'Bad' }, headers: { 'content-type': 'application/problem+json' } },
    failures: [],
  },
  { name: 'an undocumented status is left to status_code_conformance', exchange: { responses: { '200': responses['200'] }, status: 500, json: 1 }, failures: [] },
  { name: 'a non-JSON body is left to content_type_conformance', exchange: { responses, text: '<p>', headers: { 'content-type': 'text/html' } }, failures: [] },
  {
    name: 'schema violations are listed with their location',
    exchange: { responses, json: [{ id: 1, name: 'A' }, { id: 'w2' }] },
    failures: [
      {
        message: 'Response violates schema',
        expected: `a body matching ${key}/200/content/application~1json/schema`,
        received: "at /0/id: must be string; at /1: must have required property 'name'",
      },
    ],
  },
  {
    name: 'a long list of violations is cut after five',
    exchange: { responses, json: [1, 2, 3, 4, 5, 6, 7] },
    failures: [
      {
        message: 'Response violates schema',
        expected: `a body matching ${key}/200/content/application~1json/schema`,
        received: 'at /0: must be object; at /1: must be object; at /2: must be object; at /3: must be object; at /4: must be object; and 2 more',
      },
    ],
  },
  {
    name: 'a JSON content type with a body that does not parse',
    exchange: { responses, text: '{"id": "w1",', headers: { 'content-type': 'application/json' } },
    failures: [{ message: 'Response body is not valid JSON', expected: 'a JSON body (application/json)', received: '{"id": "w1",' }],
  },
  {
    name: 'an ambiguous oneOf is a warning, not a failure',
    exchange: {
      responses: {
        '200': {
          content: {
            'application/json': {
              oneOf: [
                { type: 'object', properties: { a: { type: 'string' } } },
                { type: 'object', properties: { b: { type: 'string' } } },
              ],
            },
          },
        },
      },
      json: { a: 'x' },
    },
    failures: [
      {
        message: `Schema cannot be validated unambiguously: ambiguous schema ${key}/200/content/application~1json/schema: the body matches oneOf/0 and oneOf/1 and no discriminator says which applies; accepted without choosing`,
        severity: 'warn',
      },
    ],
  },
  {
    name: 'a writeOnly property in a response is a warning',
    exchange: {
      responses: {
        '200': {
          content: {
            'application/json': {
              type: 'object',
              required: ['id', 'password'],
              properties: { id: { type: 'string' }, password: { type: 'string', writeOnly: true } },
            },
          },
        },
      },
      json: { id: 'u1', password: 'secret-value' },
    },
    failures: [
      {
        message: `Response carries a writeOnly property: property /password is writeOnly in ${key}/200/content/application~1json/schema but the response carries it`,
        severity: 'warn',
      },
    ],
  },
]);
