import { defineCheck } from '../types.js';
import { variantName } from './request-schema-variant-removed.js';

export default defineCheck({
  id: 'response-schema-variant-added',
  level: 'warn',
  description: 'A oneOf/anyOf alternative was added to a response schema; clients may receive a shape they do not handle.',
  schema({ direction, head, alternatives }, emit) {
    if (direction !== 'response' || !alternatives) return;
    for (const branch of alternatives.added) {
      emit({ detail: `may now be ${head.alternatives?.keyword} alternative ${variantName(branch.node, branch.loc.pointer.at(-1))}`, at: branch.loc });
    }
  },
});
