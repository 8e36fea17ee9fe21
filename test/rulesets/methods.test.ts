import { openapi, openapi31, ok, testRule } from './style-scenarios.js';

const itemGet = { get: { responses: { '200': ok } } };

testRule('apigate-create-201-location', [
  {
    name: 'a collection with a .json representation suffix (Twilio style) is still a collection',
    document: openapi({
      '/Accounts/{AccountSid}/Calls.json': { post: { responses: { '200': ok } } },
      '/Accounts/{AccountSid}/Calls/{Sid}.json': itemGet,
    }),
    errors: [{ path: ['paths', '/Accounts/{AccountSid}/Calls.json', 'post', 'responses'], message: /documents 200/ }],
  },
  {
    name: 'actions and item paths are not collections',
    document: openapi({
      '/orders/{orderId}/cancel': { post: { responses: { '200': ok } } },
      '/orders/{orderId}': { post: { responses: { '200': ok } } },
      '/search': { post: { responses: { '200': ok } } },
    }),
    errors: [],
  },
  {
    name: 'a shared 201 response without Location is reported once, at the component',
    document: openapi(
      {
        '/pets': { post: { responses: { '201': { $ref: '#/components/responses/Created' } } } },
        '/pets/{petId}': itemGet,
        '/owners': { post: { responses: { '201': { $ref: '#/components/responses/Created' } } } },
        '/owners/{ownerId}': itemGet,
      },
      { components: { responses: { Created: { description: 'Created' } } } },
    ),
    errors: [{ path: ['components', 'responses', 'Created'], message: /no Location header/ }],
  },
  {
    name: 'a Location header is found case-insensitively; 2XX ranges and missing 2xx are left alone',
    document: openapi31({
      '/pets': { post: { responses: { '201': { description: 'Created', headers: { LOCATION: { schema: { type: 'string' } } } } } } },
      '/pets/{petId}': itemGet,
      '/owners': { post: { responses: { '2XX': ok } } },
      '/owners/{ownerId}': itemGet,
      '/vets': { post: { responses: { default: ok } } },
      '/vets/{vetId}': itemGet,
    }),
    errors: [],
  },
]);

testRule('apigate-delete-204', [
  {
    name: 'a shared 204 response with a body is reported once, at its content',
    document: openapi(
      {
        '/pets/{petId}': { delete: { responses: { '204': { $ref: '#/components/responses/Deleted' } } } },
        '/owners/{ownerId}': { delete: { responses: { '204': { $ref: '#/components/responses/Deleted' } } } },
      },
      { components: { responses: { Deleted: { description: 'Deleted', content: { 'application/json': { schema: { type: 'object' } } } } } } },
    ),
    errors: [{ path: ['components', 'responses', 'Deleted', 'content'] }],
  },
  {
    name: '2XX ranges, 202 and an empty content map are accepted',
    document: openapi({
      '/pets/{petId}': { delete: { responses: { '2XX': ok } } },
      '/owners/{ownerId}': { delete: { responses: { '202': ok } } },
      '/vets/{vetId}': { delete: { responses: { '204': { description: 'Deleted', content: {} } } } },
    }),
    errors: [],
  },
]);

const pet = { type: 'object', required: ['name'], properties: { name: { type: 'string' }, species: { type: 'string' } } };

testRule('apigate-patch-partial', [
  {
    name: 'a required list in a top-level allOf member is reported there (3.1)',
    document: openapi31({
      '/pets/{petId}': {
        patch: {
          requestBody: { content: { 'application/merge-patch+json': { schema: { allOf: [{ type: 'object' }, pet] } } } },
          responses: { '200': ok },
        },
      },
    }),
    errors: [
      {
        path: ['paths', '/pets/{petId}', 'patch', 'requestBody', 'content', 'application/merge-patch+json', 'schema', 'allOf', '1', 'required'],
        message: /The body of PATCH \/pets\/\{petId\} requires "name"/,
      },
    ],
  },
  {
    name: 'a schema shared by two PATCH operations is reported at the component, naming each operation',
    document: openapi(
      {
        '/pets/{petId}': { patch: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } }, responses: { '200': ok } } },
        '/dogs/{dogId}': { patch: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } }, responses: { '200': ok } } },
      },
      { components: { schemas: { Pet: pet } } },
    ),
    errors: [
      { path: ['components', 'schemas', 'Pet', 'required'], message: /PATCH \/dogs\/\{dogId\}/ },
      { path: ['components', 'schemas', 'Pet', 'required'], message: /PATCH \/pets\/\{petId\}/ },
    ],
  },
  {
    name: 'POST and PUT bodies, JSON Patch, non-JSON bodies and an empty required list are not checked',
    document: openapi({
      '/pets': { post: { requestBody: { content: { 'application/json': { schema: pet } } }, responses: { '201': ok } } },
      '/pets/{petId}': {
        put: { requestBody: { content: { 'application/json': { schema: pet } } }, responses: { '200': ok } },
        patch: {
          requestBody: {
            content: {
              'application/json-patch+json': { schema: { type: 'array', items: { type: 'object', required: ['op'] } } },
              'application/x-www-form-urlencoded': { schema: pet },
              'application/json': { schema: { type: 'object', required: [] } },
            },
          },
          responses: { '200': ok },
        },
      },
    }),
    errors: [],
  },
]);

testRule('apigate-put-replaces', [
  {
    name: 'PUT on a collection is reported at the operation; on singletons and items with a body it is fine',
    document: openapi({
      '/pets': { put: { requestBody: { content: { 'application/json': { schema: { type: 'array' } } } }, responses: { '200': ok } } },
      '/pets/{petId}': { put: { requestBody: { $ref: '#/components/requestBodies/Pet' }, responses: { '200': ok } } },
      '/me/settings': { put: { requestBody: { $ref: '#/components/requestBodies/Pet' }, responses: { '200': ok } } },
    }, { components: { requestBodies: { Pet: { content: { 'application/json': { schema: { type: 'object' } } } } } } }),
    errors: [{ path: ['paths', '/pets', 'put'], message: /targets a collection.*\/pets\/\{id\}/ }],
  },
  {
    name: 'a PUT without a body is reported wherever it is',
    document: openapi({ '/me/player/pause': { put: { responses: { '204': ok } } } }),
    errors: [{ path: ['paths', '/me/player/pause', 'put'], message: /has no request body/ }],
  },
]);

testRule('apigate-put-replaces', [
  {
    name: 'a body-less PUT that links two existing objects is accepted; a top-level item still needs a body',
    document: openapi({
      '/guilds/{guildId}/members/{userId}/roles/{roleId}': { put: { responses: { '204': ok } } },
      '/user/starred/{owner}/{repo}': { put: { responses: { '204': ok } } },
      '/pets/{petId}': { put: { responses: { '204': ok } } },
    }),
    errors: [{ path: ['paths', '/pets/{petId}', 'put'], message: /^PUT \/pets\/\{petId\} has no request body/ }],
  },
]);

testRule('apigate-patch-partial', [
  {
    name: 'requiring the only property of a single-field update is accepted; two required of two is not',
    document: openapi({
      '/user/visibility': {
        patch: {
          requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['visibility'], properties: { visibility: { type: 'string' } } } } } },
          responses: { '200': ok },
        },
      },
      '/teams/{teamId}': {
        patch: {
          requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['name', 'slug'], properties: { name: { type: 'string' }, slug: { type: 'string' } } } } } },
          responses: { '200': ok },
        },
      },
    }),
    errors: [{ path: ['paths', '/teams/{teamId}', 'patch', 'requestBody', 'content', 'application/json', 'schema', 'required'], message: /requires "name", "slug"/ }],
  },
]);

testRule('apigate-put-replaces', [
  {
    name: 'PUT with a body on a nested collection replaces the set of links and is accepted',
    document: openapi({
      '/issues/{number}/labels': { put: { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: { '200': ok } } },
      '/issues/{number}/labels/{name}': { delete: { responses: { '204': ok } } },
      '/issues/{number}/assignees': { put: { responses: { '200': ok } } },
      '/issues/{number}/assignees/{login}': { delete: { responses: { '204': ok } } },
    }),
    errors: [{ path: ['paths', '/issues/{number}/assignees', 'put'], message: /targets a collection/ }],
  },
]);
