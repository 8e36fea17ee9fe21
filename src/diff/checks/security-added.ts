import { defineCheck } from '../types.js';
import { analyseSecurity } from './lib/security.js';
import { code, listOf } from './lib/text.js';

export default defineCheck({
  id: 'security-added',
  level: 'breaking',
  description: 'An operation now requires a security scheme that existing callers do not send.',
  operation(pair, emit) {
    for (const finding of analyseSecurity(pair)) {
      if (finding.kind !== 'added') continue;
      emit({ message: `${pair.label} now requires ${listOf(finding.names.map(code))}`, at: pair.headOperation.securityLoc, location: 'security' });
    }
  },
});
