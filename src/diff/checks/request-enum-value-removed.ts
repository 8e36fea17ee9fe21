import { canonical } from '../schema-view.js';
import { defineCheck } from '../types.js';
import { listOf, value } from './lib/text.js';

export default defineCheck({
  id: 'request-enum-value-removed',
  level: 'breaking',
  description: 'A request value no longer accepts an enum value clients may send (or became an enum).',
  schema({ direction, base, head }, emit) {
    if (direction !== 'request' || !head.enum) return;
    const at = { ...head.loc, pointer: [...head.loc.pointer, 'enum'] };
    if (!base.enum) {
      emit({ detail: `is now restricted to ${listOf(head.enum.map(value))}`, at });
      return;
    }
    const accepted = new Set(head.enum.map(canonical));
    for (const item of base.enum) {
      if (!accepted.has(canonical(item))) emit({ detail: `no longer accepts ${value(item)}`, at });
    }
  },
});
