import { describe, expect, it } from 'vitest';
import { diffFixtures, summarise } from './helpers.js';

describe('real-world pair: RealWorld Conduit API 1.0.0 → 1.1.0 (see fixtures/diff/real-world/README.md)', () => {
  it('finds the known breaking changes and nothing spurious', async () => {
    const report = await diffFixtures('real-world/realworld-conduit/base.yml', 'real-world/realworld-conduit/head.yml', { failOn: 'breaking' });
    expect(summarise(report).map(({ id, level, message, line }) => `${level} ${id} @${line}: ${message}`)).toEqual([
      'breaking response-required-property-removed @457: response property `user.password` of GET /user 200 was removed',
      'breaking response-required-property-removed @457: response property `user.password` of POST /users 201 was removed',
      'breaking response-required-property-removed @457: response property `user.password` of POST /users/login 200 was removed',
      'breaking response-required-property-removed @457: response property `user.password` of PUT /user 200 was removed',
      'breaking response-required-property-removed @676: response property `articles[].body` of GET /articles 200 was removed',
      'breaking response-required-property-removed @676: response property `articles[].body` of GET /articles/feed 200 was removed',
      'breaking response-success-status-changed @723: success status of DELETE /articles/{slug} changed from 200 to 204',
      'breaking response-success-status-changed @723: success status of DELETE /articles/{slug}/comments/{id} changed from 200 to 204',
      'warn server-url-changed @19: server `/api` moved to `https://api.realworld.show/api` (same base path, different host)',
      'info response-property-added @460: response property `user.token` of GET /user 200 was added',
      'info response-property-added @460: response property `user.token` of POST /users 201 was added',
      'info response-property-added @460: response property `user.token` of POST /users/login 200 was added',
      'info response-property-added @460: response property `user.token` of PUT /user 200 was added',
    ]);
    expect(report.failing).toHaveLength(8);
  });
});
