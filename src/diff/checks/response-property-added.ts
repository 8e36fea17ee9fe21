import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'response-property-added',
  level: 'info',
  description: 'A response property was added.',
  schema({ direction, base, head }, emit) {
    if (direction !== 'response') return;
    for (const [name, property] of head.properties) {
      if (base.properties.has(name)) continue;
      if ((property.node as { writeOnly?: unknown } | null)?.writeOnly === true) continue;
      emit({ detail: 'was added', property: name, at: property.loc });
    }
  },
});
