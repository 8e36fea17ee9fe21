import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { testRule, spec, OK } from './scenario.js';

const get = { get: OK };

testRule('apigate-version-segment', [
  {
    name: 'every server URL versioned (variables expanded with their defaults)',
    document: spec({ '/teams': get }, { servers: [{ url: 'https://api.example.com/v1' }, { url: '{base}/{version}', variables: { base: { default: 'https://eu.example.com' }, version: { default: 'v1beta1' } } }] }),
    errors: [],
  },
  {
    name: 'every path versioned, no servers',
    document: spec({ '/v2/teams': get, '/v2/teams/{team_id}': get }, {}, '3.0.3'),
    errors: [],
  },
  {
    name: 'nothing versioned: one finding at servers',
    document: spec({ '/teams': get, '/members': get }, { servers: [{ url: 'https://api.example.com' }] }),
    errors: [{ path: ['servers'], message: 'Neither the server URLs nor the paths carry a major version: add a "/v1" segment to every server URL (or to every path).' }],
  },
  {
    name: 'nothing versioned and no servers: one finding at paths',
    document: spec({ '/teams': get }),
    errors: [{ path: ['paths'] }],
  },
  {
    name: 'one server without the version the others have',
    document: spec({ '/teams': get }, { servers: [{ url: 'https://api.example.com/v1' }, { url: 'http://localhost:8080' }] }),
    errors: [{ path: ['servers', 1, 'url'], message: /"http:\/\/localhost:8080" has no major version segment/ }],
  },
  {
    name: 'a few versioned paths in an unversioned API are an embedded protocol: one finding, not one per path',
    document: spec({ '/teams': get, '/members': get, '/scim/v2/Users': get }, { servers: [{ url: 'https://api.example.com' }] }),
    errors: [{ path: ['servers'] }],
  },
  {
    name: 'a version-looking word is not a version segment',
    document: spec({ '/v1/teams': get, '/video/v1x': get, '/teams/v1': get }),
    errors: [{ path: ['paths', '/video/v1x'] }],
  },
  {
    name: 'an empty document has nothing to version',
    document: spec({}),
    errors: [],
  },
]);

testRule('apigate-deprecation-headers', [
  {
    name: 'every 2xx response of a deprecated operation, header names case-insensitive',
    document: spec({
      '/teams': {
        get: {
          deprecated: true,
          responses: {
            '200': { description: 'OK', headers: { deprecation: { schema: { type: 'string' } }, SUNSET: { schema: { type: 'string' } } } },
            '206': { description: 'Partial', headers: { Deprecation: { schema: { type: 'string' } } } },
            '400': { description: 'Bad request' },
          },
        },
      },
    }),
    errors: [{ path: ['paths', '/teams', 'get', 'deprecated'], message: /its 206 response does not document the "Sunset" header/ }],
  },
  {
    name: 'the default response when there is no 2xx one',
    document: spec({ '/teams': { delete: { deprecated: true, responses: { default: { description: 'Anything' } } } } }, {}, '3.0.3'),
    errors: [{ path: ['paths', '/teams', 'delete', 'deprecated'], message: /its default response does not document the "Deprecation" and "Sunset" headers/ }],
  },
  {
    name: 'operations that are not deprecated, and deprecated: false, are not checked',
    document: spec({ '/teams': { get: OK, post: { deprecated: false, ...OK } } }),
    errors: [],
  },
]);

testRule('apigate-deprecation-window', [
  {
    name: 'date-times and HTTP-dates; end-of-month arithmetic',
    document: spec({
      '/a': { get: { 'x-deprecated-at': '2025-08-31T12:00:00Z', 'x-sunset': '2026-02-28T12:00:00Z', ...OK } },
      '/b': { get: { 'x-deprecated-at': '2025-08-31', 'x-sunset': 'Fri, 27 Feb 2026 00:00:00 GMT', ...OK } },
    }),
    errors: [{ path: ['paths', '/b', 'get', 'x-sunset'], message: /sunset on 2026-02-28 or later/ }],
  },
  {
    name: 'a value that is not a date, and only one of the two dates',
    document: spec({ '/a': { get: { 'x-deprecated-at': '2025-01-01', 'x-sunset': 12, ...OK }, post: { 'x-sunset': 'whenever', ...OK } } }),
    errors: [{ path: ['paths', '/a', 'get', 'x-sunset'], message: /"x-sunset" is not a date/ }],
  },
]);

describe('apigate-deprecation-window options', () => {
  it('a team ruleset can raise minimumMonths', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apigate-window-'));
    const ruleset = join(dir, 'ruleset.yaml');
    writeFileSync(
      ruleset,
      [
        `extends: [["${join(REPO_ROOT, 'rulesets/apigate.yaml')}", off]]`,
        `functionsDir: "${join(REPO_ROOT, 'lib/rulesets/functions')}"`,
        'functions: [deprecationWindow]',
        'rules:',
        '  apigate-deprecation-window:',
        '    message: "{{error}}"',
        '    severity: error',
        '    given: $',
        '    then: { function: deprecationWindow, functionOptions: { minimumMonths: 12 } }',
      ].join('\n'),
    );
    const specFile = join(dir, 'spec.json');
    writeFileSync(specFile, JSON.stringify(spec({ '/a': { get: { 'x-deprecated-at': '2025-01-01', 'x-sunset': '2025-10-01', ...OK } } })));
    const report = await lint(specFile, { ruleset, cwd: dir, allowExternalRefs: true });
    expect(report.findings.map((f) => f.message)).toEqual([
      'Deprecation window is shorter than 12 months: sunset 2025-10-01 comes too soon after deprecation on 2025-01-01; sunset on 2026-01-01 or later.',
    ]);
  });
});
