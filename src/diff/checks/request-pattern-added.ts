import { defineCheck } from '../types.js';
import { code } from './lib/text.js';

export default defineCheck({
  id: 'request-pattern-added',
  level: 'breaking',
  description: 'A request string must now match a pattern it did not have to match before.',
  schema({ direction, base, head }, emit) {
    if (direction !== 'request' || base.pattern !== undefined || head.pattern === undefined) return;
    emit({ detail: `must now match pattern ${code(head.pattern)}`, at: { ...head.loc, pointer: [...head.loc.pointer, 'pattern'] } });
  },
});
