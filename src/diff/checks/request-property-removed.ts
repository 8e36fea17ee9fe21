import { defineCheck } from '../types.js';
import { propertiesLoc } from './lib/properties.js';

export default defineCheck({
  id: 'request-property-removed',
  level: 'warn',
  description: 'A request property was removed: ignored by the server, or rejected when additional properties are forbidden (then breaking).',
  schema({ direction, base, head }, emit) {
    if (direction !== 'request') return;
    for (const [name, property] of base.properties) {
      if (head.properties.has(name)) continue;
      if (property.node !== null && typeof property.node === 'object' && (property.node as { readOnly?: unknown }).readOnly === true) continue;
      const forbidden = head.additionalProperties === false;
      emit({
        detail: forbidden ? 'was removed, and additional properties are rejected' : 'was removed',
        property: name,
        at: propertiesLoc(head),
        level: forbidden ? 'breaking' : undefined,
        removed: property.node,
      });
    }
  },
});
