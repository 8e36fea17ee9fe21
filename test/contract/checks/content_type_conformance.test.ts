import check from '../../../src/contract/checks/content_type_conformance.js';
import { checkTable } from './table.js';

const json = { '200': { content: { 'application/json': { type: 'object' } } } };

checkTable(check, [
  { name: 'the documented type passes', exchange: { responses: json, json: {} }, failures: [] },
  {
    name: 'parameters such as charset are ignored, case too',
    exchange: { responses: json, json: {}, headers: { 'content-type': 'Application/JSON; charset=utf-8' } },
    failures: [],
  },
  {
    name: 'a type range covers its subtypes',
    exchange: { responses: { '200': { content: { 'application/*': {} } } }, json: {}, headers: { 'content-type': 'application/xml' } },
    failures: [],
  },
  {
    name: 'a structured-suffix range covers +json types',
    exchange: {
      responses: { '200': { content: { 'application/*+json': {} } } },
      json: {},
      headers: { 'content-type': 'application/problem+json' },
    },
    failures: [],
  },
  {
    name: '*/* covers anything',
    exchange: { responses: { '200': { content: { '*/*': {} } } }, text: 'x', headers: { 'content-type': 'text/csv' } },
    failures: [],
  },
  { name: 'an empty body is not judged', exchange: { responses: json, text: '' }, failures: [] },
  { name: 'a HEAD response is not judged', exchange: { method: 'HEAD', responses: json, text: 'x', headers: { 'content-type': 'text/html' } }, failures: [] },
  { name: 'an undocumented status is left to status_code_conformance', exchange: { responses: json, status: 418, text: 'x' }, failures: [] },
  {
    name: 'an undocumented type fails',
    exchange: { responses: json, text: '<html>', headers: { 'content-type': 'text/html; charset=utf-8' } },
    failures: [{ message: 'Undocumented Content-Type', expected: 'one of application/json', received: 'text/html' }],
  },
  {
    name: 'application/json does not cover a +json type',
    exchange: { responses: json, json: {}, headers: { 'content-type': 'application/problem+json' } },
    failures: [{ message: 'Undocumented Content-Type', expected: 'one of application/json', received: 'application/problem+json' }],
  },
  {
    name: 'a body without Content-Type fails',
    exchange: { responses: json, text: '{}' },
    failures: [{ message: 'Missing Content-Type header', expected: 'one of application/json', received: 'no Content-Type header' }],
  },
  {
    name: 'a body where none is documented fails',
    exchange: { responses: { '200': {} }, json: { a: 1 } },
    failures: [
      { message: 'Undocumented Content-Type', expected: 'no body (the 200 response documents no content)', received: 'application/json' },
    ],
  },
]);
