import { sanitizeText } from '../../util/escape.js';
import { defineCheck } from './define.js';
import { isSuccess } from './guards.js';

export default defineCheck({
  id: 'negative_data_rejection',
  description: 'A request the spec says is invalid (missing required property, wrong type, value outside its enum) is rejected, not answered with a 2xx.',
  run({ testCase, response }) {
    if (!testCase.kind.startsWith('negative_') || !isSuccess(response.status)) return [];
    return [
      {
        message: 'API accepted schema-violating request',
        expected: sanitizeText(testCase.intent),
        received: String(response.status),
      },
    ];
  },
});
