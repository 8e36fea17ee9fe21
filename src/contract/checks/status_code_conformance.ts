import { defineCheck } from './define.js';
import { documentedStatuses, findDocumentedResponse } from './guards.js';

export default defineCheck({
  id: 'status_code_conformance',
  description: 'The response status is documented for the operation, exactly or through a range (`4XX`) or `default`.',
  run({ operation, response }) {
    if (operation.responses.length === 0 || findDocumentedResponse(operation, response.status)) return [];
    return [
      {
        message: 'Undocumented HTTP status code',
        expected: `one of ${documentedStatuses(operation)}`,
        received: String(response.status),
      },
    ];
  },
});
