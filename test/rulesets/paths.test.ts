import { testRule, spec, getReturning, OK } from './scenario.js';

const get = { get: OK };
const listOfObjects = getReturning({ type: 'array', items: { type: 'object' } });
const at = (path: string) => ['paths', path];

testRule('apigate-path-plural-nouns', [
  {
    name: 'a segment followed by an item parameter is a collection',
    document: spec({ '/company/{company_id}/address/{address_id}': get }, {}, '3.0.3'),
    errors: [
      { path: at('/company/{company_id}/address/{address_id}'), message: 'Path segment "address" names a collection (its items are "{address_id}"): use a plural noun such as "addresses".' },
      { path: at('/company/{company_id}/address/{address_id}'), message: /"company".*"companies"/ },
    ],
  },
  {
    name: 'generic identifiers and identifiers named after the segment address items',
    document: spec({ '/invoice/{id}': get, '/user/{username}': get, '/store/order/{orderId}': get }),
    errors: [{ path: at('/invoice/{id}') }, { path: at('/user/{username}'), message: /"users"/ }, { path: at('/store/order/{orderId}') }],
  },
  {
    name: 'a last segment whose GET returns a list (also wrapped through allOf) is a collection',
    document: spec({
      '/team': listOfObjects,
      '/analysis': getReturning({ allOf: [{ type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Item' } } } }] }),
    }, { components: { schemas: { Item: { type: 'object' } } } }),
    errors: [{ path: at('/team'), message: /"teams"/ }, { path: at('/analysis'), message: /"analyses"/ }],
  },
  {
    name: 'no false positives: singletons, uncountables, versions, verbs, participles, scalar lists',
    document: spec({
      '/v1/me': listOfObjects,
      '/v1/status/{check_id}': get,
      '/v1/metadata': listOfObjects,
      '/v1/people/{person_id}': get,
      '/v1/children/{child_id}': get,
      '/v1/news': listOfObjects,
      '/v1/search/{query}': get,
      '/v1/teams/{team_id}': get,
      '/v1/teams/{team_id}/recently-viewed': listOfObjects,
      '/v1/activate/{token}': get,
      '/v1/tags': getReturning({ type: 'array', items: { type: 'string' } }),
      '/v1/tag': getReturning({ type: 'array', items: { type: 'string' } }),
      '/2010-04-01/accounts/{account_sid}.json': get,
      '/api/{version}/menus': get,
      '/repos/{repo_id}/tarball/{ref}': get,
      '/repos/{repo_id}/readme/{dir}': get,
      '/users/{user_id}/following/{target_user}': get,
    }),
    errors: [],
  },
]);

testRule('apigate-path-no-verbs', [
  {
    name: 'camelCase, kebab-case and single-word verbs',
    document: spec({ '/teams/{team_id}/sendInvite': { post: OK }, '/delete-team': { post: OK }, '/teams/{team_id}/cancel': { post: OK } }),
    errors: [
      { path: at('/teams/{team_id}/sendInvite'), message: 'Path segment "sendInvite" is a verb ("send"): name the resource with a noun and let the HTTP method say what happens.' },
      { path: at('/delete-team') },
      { path: at('/teams/{team_id}/cancel') },
    ],
  },
  {
    name: 'nouns that start like verbs and noun-or-verb words are fine',
    document: spec({
      '/settings': get,
      '/updates': get,
      '/getaways': get,
      '/listings': get,
      '/search': get,
      '/exports': get,
      '/reports/{report_id}': get,
      '/check-runs': get,
      '/orders/{order_id}/lock': { put: OK },
      '/compute': get,
      '/{get}': get,
      '/load_balancers/{lb_id}': get,
      '/add-ons': get,
      '/metrics/restart_count': get,
      '/databases/{db_id}/do_settings': get,
      '/metrics/load': get,
    }),
    errors: [],
  },
  {
    name: 'verbs that also modify nouns count alone or as the head of a camelCase name',
    document: spec({ '/teams/{team_id}/addMember': { post: OK }, '/apps/{app_id}/restart': { post: OK } }),
    errors: [
      { path: at('/teams/{team_id}/addMember'), message: /"addMember" is a verb \("add"\)/ },
      { path: at('/apps/{app_id}/restart'), message: /"restart" is a verb/ },
    ],
  },
]);

testRule('apigate-path-kebab-case', [
  {
    name: 'camelCase, PascalCase and snake_case static segments, each once per path',
    document: spec({ '/TeamMembers/{member_id}/audit_logs/audit_logs': get }),
    errors: [
      { path: at('/TeamMembers/{member_id}/audit_logs/audit_logs'), message: /"audit_logs".*"audit-logs"/ },
      { path: at('/TeamMembers/{member_id}/audit_logs/audit_logs'), message: 'Path segment "TeamMembers" is not kebab-case: use lower-case words joined by hyphens ("team-members").' },
    ],
  },
  {
    name: 'static text next to a parameter is checked, the parameter is not',
    document: spec({ '/files/{fileId}:startUpload': { post: OK }, '/files/{fileId}.json': get }),
    errors: [{ path: at('/files/{fileId}:startUpload'), message: /"{fileId}:startUpload".*"{fileId}:start-upload"/ }],
  },
  {
    name: 'versions, dotted names, .well-known, @me and x- extension keys are fine',
    document: spec({ '/v1.2/teams': get, '/.well-known/openid-configuration': get, '/users/@me': get, '/openapi.json': get, '/': get, 'x-Internal_Notes': { get: OK } }),
    errors: [],
  },
]);

testRule('apigate-path-param-snake-case', [
  {
    name: 'camelCase and PascalCase parameters; one finding per name per path',
    document: spec({ '/teams/{teamId}/members/{MemberID}/{teamId}': get }),
    errors: [
      { path: at('/teams/{teamId}/members/{MemberID}/{teamId}'), message: 'Path parameter "{MemberID}" is not snake_case: rename it to "{member_id}" here and in its parameter definition.' },
      { path: at('/teams/{teamId}/members/{MemberID}/{teamId}'), message: /"{teamId}".*"{team_id}"/ },
    ],
  },
  {
    name: 'snake_case and single words are fine, also inside mixed segments',
    document: spec({ '/teams/{team_id}/files/{file_name}.{format}': get, '/repos/{owner}/{repo}': get }),
    errors: [],
  },
]);

testRule('apigate-path-no-trailing-slash', [
  {
    name: 'trailing slashes on 3.0 and 3.1 documents, the root path is fine',
    document: spec({ '/': get, '/teams/': get, '/teams/{team_id}/': get }, {}, '3.0.3'),
    errors: [
      { path: at('/teams/'), message: 'Path "/teams/" ends with a slash: declare it as "/teams".' },
      { path: at('/teams/{team_id}/'), message: /declare it as "\/teams\/\{team_id\}"/ },
    ],
  },
  {
    name: 'also Swagger 2.0, where it replaces Spectral\'s path-keys-no-trailing-slash',
    document: { swagger: '2.0', info: { title: 'x', version: '1' }, paths: { '/teams/': get } },
    errors: [{ path: at('/teams/') }],
  },
]);

testRule('apigate-path-nesting', [
  {
    name: 'a collection nested under a collection known by its item path; suggests the item parameter in use',
    document: spec({ '/orgs/{org}/teams/{id}': get, '/orgs/{org}/teams/members': get }),
    errors: [{ path: at('/orgs/{org}/teams/members'), message: 'Collection "members" is nested directly under the collection "teams": put it under one team, e.g. "/orgs/{org}/teams/{id}/members".' }],
  },
  {
    name: 'a collection known by its list GET',
    document: spec({ '/categories': listOfObjects, '/categories/products': get }),
    errors: [{ path: at('/categories/products'), message: /put it under one category, e.g. "\/categories\/\{category_id\}\/products"/ }],
  },
  {
    name: 'the suggested item parameter is the singular of the parent',
    document: spec({ '/releases': listOfObjects, '/releases/assets': get, '/addresses': listOfObjects, '/addresses/labels-sets': get }),
    errors: [
      { path: at('/releases/assets'), message: /one release, e.g. "\/releases\/\{release_id\}\/assets"/ },
      { path: at('/addresses/labels-sets'), message: /one address, e.g. "\/addresses\/\{address_id\}\/labels-sets"/ },
    ],
  },
  {
    name: 'namespaces, singletons and properly nested collections are fine',
    document: spec({
      '/teams/{team_id}': get,
      '/teams/{team_id}/members': get,
      '/teams/search': get,
      '/teams/details': get,
      '/teams/stats': get,
      '/actions/runs': get,
      '/billing/invoices': get,
      '/albums/contains': get,
      '/albums': listOfObjects,
      '/databases/{database_id}': get,
      '/databases/options': get,
      '/roles/{role_id}': get,
      '/roles/member-counts': get,
    }),
    errors: [],
  },
]);
