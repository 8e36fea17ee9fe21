/**
 * `object_level_authorization` (BOLA): a second identity must not read or change the first identity's
 * resource. The attempt must be refused (401, 403 or 404). A 2xx on a read fails at once; a 2xx on a change
 * is confirmed by the owner reading the resource back, because servers do answer 200 to changes they did not
 * make: a change that took effect fails, one that did not is reported as a misleading status (a warning).
 * Without the owner's reads the 2xx itself fails, since it cannot be told apart from a real change.
 */
import { isDeepStrictEqual } from 'node:util';
import type { CheckFailure } from '../../types.js';
import { isGone, isSuccessful, type FlowExchange } from './exchange.js';

export const OBJECT_LEVEL_AUTHORIZATION = 'object_level_authorization';

export interface AuthorizationFlow {
  /** The second identity's request on the owner's resource (`bola_read`, `bola_update`, `bola_delete`). */
  attempt: FlowExchange;
  /** The owner's identity name, for the message. */
  owner: string;
  /** The owner's read of the resource just before the attempt. */
  ownerBefore?: FlowExchange;
  /** The owner's read of the resource just after the attempt. */
  ownerAfter?: FlowExchange;
}

export function objectLevelAuthorization(flow: AuthorizationFlow): CheckFailure[] {
  const { attempt, owner, ownerBefore, ownerAfter } = flow;
  // Anything but a 2xx leaves the resource untouched; a 400 or 5xx is judged by the single-exchange checks.
  if (!isSuccessful(attempt)) return [];
  const intruder = attempt.testCase.identity;
  const expected = `401, 403 or 404 for "${intruder}" on a resource of "${owner}"`;
  const status = attempt.response.status;
  const operation = attempt.testCase.operation.key;

  if (attempt.testCase.kind === 'bola_read' || attempt.testCase.operation.kind === 'read') {
    return [{ message: 'Another identity can read the resource', expected, received: String(status) }];
  }

  if (attempt.testCase.kind === 'bola_delete' || attempt.testCase.operation.kind === 'delete') {
    if (!ownerAfter) return [{ message: 'Another identity deleted the resource', expected, received: String(status) }];
    if (isGone(ownerAfter)) {
      return [
        {
          message: 'Another identity deleted the resource',
          expected,
          received: `${status}; the owner now gets ${ownerAfter.response.status}`,
        },
      ];
    }
    return isSuccessful(ownerAfter) ? [misleading(operation, status, intruder)] : [];
  }

  if (!ownerBefore || !ownerAfter || !isSuccessful(ownerBefore) || !isSuccessful(ownerAfter)) {
    return [{ message: 'Another identity changed the resource', expected, received: String(status) }];
  }
  if (isDeepStrictEqual(ownerBefore.response.body, ownerAfter.response.body)) return [misleading(operation, status, intruder)];
  return [
    {
      message: 'Another identity changed the resource',
      expected,
      received: `${status}; the owner reads back a changed resource`,
    },
  ];
}

function misleading(operation: string, status: number, intruder: string): CheckFailure {
  return {
    message: `Misleading status: ${operation} answered ${status} to "${intruder}" but the owner's resource is unchanged (expected 401, 403 or 404)`,
    severity: 'warn',
  };
}
