/**
 * Word-level naming helpers shared by the naming, path and collection rules: splitting identifiers into
 * words, case checks with suggested spellings, and the plural/verb heuristics behind the path rules.
 * The heuristics lean towards silence: a style finding the user has to argue with costs more than a missed one.
 */

/** Splits `getTeamMembers`, `team-members`, `team_members`, `HTTPServer` into lower-case words. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

/** Lower-case words joined by single underscores; a leading digit (`3ds_result`) is still snake_case. */
const SNAKE_CASE = /^[a-z0-9]+(_[a-z0-9]+)*$/;

export function isSnakeCase(name: string): boolean {
  return SNAKE_CASE.test(name);
}

export function toSnakeCase(name: string): string {
  return wordsOf(name).join('_');
}

export function toKebabCase(name: string): string {
  return wordsOf(name).join('-');
}

/**
 * Names whose spelling is fixed by a standard rather than chosen by the API designer: JSON-LD keywords
 * (`@id`), JSON Schema / OData keywords (`$schema`, `$top`) and HAL's `_links` / `_embedded`.
 */
export function isProtocolDefinedName(name: string): boolean {
  return /^[@$]/.test(name) || name === '_links' || name === '_embedded';
}

/** `v1`, `v2`, `v1beta`, `v1alpha1`, `v1.2`: a version segment, never a resource name. */
export function isVersionSegment(segment: string): boolean {
  return /^v\d+((alpha|beta|rc|preview|dev)\d*)?(\.\d+)*$/i.test(segment);
}

/** A major version in a URL or path: a `/v1`-style segment. */
export function hasMajorVersionSegment(urlOrPath: string): boolean {
  return urlOrPath.split(/[/?#]/).some((segment) => /^v\d+((alpha|beta|rc|preview|dev)\d*)?$/i.test(segment));
}

/** Nouns that are fine in the singular: uncountables, singletons and conventional endpoint names. */
const SINGULAR_ALLOWED = new Set([
  'me', 'self', 'current', 'latest', 'default', 'all', 'mine',
  'health', 'healthz', 'livez', 'readyz', 'status', 'ping', 'info', 'information', 'metadata', 'meta', 'version',
  'config', 'configuration', 'auth', 'oauth', 'oauth2', 'login', 'logout', 'signup', 'token', 'session',
  'search', 'billing', 'inventory', 'equipment', 'feedback', 'content', 'software', 'hardware', 'news',
  'analytics', 'history', 'audit', 'access', 'usage', 'data', 'media', 'staff', 'personnel', 'traffic', 'weather',
  'money', 'evidence', 'advice', 'knowledge', 'research', 'storage', 'bandwidth', 'compute', 'sheep', 'fish',
  'deer', 'aircraft', 'spacecraft', 'api', 'rest', 'graphql', 'admin', 'public', 'private', 'internal',
  'schema', 'openapi', 'swagger', 'docs', 'graph', 'batch', 'bulk', 'export', 'import', 'upload', 'download',
  'settings', 'preferences', 'profile', 'account', 'dashboard', 'home', 'root', 'index', 'summary', 'overview',
  'stats', 'statistics', 'count', 'total', 'well-known', 'webhook', 'callback', 'realtime', 'live', 'details',
  'following', 'log', 'timeline', 'feed', 'stream', 'inbox', 'outbox', 'code', 'activity',
]);

/** Words ending in `-s` that are verbs or adjectives in path names (`/albums/contains`), never collections. */
const NOT_NOUNS = new Set(['contains', 'exists', 'matches', 'includes', 'equals', 'has', 'is', 'does', 'was', 'this', 'previous', 'various']);

/** `recently-played`, `archived`: a past participle describes a view, it does not name a resource. */
function isParticiple(word: string): boolean {
  return word.length > 4 && word.endsWith('ed') && !word.endsWith('eed');
}

const IRREGULAR_PLURALS = new Set([
  'people', 'children', 'men', 'women', 'feet', 'teeth', 'mice', 'geese', 'data', 'media', 'criteria', 'indices',
  'matrices', 'vertices', 'appendices', 'phenomena', 'alumni', 'fungi', 'cacti', 'nuclei', 'radii', 'stimuli',
  'syllabi', 'bacteria', 'curricula', 'memoranda', 'strata', 'series', 'species', 'metadata', 'info',
]);

/** Singular nouns that end in `-us`; every other `-s` ending reads as a plural. */
const SINGULAR_US = new Set([
  'status', 'bonus', 'virus', 'campus', 'census', 'corpus', 'focus', 'radius', 'stimulus', 'syllabus', 'consensus',
  'apparatus', 'prospectus', 'nexus', 'cactus', 'abacus', 'octopus', 'onus', 'bus', 'plus', 'surplus', 'genus',
]);

/** True when the word reads as a plural (or a noun that has no plural worth asking for). */
export function isPluralOrUncountable(word: string): boolean {
  const lower = word.toLowerCase();
  if (SINGULAR_ALLOWED.has(lower) || IRREGULAR_PLURALS.has(lower) || NOT_NOUNS.has(lower) || isParticiple(lower)) return true;
  if (!lower.endsWith('s')) return false;
  if (/(ss|sis|xis)$/.test(lower)) return false;
  if (lower.endsWith('us')) return !SINGULAR_US.has(lower);
  return true;
}

/** A strictly plural reading: used where a singular-allowed word must not count as a collection. */
export function isPluralNoun(word: string): boolean {
  const lower = word.toLowerCase();
  if (IRREGULAR_PLURALS.has(lower)) return !['info', 'metadata', 'data', 'media'].includes(lower);
  if (SINGULAR_ALLOWED.has(lower) || NOT_NOUNS.has(lower)) return false;
  return lower.length > 2 && lower.endsWith('s') && !/(ss|sis|xis)$/.test(lower) && !(lower.endsWith('us') && SINGULAR_US.has(lower));
}

/**
 * Plural nouns that describe a collection rather than sit inside one: `/databases/options`,
 * `/roles/member-counts`, `/apps/regions` list facts about the parent collection, not its children.
 */
const COLLECTION_FACETS = new Set([
  'options', 'metrics', 'counts', 'stats', 'statistics', 'sizes', 'types', 'kinds', 'limits', 'quotas', 'defaults',
  'settings', 'permissions', 'capabilities', 'features', 'versions', 'regions', 'tiers', 'templates', 'schemas',
  'fields', 'attributes', 'filters', 'facets', 'aggregations', 'summaries', 'totals', 'pins', 'tags', 'labels',
]);

export function isCollectionFacet(word: string): boolean {
  return COLLECTION_FACETS.has(word.toLowerCase());
}

/** `teams` → `team`, `addresses` → `address`, `categories` → `category`, `releases` → `release`. */
export function singularOf(word: string): string {
  if (/ies$/i.test(word)) return word.replace(/ies$/i, 'y');
  if (/(sses|ches|shes|xes|zes)$/i.test(word)) return word.replace(/es$/i, '');
  if (/s$/i.test(word) && !/ss$/i.test(word)) return word.replace(/s$/i, '');
  return word;
}

/** A best-effort plural for messages; good enough to show what is meant. */
export function pluralOf(word: string): string {
  if (/sis$/.test(word)) return word.replace(/sis$/, 'ses');
  if (/[^aeiou]y$/.test(word)) return word.replace(/y$/, 'ies');
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (word === 'person') return 'people';
  if (word === 'child') return 'children';
  return `${word}s`;
}

/**
 * Words that read as verbs wherever they stand: a segment starting with one is an action (`/getTeams`,
 * `/create-invitation`, `/cancel`). Words that are nouns as often as verbs (`export`, `search`, `check`,
 * `lock`, `order`, `report`, `post`, `patch`, `load`) are left out on purpose: they name resources in good APIs.
 */
const VERBS = new Set([
  'get', 'list', 'create', 'update', 'delete', 'remove', 'fetch', 'retrieve', 'find', 'modify', 'edit',
  'activate', 'deactivate', 'enable', 'disable', 'cancel', 'approve', 'reject', 'send', 'resend', 'submit',
  'execute', 'rerun', 'trigger', 'invalidate', 'validate', 'verify', 'revoke', 'publish', 'unpublish', 'assign',
  'unassign', 'insert', 'upsert', 'destroy', 'erase', 'purge', 'calculate', 'subscribe', 'unsubscribe',
  'suspend', 'resume', 'renew', 'reactivate', 'confirm', 'compare', 'terminate', 'unregister',
]);

/**
 * Verbs that also modify nouns in compound names (`load_balancers`, `add-ons`, `restart_count`,
 * `start_date`): an action only as a whole segment (`/restart`) or as the head of a camelCase name
 * (`/addMember`), the shape RPC-style paths take.
 */
const MODIFIER_VERBS = new Set([
  'add', 'set', 'save', 'start', 'stop', 'restart', 'reset', 'refresh', 'apply', 'convert', 'clone', 'generate',
  'make', 'do', 'load', 'run', 'put', 'post', 'patch', 'read', 'write', 'change', 'transfer', 'register', 'upload',
  'download', 'import', 'export', 'search', 'query', 'compute',
]);

/** Stand-alone words in MODIFIER_VERBS that are conventional resource names, never flagged alone. */
const RESOURCE_ALONE = new Set(['search', 'query', 'import', 'export', 'upload', 'download', 'load', 'compute', 'run', 'post', 'patch', 'transfer', 'register', 'change']);

/** The verb a segment starts with (`getTeams` → `get`, `activate` → `activate`), if any. */
export function leadingVerb(segment: string): string | undefined {
  const words = wordsOf(segment);
  const first = words[0];
  if (first === undefined) return undefined;
  if (VERBS.has(first)) return first;
  if (!MODIFIER_VERBS.has(first)) return undefined;
  if (words.length === 1) return RESOURCE_ALONE.has(first) ? undefined : first;
  const lowerCamel = /^[a-z]+[A-Z]/.test(segment) && !/[-_]/.test(segment);
  return lowerCamel ? first : undefined;
}

/** The path templates of a `paths` object; `x-` extension keys are not paths. */
export function pathTemplatesOf(paths: unknown): string[] {
  if (paths === null || typeof paths !== 'object' || Array.isArray(paths)) return [];
  return Object.keys(paths).filter((key) => key.startsWith('/'));
}

/** Segments of a path template, without the empty segment before the leading slash. */
export function pathSegments(path: string): string[] {
  return path.split('/').filter((segment, index) => index > 0 || segment !== '');
}

export function isTemplateSegment(segment: string): boolean {
  return segment.includes('{');
}

/** `{team_id}` → [`team_id`]; `{owner}:{repo}` → [`owner`, `repo`]. */
export function templateNames(segment: string): string[] {
  return [...segment.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1] ?? '');
}

/** A static segment names a resource when it starts with a letter (not `2010-04-01`, `.well-known`, `@me`). */
export function isResourceNameSegment(segment: string): boolean {
  return /^[A-Za-z]/.test(segment) && !isTemplateSegment(segment) && !isVersionSegment(segment);
}
