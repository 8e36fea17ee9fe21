import check from '../../../src/contract/checks/max_response_time.js';
import { checkTable } from './table.js';

checkTable(check, [
  { name: 'no budget configured', exchange: { durationMs: 90_000 }, failures: [] },
  { name: 'within the budget', exchange: { maxResponseTimeMs: 500, durationMs: 500 }, failures: [] },
  {
    name: 'over the budget',
    exchange: { maxResponseTimeMs: 500, durationMs: 812.4 },
    failures: [{ message: 'Response time limit exceeded', expected: 'at most 500 ms', received: '812 ms' }],
  },
]);
