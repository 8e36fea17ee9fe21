import { ApigateError } from '../../errors.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatStylish } from './stylish.js';
import type { ContractReport } from './types.js';

export interface ContractFormatContext {
  /** Whether the output may carry ANSI colour (a terminal, no NO_COLOR, not a file). */
  color: boolean;
}

/** Pure: a finished (already redacted) report in, text out. */
export type ContractFormatter = (report: ContractReport, context: ContractFormatContext) => string;

export const CONTRACT_FORMATTERS: Record<string, ContractFormatter> = {
  stylish: formatStylish,
  json: formatJson,
  junit: formatJunit,
};

export const CONTRACT_FORMAT_NAMES = Object.keys(CONTRACT_FORMATTERS);

export function getContractFormatter(name: string): ContractFormatter {
  const formatter = CONTRACT_FORMATTERS[name];
  if (!formatter) throw new ApigateError('E_USAGE', `--report: unknown format "${name}" (expected ${CONTRACT_FORMAT_NAMES.join(', ')})`);
  return formatter;
}

export type { ContractReport } from './types.js';
