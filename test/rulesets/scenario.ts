import { describe, expect, it } from 'vitest';
import { lintWithOnlyRule } from '../helpers/rules.js';

export interface Scenario {
  name: string;
  document: object;
  /** Findings in report order: the JSON path, and the message when it matters. */
  errors: { path: (string | number)[]; message?: string | RegExp }[];
}

/** Spectral's `testRule` style: one rule enabled, a table of documents and the exact findings each produces. */
export function testRule(ruleId: string, scenarios: Scenario[]): void {
  describe(ruleId, () => {
    it.each(scenarios)('$name', async ({ document, errors }) => {
      const findings = await lintWithOnlyRule(ruleId, document);
      expect(findings.map((finding) => finding.path.map(String))).toEqual(errors.map((error) => error.path.map(String)));
      errors.forEach((error, index) => {
        if (error.message === undefined) return;
        const message = findings[index]!.message;
        if (typeof error.message === 'string') expect(message).toBe(error.message);
        else expect(message).toMatch(error.message);
      });
    });
  });
}

/** A minimal OpenAPI document around the given paths (and components). */
export function spec(paths: object, extra: object = {}, openapi = '3.1.0'): object {
  return { openapi, info: { title: 'Scenario', version: '1.0.0' }, paths, ...extra };
}

/** A GET whose 200 response has this JSON schema. */
export function getReturning(schema: unknown, more: object = {}): object {
  return { get: { ...more, responses: { '200': { description: 'OK', content: { 'application/json': { schema } } } } } };
}

export const OK = { responses: { '200': { description: 'OK' } } };
