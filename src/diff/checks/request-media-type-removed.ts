import { matchingMediaType } from '../operations.js';
import { defineCheck } from '../types.js';
import { code } from './lib/text.js';

export default defineCheck({
  id: 'request-media-type-removed',
  level: 'breaking',
  description: 'A request body media type is no longer accepted.',
  operation({ label, baseOperation, headOperation }, emit) {
    const base = baseOperation.requestBody;
    const head = headOperation.requestBody;
    if (!base || !head) return;
    for (const [key, media] of base.content) {
      if (matchingMediaType(head.content, key)) continue;
      emit({ message: `request body of ${label} no longer accepts ${code(media.name)}`, at: head.loc, location: `request body ${media.name}` });
    }
  },
});
