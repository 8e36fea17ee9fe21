import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'request-body-became-required',
  level: 'breaking',
  description: 'The request body became required (or a required body was added); requests without one now fail.',
  operation({ label, baseOperation, headOperation }, emit) {
    const head = headOperation.requestBody;
    if (!head?.required || baseOperation.requestBody?.required) return;
    const message = baseOperation.requestBody ? `request body of ${label} became required` : `${label} now requires a request body`;
    emit({ message, at: head.loc, location: 'request body' });
  },
});
