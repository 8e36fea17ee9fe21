import { defineCheck } from '../types.js';
import { analyseStatuses } from './lib/statuses.js';

export default defineCheck({
  id: 'response-success-status-removed',
  level: 'breaking',
  description: 'A success (2xx) response status was removed.',
  operation(pair, emit) {
    const { successRemoved, successAdded } = analyseStatuses(pair);
    if (successAdded.length > 0) return; // reported as response-success-status-changed
    for (const status of successRemoved) {
      emit({ message: `success status ${status} of ${pair.label} was removed`, at: pair.headOperation.responsesLoc, location: `response ${status}` });
    }
  },
});
