import { defineCheck } from '../types.js';
import { analyseParameters, describeParameter } from './lib/parameters.js';

export default defineCheck({
  id: 'new-required-request-parameter',
  level: 'breaking',
  description: 'A new required request parameter was added; existing requests lack it.',
  operation(pair, emit) {
    for (const parameter of analyseParameters(pair).added) {
      if (!parameter.required) continue;
      emit({ message: `new required ${describeParameter(parameter)} was added to ${pair.label}`, at: parameter.loc, location: `parameter ${parameter.in} ${parameter.name}` });
    }
  },
});
