import { sanitizeText } from '../../util/escape.js';
import type { CheckFailure } from '../types.js';
import { defineCheck } from './define.js';
import { describeSchemaErrors, findDocumentedResponse, headerValue, isRateLimitHeader, pointerSegment } from './guards.js';

const MAX_SCHEMA_TEXT = 160;

export default defineCheck({
  id: 'response_headers_conformance',
  description:
    'Every header the spec marks required for the response is present, and every documented header that is present matches its schema. (Missing rate-limit headers are `rate_limit_headers` failures.)',
  run({ operation, response, validator }) {
    const documented = findDocumentedResponse(operation, response.status);
    if (!documented) return [];
    const failures: CheckFailure[] = [];
    const missing: string[] = [];
    for (const header of documented.headers) {
      // OpenAPI: a `Content-Type` header definition is ignored; the media type is described by `content`.
      if (header.name.toLowerCase() === 'content-type') continue;
      const value = headerValue(response, header.name);
      if (value === undefined) {
        if (header.required && !isRateLimitHeader(header.name)) missing.push(header.name);
        continue;
      }
      if (header.schema === undefined) continue;
      const key = `${documented.pointer}/headers/${pointerSegment(header.name)}/schema`;
      const result = validator.validateHeader(header.schema, value, key);
      for (const warning of result.warnings) {
        failures.push({ message: sanitizeText(`${header.name} header: ${warning}`, 1000), severity: 'warn' });
      }
      if (result.valid) continue;
      failures.push({
        message: 'Response header does not match its schema',
        expected: `${header.name}: ${sanitizeText(JSON.stringify(header.schema) ?? '', MAX_SCHEMA_TEXT)}`,
        received: `${header.name}: ${sanitizeText(value, 100)} (${describeSchemaErrors(result.errors, 3, true)})`,
      });
    }
    if (missing.length > 0) {
      failures.unshift({
        message: missing.length === 1 ? 'Missing required response header' : 'Missing required response headers',
        expected: missing.join(', '),
        received: 'absent',
      });
    }
    return failures;
  },
});
