import { testRule, spec, getReturning, OK } from './scenario.js';

const teamRef = { $ref: '#/components/schemas/Team' };

testRule('apigate-property-snake-case', [
  {
    name: 'OpenAPI 3.0: request and response bodies, reported where defined',
    document: spec(
      {
        '/teams': {
          post: {
            requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { teamName: { type: 'string' } } } } } },
            responses: { '201': { description: 'Created', content: { 'application/json': { schema: teamRef } } } },
          },
        },
      },
      { components: { schemas: { Team: { type: 'object', properties: { createdAt: { type: 'string' } } } } } },
      '3.0.3',
    ),
    errors: [
      { path: ['paths', '/teams', 'post', 'requestBody', 'content', 'application/json', 'schema', 'properties', 'teamName'], message: 'Property "teamName" is not snake_case: rename it to "team_name".' },
      { path: ['components', 'schemas', 'Team', 'properties', 'createdAt'] },
    ],
  },
  {
    name: 'a schema shared by many operations and media types yields one finding',
    document: spec(
      {
        '/teams': { ...getReturning({ type: 'array', items: teamRef }), post: { requestBody: { content: { 'application/json': { schema: teamRef }, 'application/merge-patch+json': { schema: teamRef } } }, ...OK } },
        '/teams/{team_id}': getReturning(teamRef),
      },
      { components: { schemas: { Team: { type: 'object', properties: { createdAt: { type: 'string' } } } } } },
    ),
    errors: [{ path: ['components', 'schemas', 'Team', 'properties', 'createdAt'] }],
  },
  {
    name: 'walks items, allOf, oneOf, anyOf, additionalProperties and prefixItems',
    document: spec({
      '/things': getReturning({
        type: 'object',
        properties: {
          list: { type: 'array', items: { type: 'object', properties: { inList: {} } } },
          merged: { allOf: [{ properties: { inAllOf: {} } }] },
          either: { oneOf: [{ properties: { inOneOf: {} } }], anyOf: [{ properties: { inAnyOf: {} } }] },
          map: { type: 'object', additionalProperties: { properties: { inMap: {} } } },
          tuple: { type: 'array', prefixItems: [{ properties: { inTuple: {} } }] },
        },
      }),
    }),
    errors: ['inList', 'inAllOf', 'inOneOf', 'inAnyOf', 'inMap', 'inTuple'].map((name) => ({ path: expectPathOf(name), message: new RegExp(`"${name}"`) })),
  },
  {
    name: 'a recursive schema terminates and reports its property once',
    document: spec(
      { '/nodes': getReturning({ $ref: '#/components/schemas/Node' }) },
      { components: { schemas: { Node: { type: 'object', properties: { childNodes: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } } } } },
    ),
    errors: [{ path: ['components', 'schemas', 'Node', 'properties', 'childNodes'] }],
  },
  {
    // Spectral would follow `firstName`'s own $ref and place the finding on `Name`; it stays on the parent's map.
    name: 'one $ref property schema used under two names reports both names, located at the properties map',
    document: spec(
      { '/people': getReturning({ type: 'object', properties: { firstName: { $ref: '#/components/schemas/Name' }, lastName: { $ref: '#/components/schemas/Name' } } }) },
      { components: { schemas: { Name: { type: 'string' } } } },
    ),
    errors: [
      { path: ['paths', '/people', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'properties'], message: /"firstName"/ },
      { path: ['paths', '/people', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'properties'], message: /"lastName"/ },
    ],
  },
  {
    name: 'OpenAPI 3.1 webhooks are payloads too',
    document: { ...spec({}), webhooks: { teamCreated: { post: { requestBody: { content: { 'application/json': { schema: { properties: { teamId: {} } } } } }, ...OK } } } },
    errors: [{ path: ['webhooks', 'teamCreated', 'post', 'requestBody', 'content', 'application/json', 'schema', 'properties', 'teamId'] }],
  },
  {
    name: 'no false positives: snake_case, digits, protocol names, non-JSON bodies, unused schemas',
    document: spec(
      {
        '/teams': {
          ...getReturning({ type: 'object', properties: { team_id: {}, address_line_2: {}, '3ds_result': {}, '@id': {}, $schema: {}, _links: {}, _embedded: {} } }),
          post: { requestBody: { content: { 'application/x-www-form-urlencoded': { schema: { properties: { formField: {} } } } } }, ...OK },
        },
      },
      { components: { schemas: { Unused: { properties: { notOnTheWire: {} } } } } },
    ),
    errors: [],
  },
  {
    name: 'odd input does not throw',
    document: spec({
      '/a': getReturning({ properties: null, items: true, allOf: 'x', additionalProperties: false }),
      '/b': getReturning(true),
      '/c': { get: { responses: { '200': { description: 'OK', content: { 'application/json': null } } } } },
      '/d': null,
    }),
    errors: [],
  },
  {
    name: 'Swagger 2.0 documents are not checked',
    document: { swagger: '2.0', info: { title: 'x', version: '1' }, paths: { '/a': { get: { responses: { '200': { description: 'OK', schema: { properties: { camelCase: {} } } } } } } } },
    errors: [],
  },
]);

function expectPathOf(name: string): string[] {
  const base = ['paths', '/things', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'properties'];
  const tails: Record<string, string[]> = {
    inList: ['list', 'items', 'properties', 'inList'],
    inAllOf: ['merged', 'allOf', '0', 'properties', 'inAllOf'],
    inOneOf: ['either', 'oneOf', '0', 'properties', 'inOneOf'],
    inAnyOf: ['either', 'anyOf', '0', 'properties', 'inAnyOf'],
    inMap: ['map', 'additionalProperties', 'properties', 'inMap'],
    inTuple: ['tuple', 'prefixItems', '0', 'properties', 'inTuple'],
  };
  return [...base, ...tails[name]!];
}

testRule('apigate-query-param-snake-case', [
  {
    name: 'path-level, operation-level and shared parameters; a shared one once',
    document: spec(
      {
        '/teams': { parameters: [{ name: 'pageSize', in: 'query' }], get: { parameters: [{ $ref: '#/components/parameters/Sort' }], ...OK } },
        '/members': { get: { parameters: [{ $ref: '#/components/parameters/Sort' }], ...OK } },
      },
      { components: { parameters: { Sort: { name: 'sortOrder', in: 'query' } } } },
      '3.0.3',
    ),
    errors: [
      { path: ['paths', '/teams', 'parameters', '0', 'name'], message: 'Query parameter "pageSize" is not snake_case: rename it to "page_size".' },
      { path: ['components', 'parameters', 'Sort', 'name'], message: 'Query parameter "sortOrder" is not snake_case: rename it to "sort_order".' },
    ],
  },
  {
    name: 'bracketed names are checked part by part',
    document: spec({ '/teams': { get: { parameters: [{ name: 'filter[createdAt]', in: 'query' }, { name: 'page[size]', in: 'query' }], ...OK } } }),
    errors: [{ path: ['paths', '/teams', 'get', 'parameters', '0', 'name'], message: 'Query parameter "filter[createdAt]" is not snake_case: rename it to "filter[created_at]".' }],
  },
  {
    name: 'headers, path and cookie parameters and OData options are not query names',
    document: spec({
      '/teams/{teamId}': {
        get: {
          parameters: [
            { name: 'teamId', in: 'path', required: true },
            { name: 'X-Request-Id', in: 'header' },
            { name: 'sessionId', in: 'cookie' },
            { name: '$top', in: 'query' },
            { name: 'name', in: 'query' },
          ],
          ...OK,
        },
      },
    }),
    errors: [],
  },
]);
