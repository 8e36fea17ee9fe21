import { defineCheck } from '../types.js';
import { code, typeList } from './lib/text.js';
import { formatIncludes, typesComparable, typesLost } from './lib/types.js';

export default defineCheck({
  id: 'request-type-changed',
  level: 'breaking',
  description: 'A request value (parameter, body or property) changed type or format so that values clients send may be rejected.',
  schema({ direction, base, head }, emit) {
    if (direction !== 'request' || !typesComparable(base, head)) return;
    if (head.types) {
      if (!base.types) {
        emit({ detail: `is now restricted to type ${typeList(head.types)}`, at: head.loc });
        return;
      }
      const lost = typesLost(base.types, head.types);
      if (lost.length === 1 && lost[0] === 'null') {
        emit({ detail: 'is no longer nullable', at: head.loc });
        return;
      }
      if (lost.length > 0) {
        emit({ detail: `changed type from ${typeList(base.types)} to ${typeList(head.types)}`, at: head.loc });
        return;
      }
    }
    if (!formatIncludes(head.format, base.format)) {
      emit({ detail: base.format ? `changed format from ${code(base.format)} to ${code(head.format ?? '')}` : `now requires format ${code(head.format ?? '')}`, at: head.loc });
    }
  },
});
