import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'request-property-became-required',
  level: 'breaking',
  description: 'An optional request property became required.',
  schema({ direction, base, head }, emit) {
    if (direction !== 'request') return;
    for (const [name, property] of head.properties) {
      if (!base.properties.has(name) || base.required.has(name) || !head.required.has(name)) continue;
      if ((property.node as { readOnly?: unknown } | null)?.readOnly === true) continue;
      emit({ detail: 'became required', property: name, at: { ...head.loc, pointer: [...head.loc.pointer, 'required'] } });
    }
  },
});
