import { ApigateError } from '../errors.js';

/** Everything a command touches of the process, so commands run in-process in tests. */
export interface CliIo {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether standard output may carry colour (a TTY and no NO_COLOR). */
  color: boolean;
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1000, kb: 1000, kib: 1024, m: 1e6, mb: 1e6, mib: 1024 ** 2, g: 1e9, gb: 1e9, gib: 1024 ** 3 };

export function parseByteSize(text: string, flag: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match ? UNITS[(match[2] ?? '').toLowerCase()] : undefined;
  if (!match || unit === undefined) throw new ApigateError('E_USAGE', `${flag}: "${text}" is not a size (e.g. 20MiB, 500KB, 1048576)`);
  return Math.floor(Number(match[1]) * unit);
}

export function parsePositiveInteger(text: string, flag: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) <= 0) throw new ApigateError('E_USAGE', `${flag}: "${text}" is not a positive whole number`);
  return Number(text);
}
