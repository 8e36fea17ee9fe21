import { defineCheck } from '../types.js';
import { analyseStatuses } from './lib/statuses.js';
import { listOf } from './lib/text.js';

export default defineCheck({
  id: 'response-success-status-changed',
  level: 'breaking',
  description: 'The success status changed (e.g. 200 to 201); clients checking for the old code see a failure.',
  operation(pair, emit) {
    const { successRemoved, successAdded } = analyseStatuses(pair);
    if (successRemoved.length === 0 || successAdded.length === 0) return;
    const first = successAdded[0] ?? '';
    const at = pair.headOperation.responses.get(first)?.loc ?? pair.headOperation.responsesLoc;
    emit({ message: `success status of ${pair.label} changed from ${listOf(successRemoved)} to ${listOf(successAdded)}`, at, location: `response ${successRemoved.join(',')}` });
  },
});
