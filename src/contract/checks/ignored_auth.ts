import { defineCheck } from './define.js';
import { isSuccess, requiresCredentials } from './guards.js';

export default defineCheck({
  id: 'ignored_auth',
  description: 'A secured operation does not answer 2xx to a request without credentials or with invalid ones.',
  run({ testCase, operation, response }) {
    if (testCase.kind !== 'auth_none' && testCase.kind !== 'auth_invalid') return [];
    if (!requiresCredentials(operation) || !isSuccess(response.status)) return [];
    const forbiddenDocumented = operation.responses.some((documented) => documented.status === '403');
    return [
      {
        message:
          testCase.kind === 'auth_none' ? 'API accepts requests without authentication' : 'API accepts invalid authentication',
        expected: forbiddenDocumented ? '401 or 403' : '401',
        received: String(response.status),
      },
    ];
  },
});
