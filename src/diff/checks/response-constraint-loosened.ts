import { defineCheck } from '../types.js';
import { code } from './lib/text.js';
import { describeBound, tightenings } from './lib/constraints.js';

export default defineCheck({
  id: 'response-constraint-loosened',
  level: 'warn',
  description: 'A response bound was loosened or removed, so clients may receive longer, larger or more values than before.',
  schema({ direction, base, head }, emit) {
    if (direction !== 'response') return;
    // A response loosens exactly where going back from HEAD to BASE would tighten.
    for (const change of tightenings(head, base)) {
      emit({ detail: describeBound({ keyword: change.keyword, before: change.after, after: change.before }, 'loosened'), at: head.loc });
    }
    if (base.pattern !== undefined && head.pattern === undefined) emit({ detail: `no longer matches pattern ${code(base.pattern)}`, at: head.loc });
  },
});
