import { defineCheck } from '../types.js';
import { code } from './lib/text.js';

export default defineCheck({
  id: 'response-header-removed',
  level: 'breaking',
  description: 'A response header was removed (breaking when it was required, a warning when optional).',
  operation({ label, baseOperation, headOperation }, emit) {
    for (const [status, base] of baseOperation.responses) {
      const head = headOperation.responses.get(status);
      if (!head) continue;
      for (const [key, header] of base.headers) {
        if (head.headers.has(key)) continue;
        emit({
          message: `${header.required ? 'required ' : ''}response header ${code(header.name)} of ${label} ${status} was removed`,
          at: head.loc,
          location: `response ${status} header ${header.name}`,
          level: header.required ? 'breaking' : 'warn',
          removed: header.node,
        });
      }
    }
  },
});
