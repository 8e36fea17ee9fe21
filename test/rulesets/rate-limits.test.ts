import { openapi, openapi31, ok, testRule } from './style-scenarios.js';

const header = { schema: { type: 'integer' } };

testRule('apigate-rate-limit-headers', [
  {
    name: 'X-Rate-Limit-* and $ref-ed header objects are accepted; error responses are not checked',
    document: openapi(
      {
        '/pets': {
          get: {
            responses: {
              '200': { description: 'Pets', headers: { 'X-Rate-Limit-Limit': { $ref: '#/components/headers/Limit' } } },
              '404': ok,
              default: ok,
            },
          },
        },
      },
      { components: { headers: { Limit: header } } },
    ),
    errors: [],
  },
  {
    name: 'a 2XX range is a success response too, and a shared response is reported once',
    document: openapi31(
      {
        '/pets': { get: { responses: { '2XX': { $ref: '#/components/responses/Ok' } } } },
        '/owners': { get: { responses: { '200': { $ref: '#/components/responses/Ok' } } } },
      },
      { components: { responses: { Ok: { description: 'OK', headers: { 'Cache-Control': header } } } } },
    ),
    errors: [{ path: ['components', 'responses', 'Ok'], message: /documents no rate-limit headers/ }],
  },
  {
    name: 'names that merely contain "limit" do not count',
    document: openapi({ '/pets': { get: { responses: { '200': { description: 'Pets', headers: { 'X-Page-Limit': header } } } } } }),
    errors: [{ path: ['paths', '/pets', 'get', 'responses', '200'] }],
  },
]);

testRule('apigate-429-retry-after', [
  {
    name: 'default does not document throttling; a 4XX without Retry-After does not either',
    document: openapi({
      '/pets': { get: { responses: { '200': ok, default: ok } } },
      '/owners': { get: { responses: { '200': ok, '4XX': ok } } },
    }),
    errors: [
      { path: ['paths', '/pets', 'get', 'responses'], message: /^GET \/pets does not document 429/ },
      { path: ['paths', '/owners', 'get', 'responses'], message: /^GET \/owners does not document 429/ },
    ],
  },
  {
    name: 'a shared 429 response with a $ref-ed Retry-After header is accepted (3.1)',
    document: openapi31(
      { '/pets': { get: { responses: { '200': ok, '429': { $ref: '#/components/responses/TooMany' } } } } },
      { components: { responses: { TooMany: { description: 'Slow down', headers: { 'RETRY-AFTER': { $ref: '#/components/headers/RetryAfter' } } } }, headers: { RetryAfter: header } } },
    ),
    errors: [],
  },
  {
    name: 'operations without responses are left to the schema rules',
    document: openapi({ '/pets': { get: { summary: 'No responses at all' } } }),
    errors: [],
  },
]);
