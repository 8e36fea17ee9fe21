import { defineCheck } from '../types.js';
import { analyseParameters, describeParameter } from './lib/parameters.js';
import { code } from './lib/text.js';

export default defineCheck({
  id: 'request-parameter-renamed',
  level: 'breaking',
  description: 'A request parameter was renamed; the value clients send under the old name is lost.',
  operation(pair, emit) {
    for (const { base, head } of analyseParameters(pair).renamed) {
      emit({
        message: `${describeParameter(base)} of ${pair.label} was renamed to ${code(head.name)}`,
        at: head.loc,
        location: `parameter ${base.in} ${base.name}`,
        removed: base.node,
      });
    }
  },
});
