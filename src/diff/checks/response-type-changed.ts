import { defineCheck } from '../types.js';
import { code, typeList } from './lib/text.js';
import { formatIncludes, typesComparable, typesLost } from './lib/types.js';

export default defineCheck({
  id: 'response-type-changed',
  level: 'breaking',
  description: 'A response value changed type or format (or became nullable), so clients may receive values they cannot parse.',
  schema({ direction, base, head }, emit) {
    if (direction !== 'response' || !typesComparable(base, head) || !base.types) return;
    if (!head.types) {
      emit({ detail: `no longer declares a type (was ${typeList(base.types)})`, at: head.loc });
      return;
    }
    const gained = typesLost(head.types, base.types);
    if (gained.length === 1 && gained[0] === 'null') {
      emit({ detail: 'may now be null', at: head.loc });
      return;
    }
    if (gained.length > 0) {
      emit({ detail: `changed type from ${typeList(base.types)} to ${typeList(head.types)}`, at: head.loc });
      return;
    }
    if (!formatIncludes(base.format, head.format)) {
      emit({ detail: head.format ? `changed format from ${code(base.format ?? '')} to ${code(head.format)}` : `no longer has format ${code(base.format ?? '')}`, at: head.loc });
    }
  },
});
