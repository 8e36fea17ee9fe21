import { defineCheck } from '../types.js';
import { analyseParameters } from './lib/parameters.js';
import { code } from './lib/text.js';

export default defineCheck({
  id: 'request-parameter-location-changed',
  level: 'breaking',
  description: 'A request parameter moved (e.g. from query to header); clients send it in the old place.',
  operation(pair, emit) {
    for (const { base, head } of analyseParameters(pair).moved) {
      emit({
        message: `parameter ${code(base.name)} of ${pair.label} moved from ${base.in} to ${head.in}`,
        at: { ...head.loc, pointer: [...head.loc.pointer, 'in'] },
        location: `parameter ${base.in} ${base.name}`,
      });
    }
  },
});
