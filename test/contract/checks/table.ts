import { describe, expect, it } from 'vitest';
import type { Check, CheckFailure } from '../../../src/contract/types.js';
import { exchange, type ExchangeDescription } from './exchange.js';

export interface CheckRow {
  name: string;
  exchange: ExchangeDescription;
  /** Exactly what the check returns; `[]` for a conformant exchange. */
  failures: CheckFailure[];
}

/** A check's behaviour as a table; every table must show the check both firing and staying silent. */
export function checkTable(check: Check, rows: CheckRow[]): void {
  describe(check.id, () => {
    it('has rows where it fires and rows where it stays silent', () => {
      expect(rows.some((row) => row.failures.length > 0)).toBe(true);
      expect(rows.some((row) => row.failures.length === 0)).toBe(true);
    });
    it.each(rows.map((row) => [row.name, row] as const))('%s', (_name, row) => {
      expect(check.run(exchange(row.exchange))).toEqual(row.failures);
    });
  });
}
