import { sanitizeText } from '../../util/escape.js';
import type { CheckFailure } from '../types.js';
import { warningTitle } from '../validation/warnings.js';
import { defineCheck } from './define.js';
import { bodySchemaKey, describeSchemaErrors, documentedJsonBody, hasBody } from './guards.js';

export default defineCheck({
  id: 'response_schema_conformance',
  description: 'A JSON response body matches the schema documented for its status and media type, with OpenAPI semantics.',
  run({ operation, response, validator }) {
    const match = documentedJsonBody(operation, response);
    if (!match || !hasBody(response)) return [];
    const key = bodySchemaKey(match.documented, match.mediaType);
    if (!response.bodyIsJson) {
      return [
        {
          message: 'Response body is not valid JSON',
          expected: `a JSON body (${match.mediaType.mediaType})`,
          received: sanitizeText(response.bodyText, 200),
        },
      ];
    }
    const result = validator.validateResponseBody(match.mediaType.schema ?? true, response.body, key);
    // Warnings are listed once per run by their message alone, so the message carries the whole story.
    const failures: CheckFailure[] = result.warnings.map((warning) => ({
      message: sanitizeText(`${warningTitle(warning)}: ${warning}`, 1000),
      severity: 'warn',
    }));
    if (!result.valid) {
      failures.unshift({
        message: 'Response violates schema',
        expected: `a body matching ${key}`,
        received: describeSchemaErrors(result.errors),
      });
    }
    return failures;
  },
});
