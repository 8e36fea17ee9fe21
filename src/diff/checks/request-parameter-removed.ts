import { defineCheck } from '../types.js';
import { analyseParameters, describeParameter } from './lib/parameters.js';

export default defineCheck({
  id: 'request-parameter-removed',
  level: 'warn',
  description: 'A request parameter was removed; clients that send it are silently ignored.',
  operation(pair, emit) {
    for (const parameter of analyseParameters(pair).removed) {
      emit({
        message: `${describeParameter(parameter)} of ${pair.label} was removed`,
        at: pair.headOperation.loc,
        location: `parameter ${parameter.in} ${parameter.name}`,
        removed: parameter.node,
      });
    }
  },
});
