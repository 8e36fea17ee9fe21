import { describe, expect, it } from 'vitest';
import { planCases } from '../../../src/contract/cases/plan.js';
import { buildSpecModel } from '../../../src/contract/spec/model.js';
import type { Identity } from '../../../src/contract/identity.js';
import type { TestCase } from '../../../src/contract/types.js';

const ALICE: Identity = { name: 'alice', headers: { Authorization: 'Bearer alice-token' }, query: {} };

function spec(paths: Record<string, unknown>, extra: Record<string, unknown> = {}, version = '3.1.0') {
  return buildSpecModel(
    {
      openapi: version,
      info: { title: 'Plan', version: '1' },
      paths,
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } } },
      ...extra,
    },
    'inline',
  );
}

function plan(model: ReturnType<typeof spec>, seed = 1, identities: Identity[] = [ALICE]) {
  return planCases(model, model.operations, { baseUrl: 'http://127.0.0.1:9', seed, identities });
}

function body(testCase: TestCase | undefined): Record<string, unknown> {
  return JSON.parse(testCase?.request.body ?? 'null') as Record<string, unknown>;
}

const WIDGET = {
  type: 'object',
  required: ['id', 'name', 'kind', 'secret'],
  properties: {
    id: { type: 'string', format: 'uuid', readOnly: true },
    name: { type: 'string', pattern: '^[a-z][a-z0-9-]{2,15}$', maxLength: 16 },
    kind: { type: 'string', enum: ['small', 'large'] },
    size: { type: 'integer', minimum: 10, maximum: 20 },
    email: { type: 'string', format: 'email', maxLength: 60 },
    secret: { type: 'string', writeOnly: true, minLength: 8, maxLength: 12 },
    created_at: { type: 'string', format: 'date-time', readOnly: true },
  },
};

describe('case planning', () => {
  const model = spec({
    '/v1/widgets': {
      post: { requestBody: { required: true, content: { 'application/json': { schema: WIDGET } } }, responses: { '201': { description: 'ok' } } },
    },
  });

  it('generates a create body from the schema: readOnly omitted, writeOnly, enum, bounds, pattern and formats honoured', () => {
    const positive = plan(model).cases.find((testCase) => testCase.kind === 'positive');
    const value = body(positive);
    expect(value).not.toHaveProperty('id');
    expect(value).not.toHaveProperty('created_at');
    expect(typeof value['secret']).toBe('string');
    expect((value['secret'] as string).length).toBeGreaterThanOrEqual(8);
    expect(['small', 'large']).toContain(value['kind']);
    expect(value['size']).toBeGreaterThanOrEqual(10);
    expect(value['size']).toBeLessThanOrEqual(20);
    expect(value['name']).toMatch(/^[a-z][a-z0-9-]{2,15}$/);
    expect(value['email']).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    expect(positive?.request.headers['content-type']).toBe('application/json');
    expect(positive?.request.headers['authorization']).toBe('Bearer alice-token');
  });

  it('is reproducible from the seed, and another seed gives other values', () => {
    const first = plan(model, 5).cases.map((testCase) => testCase.request);
    expect(plan(model, 5).cases.map((testCase) => testCase.request)).toEqual(first);
    expect(plan(model, 6).cases.map((testCase) => testCase.request.body)).not.toEqual(first.map((request) => request.body));
  });

  it('plans one negative case per missing required writable property and per wrong-typed property', () => {
    const cases = plan(model).cases;
    const missing = cases.filter((testCase) => testCase.kind === 'negative_missing_required').map((testCase) => testCase.intent);
    expect(missing).toEqual([
      'a 4xx for a body missing required property `name`',
      'a 4xx for a body missing required property `kind`',
      'a 4xx for a body missing required property `secret`',
    ]);
    const wrong = cases.filter((testCase) => testCase.kind === 'negative_wrong_type');
    expect(wrong.length).toBeGreaterThan(0);
    expect(body(wrong[0])['name']).toBe(12345);
  });

  it('prefers the examples: one positive case per named example, used verbatim apart from unique suffixes', () => {
    const examples = spec({
      '/v1/widgets/{widget_id}': {
        parameters: [{ name: 'widget_id', in: 'path', required: true, schema: { type: 'string' }, example: 'w_path_level' }],
        put: {
          parameters: [{ name: 'widget_id', in: 'path', required: true, schema: { type: 'string' }, example: 'w_operation_level' }],
          requestBody: {
            content: {
              'application/json': {
                schema: WIDGET,
                examples: { a: { value: { name: 'alpha', kind: 'small', secret: 'sssssssss' } }, b: { value: { name: 'beta', kind: 'large', secret: 'tttttttttt' } } },
              },
            },
          },
          responses: { '200': { description: 'ok' } },
        },
      },
    });
    const positives = plan(examples).cases.filter((testCase) => testCase.kind === 'positive');
    expect(positives.map((testCase) => body(testCase)['name'])).toEqual(['alpha', 'beta']);
    // The operation-level parameter overrides the path-level one of the same name.
    expect(positives[0]!.request.url).toBe('http://127.0.0.1:9/v1/widgets/w_operation_level');
  });

  it('makes create bodies unique without breaking their schema', () => {
    const create = spec({
      '/v1/widgets': {
        post: {
          requestBody: { content: { 'application/json': { schema: WIDGET, example: { name: 'alpha', kind: 'small', secret: 'sssssssss', email: 'a@example.com' } } } },
          responses: { '201': { description: 'ok' } },
        },
      },
    });
    const value = body(plan(create, 3).cases.find((testCase) => testCase.kind === 'positive'));
    expect(value['name']).toMatch(/^alpha-?[a-z0-9]+$/);
    expect(value['name']).not.toBe('alpha');
    expect((value['name'] as string).length).toBeLessThanOrEqual(16);
    expect(value['email']).toMatch(/^a\+[a-z0-9]+@example\.com$/);
    expect(value['kind']).toBe('small');
  });

  it('plans query negatives for enums and typed parameters', () => {
    const list = spec({
      '/v1/widgets': {
        get: {
          parameters: [
            { name: 'kind', in: 'query', schema: { type: 'string', enum: ['small', 'large'] }, example: 'small' },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1 } },
          ],
          responses: { '200': { description: 'ok' } },
        },
      },
    });
    const cases = plan(list).cases;
    expect(cases.find((testCase) => testCase.kind === 'positive')!.request.url).toBe('http://127.0.0.1:9/v1/widgets?kind=small');
    expect(cases.find((testCase) => testCase.kind === 'negative_query_enum')!.request.url).toContain('kind=apigate-not-in-enum');
    expect(cases.find((testCase) => testCase.kind === 'negative_query_type')!.request.url).toContain('limit=not-a-number');
  });

  it('applies global security, honours security: [] and plans both auth cases for secured operations', () => {
    const secured = spec(
      {
        '/v1/private': { get: { responses: { '200': { description: 'ok' } } } },
        '/v1/public': { get: { security: [], responses: { '200': { description: 'ok' } } } },
        '/v1/optional': { get: { security: [{}, { bearer: [] }], responses: { '200': { description: 'ok' } } } },
      },
      { security: [{ bearer: [] }] },
    );
    const cases = plan(secured).cases;
    const kindsOf = (path: string) => cases.filter((testCase) => testCase.operation.path === path).map((testCase) => `${testCase.kind}/${testCase.scenario}`);
    expect(kindsOf('/v1/private')).toEqual(['positive/valid', 'auth_none/none', 'auth_invalid/invalid']);
    expect(kindsOf('/v1/public')).toEqual(['positive/valid']);
    expect(kindsOf('/v1/optional')).toEqual(['positive/valid']);
    const none = cases.find((testCase) => testCase.kind === 'auth_none')!;
    expect(none.request.headers['authorization']).toBeUndefined();
    expect(cases.find((testCase) => testCase.kind === 'auth_invalid')!.request.headers['authorization']).toBe('Bearer apigate-invalid-credential');
  });

  it('without credentials, plans only the auth cases of a secured operation and says why', () => {
    const secured = spec({ '/v1/keyed': { get: { security: [{ key: [] }], responses: { '200': { description: 'ok' } } } } });
    const result = plan(secured, 1, []);
    expect(result.cases.map((testCase) => testCase.kind)).toEqual(['auth_none', 'auth_invalid']);
    expect(result.cases[1]!.request.headers['x-api-key']).toBe('apigate-invalid-credential');
    expect(result.warnings).toEqual(['GET /v1/keyed: secured, but no credentials are configured (--auth or contract.identities); only the authentication cases run']);
  });

  it('honours 3.0 nullable and boolean exclusive bounds when generating', () => {
    const legacy = spec(
      {
        '/v1/readings': {
          post: {
            requestBody: {
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['value', 'note'],
                    properties: { value: { type: 'integer', minimum: 5, maximum: 6, exclusiveMinimum: true }, note: { type: 'string', nullable: true, maxLength: 5 } },
                  },
                },
              },
            },
            responses: { '201': { description: 'ok' } },
          },
        },
      },
      {},
      '3.0.3',
    );
    for (const seed of [1, 2, 3, 4]) {
      const value = body(plan(legacy, seed).cases.find((testCase) => testCase.kind === 'positive'));
      expect(value['value']).toBe(6);
      expect(value['note'] === null || (typeof value['note'] === 'string' && (value['note'] as string).length <= 5)).toBe(true);
    }
  });

  it('generates a bounded value for a recursive schema', () => {
    const node: Record<string, unknown> = { type: 'object', required: ['name'], properties: { name: { type: 'string', maxLength: 5 } } };
    (node['properties'] as Record<string, unknown>)['left'] = node;
    (node['properties'] as Record<string, unknown>)['right'] = node;
    (node['properties'] as Record<string, unknown>)['children'] = { type: 'array', items: node };
    const tree = spec({ '/v1/trees': { post: { requestBody: { content: { 'application/json': { schema: node } } }, responses: { '201': { description: 'ok' } } } } });
    const positive = plan(tree).cases.find((testCase) => testCase.kind === 'positive');
    expect(typeof body(positive)['name']).toBe('string');
    expect(positive!.request.body!.length).toBeLessThan(10_000);
  });

  it('classifies operations by effect', () => {
    const kinds = spec({
      '/v1/things': { get: { responses: {} }, post: { responses: {} } },
      '/v1/things/{id}': { put: { responses: {} }, patch: { responses: {} }, delete: { responses: {} } },
      '/v1/things/{id}/archive': { post: { responses: {} } },
      '/v1/reports': { post: { 'x-apigate-kind': 'read', responses: {} } },
    }).operations.map((operation) => `${operation.key} ${operation.kind}`);
    expect(kinds).toEqual([
      'GET /v1/things read',
      'POST /v1/things create',
      'PUT /v1/things/{id} update',
      'DELETE /v1/things/{id} delete',
      'PATCH /v1/things/{id} update',
      'POST /v1/things/{id}/archive other',
      'POST /v1/reports read',
    ]);
  });
});
