/**
 * `ensure_resource_availability`: a resource the server says it created can be read back by its creator.
 * Only a 404/410 on the read fails: other refusals are judged by the single-exchange checks of that read.
 */
import type { CheckFailure } from '../../types.js';
import { answered, isGone, isSuccessful, type FlowExchange } from './exchange.js';

export const ENSURE_RESOURCE_AVAILABILITY = 'ensure_resource_availability';

export function ensureResourceAvailability(flow: { create: FlowExchange; read: FlowExchange }): CheckFailure[] {
  if (!isSuccessful(flow.create) || !isGone(flow.read)) return [];
  return [
    {
      message: 'Created resource is not available',
      expected: `a 2xx from ${flow.read.testCase.operation.key} after ${answered(flow.create)}`,
      received: String(flow.read.response.status),
    },
  ];
}
