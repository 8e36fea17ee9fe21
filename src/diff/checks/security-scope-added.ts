import { defineCheck } from '../types.js';
import { analyseSecurity } from './lib/security.js';
import { code, listOf } from './lib/text.js';

export default defineCheck({
  id: 'security-scope-added',
  level: 'breaking',
  description: 'An operation now requires an extra OAuth scope; existing tokens lack it.',
  operation(pair, emit) {
    for (const finding of analyseSecurity(pair)) {
      if (finding.kind !== 'scope-added') continue;
      emit({ message: `${pair.label} now requires scope ${listOf(finding.names.map(code))}`, at: pair.headOperation.securityLoc, location: 'security' });
    }
  },
});
