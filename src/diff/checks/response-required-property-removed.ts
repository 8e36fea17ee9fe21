import { defineCheck } from '../types.js';
import { propertiesLoc } from './lib/properties.js';

export default defineCheck({
  id: 'response-required-property-removed',
  level: 'breaking',
  description: 'A response property that was always present (required) was removed.',
  schema({ direction, base, head }, emit) {
    if (direction !== 'response') return;
    for (const [name, property] of base.properties) {
      if (head.properties.has(name) || !base.required.has(name)) continue;
      if ((property.node as { writeOnly?: unknown } | null)?.writeOnly === true) continue;
      emit({ detail: 'was removed', property: name, at: propertiesLoc(head), removed: property.node });
    }
  },
});
