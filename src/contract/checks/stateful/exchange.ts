import type { ReceivedResponse, TestCase } from '../../types.js';

/** One request of a flow and what came back. */
export interface FlowExchange {
  testCase: TestCase;
  response: ReceivedResponse;
}

export function isSuccessful(exchange: FlowExchange): boolean {
  return exchange.response.status >= 200 && exchange.response.status < 300;
}

export function isGone(exchange: FlowExchange): boolean {
  return exchange.response.status === 404 || exchange.response.status === 410;
}

/** `DELETE /v1/teams/{team_id} answered 204`. */
export function answered(exchange: FlowExchange): string {
  return `${exchange.testCase.operation.key} answered ${exchange.response.status}`;
}
