import { describe, expect, it } from 'vitest';
import { lintWithOnlyRule } from '../helpers/rules.js';

export interface ExpectedError {
  path: string[];
  message?: string | RegExp;
}

export interface Scenario {
  name: string;
  document: object;
  errors: ExpectedError[];
}

/**
 * Spectral-style rule scenarios: each inline document is linted with only `ruleId` enabled and must produce
 * exactly `errors`, in document order (path, and the message where given).
 */
export function testRule(ruleId: string, scenarios: Scenario[]): void {
  describe(ruleId, () => {
    it.each(scenarios)('$name', async ({ document, errors }) => {
      const findings = await lintWithOnlyRule(ruleId, document);
      expect(findings.map((finding) => finding.path)).toEqual(errors.map((error) => error.path));
      errors.forEach((error, index) => {
        if (error.message !== undefined) expect(findings[index]!.message).toMatch(error.message);
      });
    });
  });
}

/** A minimal OpenAPI document around `paths`; `extra` adds or replaces top-level keys. */
export function openapi(paths: object, extra: Record<string, unknown> = {}, version = '3.0.3'): object {
  return { openapi: version, info: { title: 'Scenario', version: '1.0.0' }, paths, ...extra };
}

export function openapi31(paths: object, extra: Record<string, unknown> = {}): object {
  return openapi(paths, extra, '3.1.0');
}

export const ok = { description: 'OK' };
