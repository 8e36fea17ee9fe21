import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { isObject, type Json, type JsonPathSegments } from '../lib/openapi.js';
import { pathOperationsOf } from '../lib/payloads.js';

interface Options {
  /** Shortest allowed time between `x-deprecated-at` and `x-sunset`, in calendar months. */
  minimumMonths: number;
}

/** ISO 8601 dates and date-times, or HTTP-dates (the `Sunset` header's format); YAML may hand over a `Date`. */
function parseDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) && !/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4}/.test(text)) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time);
}

function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function checkWindow(owner: Json, at: JsonPathSegments, minimumMonths: number): IFunctionResult[] {
  if (!('x-deprecated-at' in owner) || !('x-sunset' in owner)) return [];
  const deprecatedAt = parseDate(owner['x-deprecated-at']);
  const sunset = parseDate(owner['x-sunset']);
  const problems: IFunctionResult[] = [];
  if (!deprecatedAt) {
    problems.push({ message: '"x-deprecated-at" is not a date: write it as an ISO 8601 date such as "2025-01-31".', path: [...at, 'x-deprecated-at'] });
  }
  if (!sunset) {
    problems.push({ message: '"x-sunset" is not a date: write it as an ISO 8601 date such as "2025-07-31".', path: [...at, 'x-sunset'] });
  }
  if (!deprecatedAt || !sunset) return problems;
  const earliest = addMonths(deprecatedAt, minimumMonths);
  if (sunset.getTime() >= earliest.getTime()) return [];
  return [
    {
      message:
        sunset.getTime() < deprecatedAt.getTime()
          ? `"x-sunset" (${isoDay(sunset)}) is before "x-deprecated-at" (${isoDay(deprecatedAt)}): the sunset must come at least ${minimumMonths} months after the deprecation.`
          : `Deprecation window is shorter than ${minimumMonths} months: sunset ${isoDay(sunset)} comes too soon after deprecation on ${isoDay(deprecatedAt)}; sunset on ${isoDay(earliest)} or later.`,
      path: [...at, 'x-sunset'],
    },
  ];
}

export default createRulesetFunction<unknown, Options>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { minimumMonths: { type: 'integer', minimum: 0 } },
      required: ['minimumMonths'],
    },
  },
  function deprecationWindow(document, options) {
    const minimumMonths = options.minimumMonths;
    const results: IFunctionResult[] = [];
    if (isObject(document) && isObject(document['paths'])) {
      for (const [path, pathItem] of Object.entries(document['paths'])) {
        if (path.startsWith('/') && isObject(pathItem)) results.push(...checkWindow(pathItem, ['paths', path], minimumMonths));
      }
    }
    for (const operation of pathOperationsOf(document)) {
      results.push(...checkWindow(operation.operation, operation.at, minimumMonths));
    }
    return results;
  },
);
