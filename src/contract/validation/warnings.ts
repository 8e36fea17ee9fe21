/**
 * The validator reports problems with a schema (not with the response) as warnings; these are the fixed
 * titles a report shows for them, kept beside the texts they classify.
 */
export const AMBIGUOUS_SCHEMA = 'ambiguous schema';
export const WRITE_ONLY_PRESENT = 'is writeOnly in';
export const NOT_ENFORCED = 'not enforced';

export function warningTitle(warning: string): string {
  if (warning.includes(WRITE_ONLY_PRESENT)) return 'Response carries a writeOnly property';
  if (warning.includes(AMBIGUOUS_SCHEMA)) return 'Schema cannot be validated unambiguously';
  return 'Schema is not fully validated';
}
