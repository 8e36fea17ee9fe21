import check from '../../../src/contract/checks/ignored_auth.js';
import { checkTable } from './table.js';

const security = [{ schemes: ['bearerAuth'] }];

checkTable(check, [
  { name: 'no credentials refused with 401', exchange: { security, kind: 'auth_none', scenario: 'none', status: 401 }, failures: [] },
  { name: 'invalid credentials refused with 403', exchange: { security, kind: 'auth_invalid', scenario: 'invalid', status: 403 }, failures: [] },
  { name: 'a public operation may answer 200', exchange: { kind: 'auth_none', scenario: 'none', status: 200 }, failures: [] },
  {
    name: 'an optional-auth operation (`{}` alternative) may answer 200',
    exchange: { security: [{ schemes: ['bearerAuth'] }, { schemes: [] }], kind: 'auth_none', scenario: 'none', status: 200 },
    failures: [],
  },
  { name: 'a valid-credential case is not judged', exchange: { security, status: 200 }, failures: [] },
  {
    name: 'no credentials answered 200',
    exchange: { security, kind: 'auth_none', scenario: 'none', status: 200 },
    failures: [{ message: 'API accepts requests without authentication', expected: '401', received: '200' }],
  },
  {
    name: 'invalid credentials answered 204 where 403 is documented',
    exchange: { security, responses: { '204': {}, '401': {}, '403': {} }, kind: 'auth_invalid', scenario: 'invalid', status: 204 },
    failures: [{ message: 'API accepts invalid authentication', expected: '401 or 403', received: '204' }],
  },
]);
