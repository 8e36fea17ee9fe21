import { defineCheck } from './define.js';

export default defineCheck({
  id: 'max_response_time',
  description: 'The response arrives within the configured time budget (`--max-response-time`).',
  run({ options, response }) {
    const budget = options.maxResponseTimeMs;
    if (budget === undefined || response.durationMs <= budget) return [];
    return [
      {
        message: 'Response time limit exceeded',
        expected: `at most ${budget} ms`,
        received: `${Math.round(response.durationMs)} ms`,
      },
    ];
  },
});
