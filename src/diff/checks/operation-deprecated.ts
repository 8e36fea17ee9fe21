import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'operation-deprecated',
  level: 'info',
  description: 'An operation was marked deprecated.',
  operation({ label, baseOperation, headOperation }, emit) {
    if (baseOperation.node['deprecated'] === true || headOperation.node['deprecated'] !== true) return;
    const sunset = headOperation.node['x-sunset'];
    const when = typeof sunset === 'string' || sunset instanceof Date ? ` (sunset ${String(sunset instanceof Date ? sunset.toISOString().slice(0, 10) : sunset)})` : '';
    emit({ message: `${label} was deprecated${when}`, at: { ...headOperation.loc, pointer: [...headOperation.loc.pointer, 'deprecated'] } });
  },
});
