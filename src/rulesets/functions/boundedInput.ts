import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { hasType, walkInputSchemas } from '../lib/inputSchemas.js';
import type { Json } from '../lib/openapi.js';

export type BoundCheck = 'string' | 'integer' | 'array';

/**
 * Formats whose grammar caps the length of a valid value, so a validator that checks the format rejects
 * oversized input: dates and times (RFC 3339), UUIDs, IP addresses and host names (253 characters). Not
 * included: email, uri, byte (base64), password and other open-ended formats. `binary` strings are file
 * contents whose size is limited by the upload limit, not `maxLength`, so they are skipped.
 */
export const LENGTH_BOUNDING_FORMATS = new Set(['date', 'date-time', 'time', 'uuid', 'ipv4', 'ipv6', 'hostname']);

const MESSAGES: Record<BoundCheck, string> = {
  string: 'This request string has no maxLength: add one (or an enum, or a length-bounded format such as date-time or uuid) so oversized input is rejected at the edge (OWASP API4).',
  integer: 'This request integer has no {{bounds}}: add {{bounds}} so out-of-range values (page sizes, amounts) are rejected at the edge (OWASP API4).',
  array: 'This request array has no maxItems: add one so a request cannot carry an unbounded number of items (OWASP API4).',
};

/**
 * Input a client sends is bounded: strings by length, integers by range, arrays by item count. Each schema
 * is reported once, where it is defined. Option `check` picks the kind of schema.
 */
export default createRulesetFunction<unknown, { check: BoundCheck }>(
  {
    input: null,
    options: {
      type: 'object',
      properties: { check: { enum: ['string', 'integer', 'array'] } },
      required: ['check'],
      additionalProperties: false,
    },
  },
  function boundedInput(document, options) {
    const results: IFunctionResult[] = [];
    walkInputSchemas(document, ({ schema, at, inherited }) => {
      const effective: Json = { ...inherited, ...schema };
      const message = problemOf(options.check, schema, effective);
      if (message) results.push({ message, path: at });
    });
    return results;
  },
);

function problemOf(check: BoundCheck, schema: Json, effective: Json): string | undefined {
  if (effective['const'] !== undefined || Array.isArray(effective['enum'])) return undefined;
  switch (check) {
    case 'string':
      if (!hasType(schema, 'string') || effective['format'] === 'binary') return undefined;
      if (typeof effective['maxLength'] === 'number') return undefined;
      if (typeof effective['format'] === 'string' && LENGTH_BOUNDING_FORMATS.has(effective['format'])) return undefined;
      if (typeof effective['pattern'] === 'string' && patternBoundsLength(effective['pattern'])) return undefined;
      return MESSAGES.string;
    case 'integer': {
      if (!hasType(schema, 'integer')) return undefined;
      const missing: string[] = [];
      // 3.0 spells an exclusive bound as `minimum` + `exclusiveMinimum: true`; 3.1 as a numeric `exclusiveMinimum`.
      if (typeof effective['minimum'] !== 'number' && typeof effective['exclusiveMinimum'] !== 'number') missing.push('minimum');
      if (typeof effective['maximum'] !== 'number' && typeof effective['exclusiveMaximum'] !== 'number') missing.push('maximum');
      return missing.length === 0 ? undefined : MESSAGES.integer.replaceAll('{{bounds}}', missing.join(' and '));
    }
    case 'array':
      if (!hasType(schema, 'array') && !(schema['type'] === undefined && schema['items'] !== undefined)) return undefined;
      if (typeof effective['maxItems'] === 'number') return undefined;
      if (schema['items'] === false && Array.isArray(schema['prefixItems'])) return undefined;
      return MESSAGES.array;
  }
}

/**
 * True for an anchored pattern without unbounded repetition (`^[A-Z]{2}$`, `^\d{4,8}$`), which caps the
 * length as surely as `maxLength`. Escapes and character classes are removed first, so `\+` or `[*+]`
 * are not mistaken for quantifiers.
 */
export function patternBoundsLength(pattern: string): boolean {
  if (!pattern.startsWith('^') || !/(^|[^\\])\$$/.test(pattern)) return false;
  const body = pattern
    .replace(/\\./g, 'x')
    .replace(/\[(?:[^\]])*\]/g, 'x');
  return !/[*+]/.test(body) && !/\{\d*,\}/.test(body) && !hasTopLevelAlternation(body);
}

/** `^a|b$` means "starts with a, or ends with b": neither branch is anchored at both ends. */
function hasTopLevelAlternation(body: string): boolean {
  let depth = 0;
  for (const character of body) {
    if (character === '(') depth += 1;
    else if (character === ')') depth = Math.max(0, depth - 1);
    else if (character === '|' && depth === 0) return true;
  }
  return false;
}
