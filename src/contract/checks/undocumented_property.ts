import { sanitizeText } from '../../util/escape.js';
import { defineCheck } from './define.js';
import { bodySchemaKey, documentedJsonBody, listWithMore } from './guards.js';

export default defineCheck({
  id: 'undocumented_property',
  description:
    'In strict mode (the default; `--no-strict` turns it off), a JSON response body carries no property its schema does not declare.',
  run({ operation, response, options, validator }) {
    if (!options.strict || !response.bodyIsJson) return [];
    const match = documentedJsonBody(operation, response);
    if (!match || match.mediaType.schema === undefined) return [];
    const undocumented = validator.undocumentedProperties(match.mediaType.schema, response.body);
    if (undocumented.length === 0) return [];
    return [
      {
        message: undocumented.length === 1 ? 'Undocumented property in response body' : 'Undocumented properties in response body',
        expected: `only properties declared by ${bodySchemaKey(match.documented, match.mediaType)}`,
        received: sanitizeText(listWithMore(undocumented, 10), 1000),
      },
    ];
  },
});
