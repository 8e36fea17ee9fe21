import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ensureResourceAvailability, objectLevelAuthorization, useAfterFree, type FlowExchange } from '../../../src/contract/checks/stateful/index.js';
import { REPO_ROOT } from '../../helpers/cli.js';
import { exchange, type ExchangeDescription } from './exchange.js';

function flow(description: ExchangeDescription): FlowExchange {
  const { testCase, response } = exchange(description);
  return { testCase, response };
}

const create = (status: number) => flow({ method: 'POST', path: '/v1/teams', status, kind: 'stateful_create' });
const read = (status: number, json?: unknown, identity = 'alice') =>
  flow({ path: '/v1/teams/{team_id}', status, json, identity, kind: 'stateful_read' });
const remove = (status: number, identity = 'alice', kind: ExchangeDescription['kind'] = 'stateful_delete') =>
  flow({ method: 'DELETE', path: '/v1/teams/{team_id}', status, identity, kind });

describe('ensure_resource_availability', () => {
  it.each([
    ['created then readable', 201, 200, []],
    ['create refused: nothing to read', 400, 404, []],
    ['read refused otherwise is left to single-exchange checks', 201, 500, []],
    [
      'created but not found',
      201,
      404,
      [{ message: 'Created resource is not available', expected: 'a 2xx from GET /v1/teams/{team_id} after POST /v1/teams answered 201', received: '404' }],
    ],
  ] as const)('%s', (_name, created, readBack, failures) => {
    expect(ensureResourceAvailability({ create: create(created), read: read(readBack) })).toEqual(failures);
  });
});

describe('use_after_free', () => {
  it.each([
    ['gone after delete', 204, 404, []],
    ['410 Gone', 200, 410, []],
    ['delete refused: still there is right', 403, 200, []],
    [
      'still served after delete',
      204,
      200,
      [{ message: 'Deleted resource is still served', expected: '404 or 410 from GET /v1/teams/{team_id} after DELETE /v1/teams/{team_id} answered 204', received: '200' }],
    ],
  ] as const)('%s', (_name, deleted, readBack, failures) => {
    expect(useAfterFree({ delete: remove(deleted), readAfterDelete: read(readBack) })).toEqual(failures);
  });
});

describe('object_level_authorization', () => {
  const expected = '401, 403 or 404 for "bob" on a resource of "alice"';
  const before = read(200, { id: 't1', name: 'Core' });
  const bobRead = (status: number) => flow({ path: '/v1/teams/{team_id}', status, identity: 'bob', kind: 'bola_read', scenario: 'other_identity' });
  const bobUpdate = (status: number) =>
    flow({ method: 'PATCH', path: '/v1/teams/{team_id}', status, identity: 'bob', kind: 'bola_update', scenario: 'other_identity' });

  it.each([404, 403, 401, 400, 500])('a %i on the attempt passes', (status) => {
    expect(objectLevelAuthorization({ attempt: bobRead(status), owner: 'alice' })).toEqual([]);
  });

  it('a read by another identity fails', () => {
    expect(objectLevelAuthorization({ attempt: bobRead(200), owner: 'alice' })).toEqual([
      { message: 'Another identity can read the resource', expected, received: '200' },
    ]);
  });

  it('an update that took effect fails; one that changed nothing is a misleading-status warning', () => {
    expect(
      objectLevelAuthorization({ attempt: bobUpdate(200), owner: 'alice', ownerBefore: before, ownerAfter: read(200, { id: 't1', name: 'Pwned' }) }),
    ).toEqual([{ message: 'Another identity changed the resource', expected, received: '200; the owner reads back a changed resource' }]);
    expect(
      objectLevelAuthorization({ attempt: bobUpdate(200), owner: 'alice', ownerBefore: before, ownerAfter: read(200, { id: 't1', name: 'Core' }) }),
    ).toEqual([
      {
        message: 'Misleading status: PATCH /v1/teams/{team_id} answered 200 to "bob" but the owner\'s resource is unchanged (expected 401, 403 or 404)',
        severity: 'warn',
      },
    ]);
    expect(objectLevelAuthorization({ attempt: bobUpdate(204), owner: 'alice' })).toEqual([
      { message: 'Another identity changed the resource', expected, received: '204' },
    ]);
  });

  it('a delete that took effect fails; one that did nothing is a misleading-status warning', () => {
    const attempt = remove(200, 'bob', 'bola_delete');
    expect(objectLevelAuthorization({ attempt, owner: 'alice', ownerAfter: read(404) })).toEqual([
      { message: 'Another identity deleted the resource', expected, received: '200; the owner now gets 404' },
    ]);
    expect(objectLevelAuthorization({ attempt, owner: 'alice', ownerAfter: read(200) })).toEqual([
      {
        message: 'Misleading status: DELETE /v1/teams/{team_id} answered 200 to "bob" but the owner\'s resource is unchanged (expected 401, 403 or 404)',
        severity: 'warn',
      },
    ]);
  });
});

describe('docs/checks for the multi-request checks', () => {
  it.each([
    ['ensure_resource_availability', ensureResourceAvailability({ create: create(201), read: read(404) })],
    ['use_after_free', useAfterFree({ delete: remove(204), readAfterDelete: read(200) })],
    [
      'object_level_authorization',
      [
        ...objectLevelAuthorization({
          attempt: flow({ path: '/v1/teams/{team_id}', status: 200, identity: 'bob', kind: 'bola_read' }),
          owner: 'alice',
        }),
        ...objectLevelAuthorization({
          attempt: flow({ method: 'PATCH', path: '/v1/teams/{team_id}', status: 200, identity: 'bob', kind: 'bola_update' }),
          owner: 'alice',
          ownerBefore: read(200, { name: 'a' }),
          ownerAfter: read(200, { name: 'b' }),
        }),
        ...objectLevelAuthorization({ attempt: remove(200, 'bob', 'bola_delete'), owner: 'alice', ownerAfter: read(404) }),
        ...objectLevelAuthorization({ attempt: remove(200, 'bob', 'bola_delete'), owner: 'alice', ownerAfter: read(200) }),
      ],
    ],
  ] as const)('docs/checks/%s.md shows the exact output', (id, failures) => {
    const doc = readFileSync(`${REPO_ROOT}docs/checks/${id}.md`, 'utf8');
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) {
      const block = [
        failure.message,
        ...(failure.expected !== undefined ? [`Expected: ${failure.expected}`] : []),
        ...(failure.received !== undefined ? [`Received: ${failure.received}`] : []),
      ].join('\n');
      expect(doc).toContain(`\`\`\`text\n${block}\n\`\`\``);
    }
  });
});
