import { defineCheck } from '../types.js';
import { code } from './lib/text.js';

export default defineCheck({
  id: 'response-header-became-optional',
  level: 'breaking',
  description: 'A response header that was required (always sent) may now be missing.',
  operation({ label, baseOperation, headOperation }, emit) {
    for (const [status, base] of baseOperation.responses) {
      const head = headOperation.responses.get(status);
      if (!head) continue;
      for (const [key, header] of base.headers) {
        const after = head.headers.get(key);
        if (!header.required || !after || after.required) continue;
        emit({ message: `response header ${code(after.name)} of ${label} ${status} became optional`, at: after.loc, location: `response ${status} header ${after.name}` });
      }
    }
  },
});
