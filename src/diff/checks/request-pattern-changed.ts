import { defineCheck } from '../types.js';
import { code } from './lib/text.js';

export default defineCheck({
  id: 'request-pattern-changed',
  level: 'warn',
  description: 'The pattern of a request string changed; whether it accepts fewer values cannot be decided in general, so a reviewer should look.',
  schema({ direction, base, head }, emit) {
    if (direction !== 'request' || base.pattern === undefined || head.pattern === undefined || base.pattern === head.pattern) return;
    emit({ detail: `pattern changed from ${code(base.pattern)} to ${code(head.pattern)}`, at: { ...head.loc, pointer: [...head.loc.pointer, 'pattern'] } });
  },
});
