import { defineCheck } from '../types.js';
import { analyseParameters, describeParameter } from './lib/parameters.js';

export default defineCheck({
  id: 'request-parameter-became-required',
  level: 'breaking',
  description: 'An optional request parameter became required.',
  operation(pair, emit) {
    for (const { base, head } of [...analyseParameters(pair).common, ...analyseParameters(pair).moved, ...analyseParameters(pair).renamed]) {
      if (base.required || !head.required) continue;
      emit({ message: `${describeParameter(head)} of ${pair.label} became required`, at: { ...head.loc, pointer: [...head.loc.pointer, 'required'] }, location: `parameter ${head.in} ${head.name}` });
    }
  },
});
