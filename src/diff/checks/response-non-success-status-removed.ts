import { defineCheck } from '../types.js';
import { analyseStatuses } from './lib/statuses.js';

export default defineCheck({
  id: 'response-non-success-status-removed',
  level: 'info',
  description: 'A non-success response status is no longer documented.',
  operation(pair, emit) {
    for (const status of analyseStatuses(pair).otherRemoved) {
      emit({ message: `response ${status} of ${pair.label} is no longer documented`, at: pair.headOperation.responsesLoc, location: `response ${status}` });
    }
  },
});
