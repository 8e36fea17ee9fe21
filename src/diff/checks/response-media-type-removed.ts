import { matchingMediaType } from '../operations.js';
import { defineCheck } from '../types.js';
import { code } from './lib/text.js';

export default defineCheck({
  id: 'response-media-type-removed',
  level: 'breaking',
  description: 'A response media type is no longer returned; clients asking for it (Accept) get nothing they can read.',
  operation({ label, baseOperation, headOperation }, emit) {
    for (const [status, base] of baseOperation.responses) {
      const head = headOperation.responses.get(status);
      if (!head) continue;
      for (const [key, media] of base.content) {
        if (matchingMediaType(head.content, key)) continue;
        emit({ message: `response ${status} of ${label} no longer returns ${code(media.name)}`, at: head.loc, location: `response ${status} ${media.name}` });
      }
    }
  },
});
