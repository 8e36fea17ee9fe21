/**
 * Errors a user can act on. Each has a stable `code` so callers branch on it rather than on message text;
 * the CLI prints `message` as one line and exits 2. Anything that is not an `ApigateError` is a bug and is
 * reported as such.
 */
export type ApigateErrorCode =
  | 'E_USAGE'
  | 'E_CONFIG'
  | 'E_RULESET'
  | 'E_FILE_NOT_FOUND'
  | 'E_FILE_UNREADABLE'
  | 'E_EMPTY_FILE'
  | 'E_PARSE'
  | 'E_NOT_OPENAPI'
  | 'E_INVALID_SPEC'
  | 'E_REF'
  | 'E_LIMIT'
  | 'E_FORBIDDEN_REF'
  | 'E_NETWORK';

export class ApigateError extends Error {
  readonly code: ApigateErrorCode;

  constructor(code: ApigateErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ApigateError';
    this.code = code;
  }
}

export function isApigateError(error: unknown): error is ApigateError {
  return error instanceof ApigateError;
}
