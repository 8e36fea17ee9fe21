import type { OperationKind } from '../types.js';

const TEMPLATE_AT_END = /\{[^/{}]+\}\/?$/;

/**
 * How an operation may touch server state, from its method alone. A POST is refined by `refinePostKind`
 * once the whole spec is known.
 */
export function classifyOperation(method: string, path: string, explicit?: unknown): OperationKind {
  if (explicit === 'read' || explicit === 'create' || explicit === 'update' || explicit === 'delete' || explicit === 'other') {
    return explicit;
  }
  switch (method.toUpperCase()) {
    case 'GET':
    case 'HEAD':
    case 'OPTIONS':
      return 'read';
    case 'POST':
      return TEMPLATE_AT_END.test(path) || /\/[a-z-]+:[a-z]+$/i.test(path) ? 'other' : 'create';
    case 'PUT':
    case 'PATCH':
      return 'update';
    case 'DELETE':
      return 'delete';
    default:
      return 'other';
  }
}

/**
 * A POST creates when it looks like a collection's: it documents a 201, or the same path has a GET or an item
 * path below it (`/teams/{team_id}/members` next to `/teams/{team_id}/members/{member_id}`). Otherwise it is an
 * action with unknown effects (`/things/{id}/archive`, `/admin/maintenance`) and is `other`.
 */
export function refinePostKind(path: string, statuses: string[], siblings: { path: string; method: string }[]): OperationKind {
  if (TEMPLATE_AT_END.test(path)) return 'other';
  if (statuses.includes('201')) return 'create';
  const collection = path.replace(/\/+$/, '');
  const hasList = siblings.some((sibling) => sibling.path === path && sibling.method === 'GET');
  const hasItem = siblings.some((sibling) => sibling.path.startsWith(`${collection}/{`) && /^\{[^/{}]+\}$/.test(sibling.path.slice(collection.length + 1)));
  return hasList || hasItem ? 'create' : 'other';
}
