import { defineCheck } from '../types.js';
import { code } from './lib/text.js';

export default defineCheck({
  id: 'operation-id-changed',
  level: 'warn',
  description: 'The operationId changed, which renames the method in generated SDKs.',
  operation({ label, baseOperation, headOperation }, emit) {
    const before = baseOperation.node['operationId'];
    const after = headOperation.node['operationId'];
    if (typeof before !== 'string' || before === after) return;
    const at = { ...headOperation.loc, pointer: [...headOperation.loc.pointer, 'operationId'] };
    const message = typeof after === 'string' ? `operationId of ${label} changed from ${code(before)} to ${code(after)}` : `operationId ${code(before)} of ${label} was removed`;
    emit({ message, at, location: 'operationId' });
  },
});
