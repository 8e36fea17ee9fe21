/**
 * `use_after_free`: after a successful DELETE the resource is no longer served. Only a 2xx on the read fails;
 * 404 and 410 are the answers that say "gone", and anything else is judged by the single-exchange checks.
 */
import type { CheckFailure } from '../../types.js';
import { answered, isSuccessful, type FlowExchange } from './exchange.js';

export const USE_AFTER_FREE = 'use_after_free';

export function useAfterFree(flow: { delete: FlowExchange; readAfterDelete: FlowExchange }): CheckFailure[] {
  if (!isSuccessful(flow.delete) || !isSuccessful(flow.readAfterDelete)) return [];
  return [
    {
      message: 'Deleted resource is still served',
      expected: `404 or 410 from ${flow.readAfterDelete.testCase.operation.key} after ${answered(flow.delete)}`,
      received: String(flow.readAfterDelete.response.status),
    },
  ];
}
