import check from '../../../src/contract/checks/not_a_server_error.js';
import { checkTable } from './table.js';

checkTable(check, [
  { name: 'a 200 passes', exchange: { status: 200 }, failures: [] },
  { name: 'a 404 is not a server error', exchange: { status: 404 }, failures: [] },
  {
    name: 'a 500 fails with a body excerpt',
    exchange: { status: 500, json: { code: 'internal', message: 'boom' } },
    failures: [{ message: 'Server error', expected: 'a status below 500', received: '500: {"code":"internal","message":"boom"}' }],
  },
  {
    name: 'a documented 503 still fails',
    exchange: { status: 503, responses: { '503': {} } },
    failures: [{ message: 'Server error', expected: 'a status below 500', received: '503' }],
  },
  {
    name: 'server text is made terminal-safe',
    exchange: { status: 502, text: '\u001b[31mbad\u001b[0m\ngateway' },
    failures: [{ message: 'Server error', expected: 'a status below 500', received: '502: bad\\ngateway' }],
  },
]);
