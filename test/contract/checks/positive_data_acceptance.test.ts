import check from '../../../src/contract/checks/positive_data_acceptance.js';
import { checkTable } from './table.js';

checkTable(check, [
  { name: 'a valid request answered 201', exchange: { status: 201 }, failures: [] },
  ...[401, 403, 404, 409, 429].map((status) => ({
    name: `${status} is a legitimate refusal`,
    exchange: { status },
    failures: [],
  })),
  { name: 'a negative case answered 400 is not judged', exchange: { kind: 'negative_wrong_type', status: 400 }, failures: [] },
  { name: 'another scenario is not judged', exchange: { scenario: 'none', kind: 'auth_none', status: 400 }, failures: [] },
  { name: 'a 5xx is left to not_a_server_error', exchange: { status: 500 }, failures: [] },
  {
    name: 'a valid request refused with 400',
    exchange: { status: 400, json: { code: 'validation_failed', message: 'name is too short', request_id: 'r1' } },
    failures: [
      {
        message: 'API rejected schema-compliant request',
        expected: 'a 2xx (or 401, 403, 404, 409, 429)',
        received: '400: {"code":"validation_failed","message":"name is too short","request_id":"r1"}',
      },
    ],
  },
  {
    name: 'a valid request refused with 422 and no body',
    exchange: { status: 422 },
    failures: [{ message: 'API rejected schema-compliant request', expected: 'a 2xx (or 401, 403, 404, 409, 429)', received: '422' }],
  },
]);
