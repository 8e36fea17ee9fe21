import type { CoverageTotals, Ratio } from './types.js';

export interface CoverageThresholds {
  /** Minimum percentages, 0–100. */
  operations?: number;
  responses?: number;
  auth?: number;
}

export interface ThresholdShortfall {
  metric: keyof CoverageThresholds;
  flag: string;
  actual: number;
  required: number;
  message: string;
}

const LABELS: Record<keyof CoverageThresholds, { flag: string; label: string }> = {
  operations: { flag: '--min-operations', label: 'operations covered' },
  responses: { flag: '--min-responses', label: 'documented responses covered' },
  auth: { flag: '--min-auth', label: 'auth scenarios covered' },
};

export function formatPercent(value: number): string {
  return `${Number(value.toFixed(1))}%`;
}

/**
 * Compares exact ratios, not the rounded percentages shown in reports, so 79.96% never passes an 80% gate.
 * A metric with nothing to cover (no secured operations for `--min-auth`) cannot fall short.
 */
export function checkThresholds(totals: CoverageTotals, thresholds: CoverageThresholds): ThresholdShortfall[] {
  const shortfalls: ThresholdShortfall[] = [];
  for (const metric of ['operations', 'responses', 'auth'] as const) {
    const required = thresholds[metric];
    const measured: Ratio = totals[metric];
    if (required === undefined || measured.total === 0) continue;
    const actual = (measured.covered / measured.total) * 100;
    if (actual + 1e-9 >= required) continue;
    const { flag, label } = LABELS[metric];
    const gap = Math.max(0.1, Number((required - actual).toFixed(1)));
    shortfalls.push({
      metric,
      flag,
      actual,
      required,
      message: `${label} ${Number(actual.toFixed(1)) >= required ? `${actual.toFixed(2)}%` : formatPercent(actual)} (${measured.covered}/${measured.total}) is below ${flag} ${formatPercent(required)} by ${gap} points`,
    });
  }
  return shortfalls;
}
