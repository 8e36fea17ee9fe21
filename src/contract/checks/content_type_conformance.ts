import { sanitizeText } from '../../util/escape.js';
import { defineCheck } from './define.js';
import { findDocumentedResponse, hasBody, headerValue, matchMediaType, mayHaveBody, mediaTypeEssence } from './guards.js';

export default defineCheck({
  id: 'content_type_conformance',
  description:
    'The response Content-Type is one the spec documents for that status (media ranges such as `application/*` and `application/*+json` honoured, parameters such as `charset` ignored).',
  run({ operation, response }) {
    const documented = findDocumentedResponse(operation, response.status);
    if (!documented || !mayHaveBody(operation.method, response.status) || !hasBody(response)) return [];
    const essence = mediaTypeEssence(headerValue(response, 'content-type'));
    if (documented.content.length === 0) {
      return [
        {
          message: 'Undocumented Content-Type',
          expected: `no body (the ${documented.status} response documents no content)`,
          received: essence ? sanitizeText(essence, 100) : 'a body without a Content-Type header',
        },
      ];
    }
    const documentedTypes = documented.content.map((mediaType) => mediaType.mediaType).join(', ');
    if (!essence) {
      return [{ message: 'Missing Content-Type header', expected: `one of ${documentedTypes}`, received: 'no Content-Type header' }];
    }
    if (matchMediaType(documented.content, essence)) return [];
    return [{ message: 'Undocumented Content-Type', expected: `one of ${documentedTypes}`, received: sanitizeText(essence, 100) }];
  },
});
