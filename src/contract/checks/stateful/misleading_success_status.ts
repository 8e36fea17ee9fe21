/**
 * `misleading_success_status`: the server answered a second identity's change with a 2xx, but the owner's
 * read-back shows nothing changed. The resource is safe, yet the answer lies: clients and audit logs record a
 * change that never happened, and the spec's refusal (401, 403 or 404) was not given. A change that did take
 * effect is `object_level_authorization`; this check only speaks when the owner's reads prove it did not.
 */
import { isDeepStrictEqual } from 'node:util';
import type { CheckFailure } from '../../types.js';
import { isSuccessful } from './exchange.js';
import type { AuthorizationFlow } from './object_level_authorization.js';

export const MISLEADING_SUCCESS_STATUS = 'misleading_success_status';

export function misleadingSuccessStatus(flow: AuthorizationFlow): CheckFailure[] {
  const { attempt, owner, ownerBefore, ownerAfter } = flow;
  if (!isSuccessful(attempt) || attempt.testCase.kind === 'bola_read' || !ownerAfter || !isSuccessful(ownerAfter)) return [];
  const intruder = attempt.testCase.identity;
  const expected = `401, 403 or 404 for "${intruder}" on a resource of "${owner}"`;
  const status = attempt.response.status;
  if (attempt.testCase.kind === 'bola_delete' || attempt.testCase.operation.kind === 'delete') {
    return [
      {
        message: 'Success status for a delete that did not happen',
        expected,
        received: `${status}; the owner still reads the resource (${ownerAfter.response.status})`,
      },
    ];
  }
  if (!ownerBefore || !isSuccessful(ownerBefore) || !isDeepStrictEqual(ownerBefore.response.body, ownerAfter.response.body)) return [];
  return [
    {
      message: 'Success status for a change that did not happen',
      expected,
      received: `${status}; the owner reads back the resource unchanged`,
    },
  ];
}
