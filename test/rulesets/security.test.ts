import { openapi, openapi31, ok, testRule } from './style-scenarios.js';

const bearer = { components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } } };

testRule('apigate-operation-security', [
  {
    name: 'a document-level "security: []" declares the API public; an operation may then require auth',
    document: openapi({ '/pets': { get: { responses: { '200': ok } }, post: { security: [{ bearer: [] }], responses: { '201': ok } } } }, { security: [], ...bearer }),
    errors: [],
  },
  {
    name: 'no security anywhere: every operation is reported, at the operation',
    document: openapi31({ '/pets': { get: { responses: { '200': ok } } }, '/pets/{petId}': { delete: { responses: { '204': ok } } } }),
    errors: [
      { path: ['paths', '/pets', 'get'], message: /^GET \/pets declares no security/ },
      { path: ['paths', '/pets/{petId}', 'delete'], message: /^DELETE \/pets\/\{petId\} declares no security/ },
    ],
  },
]);

testRule('apigate-auth-responses', [
  {
    name: 'optional authentication ({} next to a scheme) is secured; lower-case 4xx covers both statuses',
    document: openapi(
      {
        '/pets': { get: { security: [{}, { bearer: [] }], responses: { '200': ok } } },
        '/owners': { get: { responses: { '200': ok, '4xx': ok } } },
      },
      { security: [{ bearer: [] }], ...bearer },
    ),
    errors: [{ path: ['paths', '/pets', 'get', 'responses'], message: /does not document 401 or 403/ }],
  },
  {
    name: 'unsecured and public operations are not checked',
    document: openapi({ '/pets': { get: { responses: { '200': ok } } }, '/status': { get: { security: [], responses: { '200': ok } } } }),
    errors: [],
  },
  {
    name: 'a 403 alone still needs the 401',
    document: openapi({ '/pets': { get: { responses: { '200': ok, '403': ok } } } }, { security: [{ bearer: [] }], ...bearer }),
    errors: [{ path: ['paths', '/pets', 'get', 'responses'], message: /does not document 401: add a response for 401/ }],
  },
]);

testRule('apigate-item-404', [
  {
    name: 'Twilio-style {Sid}.json items are items; OPTIONS is skipped',
    document: openapi({
      '/Calls/{Sid}.json': { get: { responses: { '200': ok } }, options: { responses: { '200': ok } } },
      '/Calls.json': { get: { responses: { '200': ok } } },
    }),
    errors: [{ path: ['paths', '/Calls/{Sid}.json', 'get', 'responses'] }],
  },
  {
    name: 'a shared 404 response and a 4XX range both document 404',
    document: openapi31(
      {
        '/pets/{petId}': { get: { responses: { '200': ok, '404': { $ref: '#/components/responses/NotFound' } } }, patch: { responses: { '200': ok, '4XX': ok } } },
      },
      { components: { responses: { NotFound: { description: 'Not found' } } } },
    ),
    errors: [],
  },
]);

testRule('apigate-no-api-key-in-query', [
  {
    name: 'credential-named query parameters are reported in any case and with an x- prefix; header and cookie keys are fine',
    document: openapi({
      '/pets': {
        parameters: [{ name: 'X-Api-Key', in: 'query', schema: { type: 'string' } }],
        get: {
          parameters: [
            { name: 'Password', in: 'query', schema: { type: 'string' } },
            { name: 'api_key', in: 'header', schema: { type: 'string' } },
            { name: 'session', in: 'cookie', schema: { type: 'string' } },
            { name: 'page_token', in: 'query', schema: { type: 'string' } },
            { name: 'tokenizer', in: 'query', schema: { type: 'string' } },
          ],
          responses: { '200': ok },
        },
      },
    }),
    errors: [
      { path: ['paths', '/pets', 'parameters', '0', 'in'], message: /"X-Api-Key"/ },
      { path: ['paths', '/pets', 'get', 'parameters', '0', 'in'], message: /"Password"/ },
    ],
  },
  {
    name: 'apiKey schemes in headers and cookies are fine',
    document: openapi({}, { components: { securitySchemes: { h: { type: 'apiKey', name: 'X-Key', in: 'header' }, c: { type: 'apiKey', name: 'k', in: 'cookie' } } } }),
    errors: [],
  },
]);

testRule('apigate-oauth2-flows', [
  {
    name: 'OpenAPI 3.1: the password flow is reported at the flow',
    document: openapi31({}, { components: { securitySchemes: { o: { type: 'oauth2', flows: { password: { tokenUrl: 'https://a.example.com/t', scopes: {} } } } } } }),
    errors: [{ path: ['components', 'securitySchemes', 'o', 'flows', 'password'], message: /The OAuth2 password flow is deprecated/ }],
  },
]);

testRule('apigate-https-servers', [
  {
    name: 'scheme and host are compared case-insensitively; IPv6 hosts other than ::1 are not loopback',
    document: openapi(
      { '/pets': { get: { servers: [{ url: 'http://[2001:db8::1]:8080' }], responses: { '200': ok } } } },
      { servers: [{ url: 'HTTP://API.EXAMPLE.COM' }, { url: 'http://LOCALHOST:8080' }, { url: 'http://user@127.0.0.1:80/v1' }, { url: 'http://api.localhost' }] },
    ),
    errors: [
      { path: ['paths', '/pets', 'get', 'servers', '0', 'url'] },
      { path: ['servers', '0', 'url'], message: /^Server HTTP:\/\/API\.EXAMPLE\.COM uses plain http/ },
    ],
  },
  {
    name: 'relative URLs, other schemes and unknown variables are left alone',
    document: openapi({}, { servers: [{ url: '/v1' }, { url: 'wss://stream.example.com' }, { url: '{base}/v1' }, { url: 'https://{region}.example.com', variables: { region: { default: 'eu' } } }] }),
    errors: [],
  },
]);

testRule('apigate-bearer-format', [
  {
    name: 'an upper-case BEARER scheme with an empty bearerFormat is reported; basic auth is not',
    document: openapi({}, { components: { securitySchemes: { t: { type: 'http', scheme: 'BEARER', bearerFormat: ' ' }, b: { type: 'http', scheme: 'basic' } } } }),
    errors: [{ path: ['components', 'securitySchemes', 't'], message: /Bearer scheme "t"/ }],
  },
]);
