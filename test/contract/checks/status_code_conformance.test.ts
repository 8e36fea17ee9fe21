import check from '../../../src/contract/checks/status_code_conformance.js';
import { checkTable } from './table.js';

const responses = { '200': {}, '404': {}, '4XX': {} };

checkTable(check, [
  { name: 'an exact documented status passes', exchange: { responses, status: 200 }, failures: [] },
  { name: 'a 4XX range covers 422', exchange: { responses, status: 422 }, failures: [] },
  { name: 'a lower-case range is honoured', exchange: { responses: { '200': {}, '5xx': {} }, status: 503 }, failures: [] },
  { name: 'default covers anything', exchange: { responses: { '200': {}, default: {} }, status: 418 }, failures: [] },
  { name: 'a 2XX range covers 201', exchange: { responses: { '2XX': {} }, status: 201 }, failures: [] },
  {
    name: 'an undocumented status fails listing the documented ones',
    exchange: { responses, status: 500 },
    failures: [{ message: 'Undocumented HTTP status code', expected: 'one of 200, 404, 4XX', received: '500' }],
  },
  {
    name: 'a range does not cover another class',
    exchange: { responses: { '200': {}, '4XX': {} }, status: 204 },
    failures: [{ message: 'Undocumented HTTP status code', expected: 'one of 200, 4XX', received: '204' }],
  },
]);
