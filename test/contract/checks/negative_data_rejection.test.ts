import check from '../../../src/contract/checks/negative_data_rejection.js';
import { checkTable } from './table.js';

const intent = 'a 4xx for a body missing required `name`';

checkTable(check, [
  { name: 'an invalid request rejected with 400', exchange: { kind: 'negative_missing_required', intent, status: 400 }, failures: [] },
  { name: 'a 5xx is left to not_a_server_error', exchange: { kind: 'negative_wrong_type', intent, status: 500 }, failures: [] },
  { name: 'a positive case answered 201 is not judged', exchange: { kind: 'positive', status: 201 }, failures: [] },
  {
    name: 'a body missing a required property accepted with 201',
    exchange: { kind: 'negative_missing_required', intent, status: 201 },
    failures: [{ message: 'API accepted schema-violating request', expected: intent, received: '201' }],
  },
  {
    name: 'a query value outside its enum accepted with 200',
    exchange: { kind: 'negative_query_enum', intent: 'a 4xx for query `status=__invalid__` outside its enum', status: 200 },
    failures: [
      { message: 'API accepted schema-violating request', expected: 'a 4xx for query `status=__invalid__` outside its enum', received: '200' },
    ],
  },
]);
