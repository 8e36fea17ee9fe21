import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'response-property-became-optional',
  level: 'breaking',
  description: 'A response property that was always present (required) may now be missing.',
  schema({ direction, base, head }, emit) {
    if (direction !== 'response') return;
    for (const [name, property] of head.properties) {
      if (!base.properties.has(name) || !base.required.has(name) || head.required.has(name)) continue;
      if ((property.node as { writeOnly?: unknown } | null)?.writeOnly === true) continue;
      emit({ detail: 'became optional', property: name, at: property.loc });
    }
  },
});
