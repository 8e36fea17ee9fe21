import { defineCheck } from '../types.js';
import { code } from './lib/text.js';

function variantName(node: unknown, index: string | number | undefined): string {
  const reference = node !== null && typeof node === 'object' ? (node as { $ref?: unknown }).$ref : undefined;
  return typeof reference === 'string' ? code(reference.split('/').at(-1) ?? reference) : `#${Number(index) + 1}`;
}

export { variantName };

export default defineCheck({
  id: 'request-schema-variant-removed',
  level: 'breaking',
  description: 'A oneOf/anyOf alternative of a request schema was removed; payloads of that shape are now rejected.',
  schema({ direction, base, head, alternatives }, emit) {
    if (direction !== 'request' || !alternatives) return;
    for (const branch of alternatives.removed) {
      emit({ detail: `no longer accepts ${base.alternatives?.keyword} alternative ${variantName(branch.node, branch.loc.pointer.at(-1))}`, at: { ...head.loc, pointer: [...head.loc.pointer, head.alternatives?.keyword ?? ''] }, removed: branch.node });
    }
  },
});
