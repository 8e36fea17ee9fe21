import { describe, expect, it } from 'vitest';
import { OperationMatcher } from '../../src/coverage/match.js';
import type { CoverageOperation } from '../../src/coverage/types.js';

function operation(method: string, path: string): CoverageOperation {
  return { key: `${method} ${path}`, method, path, tags: [], responses: ['200'], secured: false, deprecated: false };
}

const matcher = new OperationMatcher(
  [
    operation('GET', '/users'),
    operation('GET', '/users/{id}'),
    operation('GET', '/users/me'),
    operation('GET', '/users/{id}/posts/{postId}'),
    operation('GET', '/users/{id}/posts/latest'),
    operation('GET', '/files/{name}.{ext}'),
    operation('GET', '/files/{path}'),
    operation('GET', '/reports/v{version}'),
    operation('POST', '/users'),
    operation('GET', '/'),
    operation('GET', '/a b'),
  ],
  ['/api/v2', '/api'],
);

describe('OperationMatcher', () => {
  it.each([
    ['GET', '/users', 'GET /users'],
    ['get', '/users', 'GET /users'],
    ['GET', '/users/', 'GET /users'],
    ['GET', '/users?limit=1&x=/users/me', 'GET /users'],
    ['GET', 'http://127.0.0.1:3000/users/42#frag', 'GET /users/{id}'],
    ['GET', '/users/me', 'GET /users/me'],
    ['GET', '/users/me/', 'GET /users/me'],
    ['GET', '/users/m%65', 'GET /users/me'],
    ['GET', '/users/a%2Fb', 'GET /users/{id}'],
    ['GET', '/users/42/posts/latest', 'GET /users/{id}/posts/latest'],
    ['GET', '/users/42/posts/7', 'GET /users/{id}/posts/{postId}'],
    ['GET', '/files/report.final.pdf', 'GET /files/{name}.{ext}'],
    ['GET', '/files/README', 'GET /files/{path}'],
    ['GET', '/reports/v3', 'GET /reports/v{version}'],
    ['GET', '/api/v2/users/me', 'GET /users/me'],
    ['GET', '/api/users/7', 'GET /users/{id}'],
    ['POST', '/api/v2/users/', 'POST /users'],
    ['GET', '/', 'GET /'],
    ['GET', '/api/v2', 'GET /'],
    ['GET', '/a%20b', 'GET /a b'],
  ])('%s %s → %s', (method, url, expected) => {
    expect(matcher.match(method, url)?.key).toBe(expected);
  });

  it.each([
    ['DELETE', '/users/1'],
    ['GET', '/users/1/2'],
    ['GET', '/users//posts/1'],
    ['GET', '/reports/v'],
    ['GET', '/nothing'],
  ])('%s %s matches nothing', (method, url) => {
    expect(matcher.match(method, url)).toBeUndefined();
  });

  it('finds contract report operation keys regardless of method case and trailing slash', () => {
    expect(matcher.byOperationKey('get /users/{id}')?.key).toBe('GET /users/{id}');
    expect(matcher.byOperationKey('GET /users/')?.key).toBe('GET /users');
    expect(matcher.byOperationKey('GET /users/{userId}')).toBeUndefined();
  });
});
