import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'new-required-request-property',
  level: 'breaking',
  description: 'A new required request property was added; existing requests lack it (a default does not help: required means it must be sent).',
  schema({ direction, base, head }, emit) {
    if (direction !== 'request') return;
    for (const [name, property] of head.properties) {
      if (base.properties.has(name) || !head.required.has(name)) continue;
      const node = (property.node ?? {}) as Record<string, unknown>;
      if (node['readOnly'] === true) continue;
      const hasDefault = 'default' in node;
      emit({ detail: hasDefault ? 'was added as required (its default does not apply to a required property)' : 'was added as required', property: name, at: property.loc });
    }
  },
});
