import { testRule, spec, getReturning, OK } from './scenario.js';

const list = { type: 'array', items: { type: 'object' } };
const query = (...names: string[]) => names.map((name) => ({ name, in: 'query', schema: { type: 'string' } }));
const op = (path: string) => ['paths', path, 'get'];

testRule('apigate-collection-pagination', [
  {
    name: 'a list through a $ref, wrapped under items, in OpenAPI 3.0',
    document: spec(
      { '/teams': getReturning({ $ref: '#/components/schemas/TeamPage' }, { parameters: query('limit') }) },
      { components: { schemas: { TeamPage: { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Team' } } } }, Team: { type: 'object' } } } },
      '3.0.3',
    ),
    errors: [{ path: op('/teams'), message: 'GET /teams returns a list but takes no cursor: add a "cursor" (or "page_token", or "offset") query parameter.' }],
  },
  {
    name: 'other spellings are asked to be renamed',
    document: spec({
      '/a': getReturning(list, { parameters: query('page_size', 'starting_after') }),
      '/b': getReturning(list, { parameters: query('maxResults', 'pageToken') }),
    }),
    errors: [
      { path: op('/a'), message: 'GET /a returns a list: name its page-size parameter "limit" instead of "page_size".' },
      { path: op('/a'), message: 'GET /a returns a list: name its paging parameter "cursor" (or "page_token", or "offset") instead of "starting_after".' },
      { path: op('/b'), message: /instead of "maxResults"/ },
      { path: op('/b'), message: /instead of "pageToken"/ },
    ],
  },
  {
    name: 'limit with cursor, page_token or offset, from the path item or a shared parameter',
    document: spec(
      {
        '/a': { parameters: query('limit'), ...getReturning(list, { parameters: query('cursor') }) },
        '/b': getReturning(list, { parameters: [{ $ref: '#/components/parameters/Limit' }, ...query('page_token')] }),
        '/c': getReturning(list, { parameters: query('limit', 'offset') }),
      },
      { components: { parameters: { Limit: { name: 'limit', in: 'query', schema: { type: 'integer' } } } } },
    ),
    errors: [],
  },
  {
    name: 'not lists: objects, arrays of scalars, wrappers under other names, non-GET, error responses, webhooks',
    document: spec({
      '/team': getReturning({ type: 'object', properties: { members: list } }),
      '/ids': getReturning({ type: 'array', items: { type: 'string' } }),
      '/flags': getReturning({ type: 'object', properties: { data: { type: 'array', items: { type: 'boolean' } } } }),
      '/search': { post: { responses: { '200': { description: 'OK', content: { 'application/json': { schema: list } } } } } },
      '/broken': { get: { responses: { '404': { description: 'x', content: { 'application/json': { schema: list } } } } } },
      '/odd': getReturning({ type: 'array', items: null }, { parameters: [null, { in: 'query' }] }),
    }, { webhooks: { teamsChanged: getReturning(list) } }),
    errors: [{ path: op('/odd') }, { path: op('/odd') }],
  },
]);

testRule('apigate-collection-next-link', [
  {
    name: 'Link header (any case) or a next field, top level or in a paging object',
    document: spec({
      '/a': { get: { responses: { '200': { description: 'OK', headers: { LINK: { schema: { type: 'string' } } }, content: { 'application/json': { schema: list } } } } } },
      '/b': getReturning({ type: 'object', properties: { data: list, next: { type: 'string' } } }),
      '/c': getReturning({ type: 'object', properties: { data: list, pagination: { type: 'object', properties: { next_cursor: { type: 'string' } } } } }),
      '/d': getReturning({ allOf: [{ properties: { items: list } }, { properties: { links: { properties: { next: { type: 'string' } } } } }] }),
    }),
    errors: [],
  },
  {
    name: 'a wrapped list without a next field, and a bare array without a Link header',
    document: spec({
      '/a': getReturning({ type: 'object', properties: { data: list, has_more: { type: 'boolean' } } }),
      '/b': getReturning(list),
    }, {}, '3.0.3'),
    errors: [
      { path: ['paths', '/a', 'get', 'responses', '200'], message: /neither a "Link" header nor a next-cursor field/ },
      { path: ['paths', '/b', 'get', 'responses', '200'], message: /documents no "Link" header/ },
    ],
  },
]);

testRule('apigate-collection-sort-param', [
  {
    name: 'each non-standard name, at the parameter name',
    document: spec({ '/teams': { get: { parameters: query('sort_by', 'orderBy', 'ordering'), ...OK } } }),
    errors: [
      { path: ['paths', '/teams', 'get', 'parameters', '0', 'name'], message: 'Query parameter "sort_by" is used for sorting: name it "sort" so every endpoint spells sorting the same way.' },
      { path: ['paths', '/teams', 'get', 'parameters', '1', 'name'], message: /"orderBy"/ },
      { path: ['paths', '/teams', 'get', 'parameters', '2', 'name'], message: /"ordering"/ },
    ],
  },
  {
    name: 'sort, sort direction and non-query parameters are fine',
    document: spec({ '/teams': { get: { parameters: [...query('sort', 'direction'), { name: 'order_by', in: 'header' }], ...OK } } }),
    errors: [],
  },
]);

testRule('apigate-collection-fields-param', [
  {
    name: 'names that always mean field selection, and ambiguous ones described as such',
    document: spec({
      '/teams': {
        get: {
          parameters: [...query('projection'), { name: 'only', in: 'query', description: 'Only return these attributes.' }],
          ...OK,
        },
      },
    }),
    errors: [
      { path: ['paths', '/teams', 'get', 'parameters', '0', 'name'], message: 'Query parameter "projection" is used for field selection: name it "fields" so every endpoint spells field selection the same way.' },
      { path: ['paths', '/teams', 'get', 'parameters', '1', 'name'], message: /"only"/ },
    ],
  },
  {
    name: 'include for related resources, expand and fields are fine',
    document: spec({
      '/teams': {
        get: {
          parameters: [
            { name: 'include', in: 'query', description: 'Related resources to sideload.' },
            { name: 'include', in: 'header', description: 'Which fields.' },
            ...query('expand', 'fields'),
          ],
          ...OK,
        },
      },
    }),
    errors: [],
  },
]);
