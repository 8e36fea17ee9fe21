import { canonical } from '../schema-view.js';
import { defineCheck } from '../types.js';
import { value } from './lib/text.js';

export default defineCheck({
  id: 'response-enum-value-added',
  level: 'warn',
  description: 'A response value may now be an enum value clients have not seen (or is no longer an enum).',
  schema({ direction, base, head }, emit) {
    if (direction !== 'response' || !base.enum) return;
    if (!head.enum) {
      emit({ detail: 'is no longer limited to its enum values', at: head.loc });
      return;
    }
    const known = new Set(base.enum.map(canonical));
    const at = { ...head.loc, pointer: [...head.loc.pointer, 'enum'] };
    for (const item of head.enum) {
      if (!known.has(canonical(item))) emit({ detail: `may now be ${value(item)}`, at });
    }
  },
});
