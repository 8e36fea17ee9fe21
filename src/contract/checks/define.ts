import type { Check } from '../types.js';

/**
 * Identity function that gives a check module its type; `id` is literal so the registry can list the ids
 * (and a misspelt one is a compile error where the union is used).
 */
export function defineCheck<Id extends string>(check: Check & { id: Id }): Check & { id: Id } {
  return check;
}
