import { defineCheck } from './define.js';
import { statusWithExcerpt } from './guards.js';

export default defineCheck({
  id: 'not_a_server_error',
  description: 'The server does not answer with a 5xx status, documented or not.',
  run({ response }) {
    if (response.status < 500 || response.status > 599) return [];
    return [{ message: 'Server error', expected: 'a status below 500', received: statusWithExcerpt(response) }];
  },
});
