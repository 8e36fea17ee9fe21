import { defineCheck } from '../types.js';
import { describeBound, tightenings } from './lib/constraints.js';

export default defineCheck({
  id: 'request-constraint-tightened',
  level: 'breaking',
  description: 'A request bound was tightened (maxLength/maximum/maxItems lowered, minimum raised, multipleOf, uniqueItems or additionalProperties: false added).',
  schema({ direction, base, head }, emit) {
    if (direction !== 'request') return;
    for (const change of tightenings(base, head)) {
      emit({ detail: describeBound(change, 'tightened'), at: { ...head.loc, pointer: [...head.loc.pointer, change.keyword] } });
    }
  },
});
