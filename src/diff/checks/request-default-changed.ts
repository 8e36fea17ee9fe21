import { canonical } from '../schema-view.js';
import { defineCheck } from '../types.js';
import { value } from './lib/text.js';

export default defineCheck({
  id: 'request-default-changed',
  level: 'warn',
  description: 'The default of a request value changed, so requests that omit it behave differently.',
  schema({ direction, base, head }, emit) {
    if (direction !== 'request' || !base.hasDefault || !head.hasDefault || head.readOnly) return;
    if (canonical(base.default) === canonical(head.default)) return;
    emit({ detail: `default changed from ${value(base.default)} to ${value(head.default)}`, at: { ...head.loc, pointer: [...head.loc.pointer, 'default'] } });
  },
});
