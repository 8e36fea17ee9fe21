import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'new-optional-request-property',
  level: 'info',
  description: 'A new optional request property was added.',
  schema({ direction, base, head }, emit) {
    if (direction !== 'request') return;
    for (const [name, property] of head.properties) {
      if (base.properties.has(name) || head.required.has(name)) continue;
      if ((property.node as { readOnly?: unknown } | null)?.readOnly === true) continue;
      emit({ detail: 'was added (optional)', property: name, at: property.loc });
    }
  },
});
