import check from '../../../src/contract/checks/error_format_conformance.js';
import { checkTable } from './table.js';

const expected = 'an object with string code, message and request_id, and an optional details array';

checkTable(check, [
  { name: 'the error object', exchange: { status: 404, json: { code: 'not_found', message: 'No widget w1', request_id: 'r1' } }, failures: [] },
  {
    name: 'the error object with details',
    exchange: { status: 422, json: { code: 'invalid', message: 'Invalid', request_id: 'r1', details: [{ field: 'name' }] } },
    failures: [],
  },
  { name: 'a success body is not judged', exchange: { status: 200, json: { id: 1 } }, failures: [] },
  { name: 'a non-JSON error body is not judged', exchange: { status: 502, text: 'Bad Gateway', headers: { 'content-type': 'text/plain' } }, failures: [] },
  { name: 'an empty error body is not judged', exchange: { status: 401 }, failures: [] },
  {
    name: 'missing and mistyped members are each named',
    exchange: { status: 400, json: { code: 400, message: 'Bad request', details: 'name' } },
    failures: [
      {
        message: 'Error response does not follow the error format',
        expected,
        received: 'code is a number, not a string; missing request_id; details is a string, not an array',
      },
    ],
  },
  {
    name: 'a body that is not an object',
    exchange: { status: 500, json: ['boom'] },
    failures: [{ message: 'Error response does not follow the error format', expected, received: 'the body is an array' }],
  },
]);
