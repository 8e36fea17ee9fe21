/**
 * Which security applies to an operation. Operation-level `security` replaces the document-level one; an
 * empty list, or a list containing only empty requirements (`[{}]`), means anonymous access is allowed. A
 * document-level `security: []` is as explicit as an operation-level one: the author declared the API public.
 */
import { isObject, type Json } from './openapi.js';

export type SecurityState =
  /** No `security` at the operation or the document level. */
  | 'undeclared'
  /** `security: []` (or only `{}` requirements) on the operation, or on the document with no operation override. */
  | 'public'
  /** At least one non-empty requirement, possibly alongside `{}` (optional authentication). */
  | 'secured';

function isEmptyRequirementList(list: unknown[]): boolean {
  return list.every((requirement) => isObject(requirement) && Object.keys(requirement).length === 0);
}

export function securityStateOf(document: unknown, operation: Json): SecurityState {
  const local = operation['security'];
  if (Array.isArray(local)) return isEmptyRequirementList(local) ? 'public' : 'secured';
  const global = isObject(document) ? document['security'] : undefined;
  if (Array.isArray(global)) return isEmptyRequirementList(global) ? 'public' : 'secured';
  return 'undeclared';
}
