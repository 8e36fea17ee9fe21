import { defineCheck } from '../types.js';
import { analyseParameters, describeParameter } from './lib/parameters.js';

export default defineCheck({
  id: 'new-optional-request-parameter',
  level: 'info',
  description: 'A new optional request parameter was added.',
  operation(pair, emit) {
    for (const parameter of analyseParameters(pair).added) {
      if (parameter.required) continue;
      emit({ message: `new optional ${describeParameter(parameter)} was added to ${pair.label}`, at: parameter.loc, location: `parameter ${parameter.in} ${parameter.name}` });
    }
  },
});
