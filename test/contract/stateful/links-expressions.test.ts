import { describe, expect, it } from 'vitest';
import { evaluateExpression, pathValues } from '../../../src/contract/flows/links.js';

const context = {
  request: {
    method: 'POST',
    url: 'http://127.0.0.1:9/api/v1/teams/tm_1/members?invite=yes',
    headers: { 'content-type': 'application/json' },
    body: '{"email":"a@example.com"}',
  },
  pathValues: { team_id: 'tm_1' },
  response: {
    status: 201,
    headers: { location: '/v1/teams/tm_1/members/mb_2' },
    bodyText: '{"id":"mb_2","handle":{"key":"k/1"},"tags":["x","y"]}',
    body: { id: 'mb_2', handle: { key: 'k/1' }, tags: ['x', 'y'] },
    bodyIsJson: true,
    durationMs: 1,
  },
};

describe('link runtime expressions', () => {
  it.each([
    ['$response.body#/id', 'mb_2'],
    ['$response.body#/handle/key', 'k/1'],
    ['$response.body#/tags/1', 'y'],
    ['{$response.body#/id}', 'mb_2'],
    ['$response.header.Location', '/v1/teams/tm_1/members/mb_2'],
    ['$request.path.team_id', 'tm_1'],
    ['$request.query.invite', 'yes'],
    ['$request.header.Content-Type', 'application/json'],
    ['$request.body#/email', 'a@example.com'],
    ['$statusCode', '201'],
    ['$method', 'POST'],
    ['a constant', 'a constant'],
    [42, '42'],
    ['$response.body#/missing', undefined],
    ['$response.body#/handle', undefined],
    ['$response.header.X-Absent', undefined],
  ] as const)('%j -> %j', (expression, value) => {
    expect(evaluateExpression(expression, context)).toBe(value);
  });

  it('reads path parameters off a URL with a base path', () => {
    expect(pathValues('/v1/teams/{team_id}/members', 'http://127.0.0.1:9/api/v1/teams/tm%201/members?x=1')).toEqual({ team_id: 'tm 1' });
  });
});
