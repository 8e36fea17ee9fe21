import type { OperationModel } from './types.js';

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (const char of glob) {
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'i');
}

/**
 * Whether an operation matches a pattern written as its key (`GET /v1/teams/*`), its path alone
 * (`/v1/teams/{team_id}`), or its operationId (`listTeams`); `*` crosses `/`, which is what people expect.
 */
export function operationMatches(operation: OperationModel, pattern: string): boolean {
  const trimmed = pattern.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return false;
  const regexp = globToRegExp(trimmed);
  return regexp.test(operation.key) || regexp.test(operation.path) || (operation.operationId !== undefined && regexp.test(operation.operationId));
}

export function selectOperations(operations: OperationModel[], include: string[], exclude: string[]): OperationModel[] {
  return operations.filter(
    (operation) =>
      (include.length === 0 || include.some((pattern) => operationMatches(operation, pattern))) &&
      !exclude.some((pattern) => operationMatches(operation, pattern)),
  );
}
