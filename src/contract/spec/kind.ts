import type { OperationKind } from '../types.js';

const TEMPLATE_AT_END = /\{[^/{}]+\}\/?$/;

/**
 * How an operation may touch server state. The method decides, except that a POST to an item path
 * (`/things/{id}/archive`) is an action with unknown effects, not a create, so it is `other`.
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
