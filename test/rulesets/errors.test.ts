import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { testRule, spec } from './scenario.js';

const errorObject = {
  type: 'object',
  required: ['code', 'message', 'request_id'],
  properties: { code: { type: 'string' }, message: { type: 'string' }, request_id: { type: 'string' }, details: { type: 'array', items: {} } },
};

function withError(status: string, schema: unknown, mediaType = 'application/json'): object {
  return { '/teams': { get: { responses: { '200': { description: 'OK' }, [status]: { description: 'Error', content: { [mediaType]: { schema } } } } } } };
}

const bodyAt = (status: string, mediaType = 'application/json') => ['paths', '/teams', 'get', 'responses', status, 'content', mediaType, 'schema'];

testRule('apigate-error-format', [
  {
    name: 'a conforming body in 3.0, with a nullable string',
    document: spec(withError('404', { ...errorObject, properties: { ...errorObject.properties, message: { type: 'string', nullable: true } } }), {}, '3.0.3'),
    errors: [],
  },
  {
    name: '4XX ranges are error responses; the message lists every problem',
    document: spec(withError('4XX', { type: 'object', required: ['code'], properties: { code: { type: 'integer' }, message: { type: 'string' }, details: { type: 'string' } } })),
    errors: [
      {
        path: bodyAt('4XX'),
        message:
          'Error body does not follow the error format: "code" must be a string (it is integer); "message" must be required; "request_id" is missing; "details" must be an array (it is string). Errors carry an object with required string "code", "message" and "request_id" and an optional "details" array.',
      },
    ],
  },
  {
    name: 'required and properties merge across nested allOf',
    document: spec(withError('500', { allOf: [{ allOf: [{ required: ['code'], properties: { code: { type: 'string' } } }] }, { required: ['message', 'request_id'], properties: { message: { type: 'string' }, request_id: { type: 'string' } } }] })),
    errors: [],
  },
  {
    name: 'every oneOf alternative must conform, sharing the outer properties',
    document: spec(
      withError('409', {
        type: 'object',
        required: ['code', 'request_id'],
        properties: { code: { type: 'string' }, request_id: { type: 'string' } },
        oneOf: [{ required: ['message'], properties: { message: { type: 'string' } } }, { properties: { reason: { type: 'string' } } }],
      }),
    ),
    errors: [{ path: bodyAt('409'), message: /: "message" is missing\./ }],
  },
  {
    name: 'checked by structure, not by name; a shared schema is reported once where it is defined',
    document: spec(
      {
        '/teams': { get: { responses: { '400': { $ref: '#/components/responses/Problem' }, '404': { $ref: '#/components/responses/Problem' } } } },
        '/members': { get: { responses: { '503': { description: 'x', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } } } },
      },
      {
        components: {
          responses: { Problem: { description: 'Problem', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } },
          schemas: { Error: { type: 'object', properties: { error: { type: 'object' } } } },
        },
      },
    ),
    errors: [{ path: ['components', 'schemas', 'Error'], message: /"code" is missing; "message" is missing; "request_id" is missing/ }],
  },
  {
    name: 'a body that is not an object',
    document: spec(withError('404', { type: 'string' })),
    errors: [{ path: bodyAt('404'), message: /the body is string instead of an object/ }],
  },
  {
    name: 'success, default and informational responses, bodiless errors and non-JSON bodies are not checked',
    document: spec({
      '/teams': {
        get: {
          responses: {
            '200': { description: 'OK', content: { 'application/json': { schema: { type: 'string' } } } },
            '304': { description: 'Not modified' },
            '401': { description: 'No body' },
            '406': { description: 'Text', content: { 'text/plain': { schema: { type: 'string' } } } },
            '410': { description: 'No schema', content: { 'application/json': {} } },
            default: { description: 'Anything', content: { 'application/json': { schema: { type: 'string' } } } },
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: 'problem+json is checked like any JSON body by default',
    document: spec(withError('422', { type: 'object', properties: { title: { type: 'string' } } }, 'application/problem+json')),
    errors: [{ path: bodyAt('422', 'application/problem+json'), message: /application\/problem\+json is accepted only where the ruleset sets allowProblemJson/ }],
  },
  {
    name: 'webhook responses come from the receiver, not from this API',
    document: { ...spec({}), webhooks: { teamCreated: { post: { responses: { '400': { description: 'Rejected', content: { 'application/json': { schema: { type: 'string' } } } } } } } } },
    errors: [],
  },
  {
    name: 'odd input does not throw',
    document: spec({ '/teams': { get: { responses: { '400': { description: 'x', content: { 'application/json': { schema: { allOf: [null, 3], properties: [], required: 'code' } } } }, '500': null } } } }),
    errors: [{ path: bodyAt('400') }],
  },
]);

describe('apigate-error-format allowProblemJson', () => {
  it('a team ruleset that turns it on accepts problem+json and still checks application/json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apigate-problem-'));
    const ruleset = join(dir, 'ruleset.yaml');
    writeFileSync(
      ruleset,
      [
        `extends: [["${join(REPO_ROOT, 'rulesets/apigate.yaml')}", off]]`,
        `functionsDir: "${join(REPO_ROOT, 'lib/rulesets/functions')}"`,
        'functions: [errorFormat]',
        'rules:',
        '  apigate-error-format:',
        '    message: "{{error}}"',
        '    severity: error',
        '    given: $',
        '    then: { function: errorFormat, functionOptions: { allowProblemJson: true } }',
      ].join('\n'),
    );
    const specFile = join(dir, 'spec.json');
    const problem = { type: 'object', properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' } } };
    writeFileSync(
      specFile,
      JSON.stringify(
        spec({
          '/teams': {
            get: {
              responses: {
                '404': { description: 'x', content: { 'application/problem+json': { schema: problem } } },
                '500': { description: 'x', content: { 'application/json': { schema: problem } } },
              },
            },
          },
        }),
      ),
    );
    const report = await lint(specFile, { ruleset, cwd: dir, allowExternalRefs: true });
    expect(report.findings.map((f) => f.path.join(' '))).toEqual(['paths /teams get responses 500 content application/json schema']);
  });
});
