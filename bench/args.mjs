// Flags shared by the benchmarks: `--name value`, parsed by node's own util.parseArgs.
import { parseArgs } from 'node:util';

const kebab = (key) => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/**
 * Reads `--flag value` for every key of `defaults` (camelCase keys, kebab-case flags). A flag whose default is a
 * number must be a whole number, at least `min[key]` (default 1); unknown flags are an error.
 */
export function readFlags(argv, defaults, min = {}) {
  const options = Object.fromEntries(Object.keys(defaults).map((key) => [kebab(key), { type: 'string' }]));
  const { values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false });
  const result = { ...defaults };
  for (const [key, fallback] of Object.entries(defaults)) {
    const raw = values[kebab(key)];
    if (raw === undefined) continue;
    if (typeof fallback !== 'number') {
      result[key] = raw;
      continue;
    }
    const number = Number(raw);
    const least = min[key] ?? 1;
    if (!Number.isInteger(number) || number < least) throw new Error(`--${kebab(key)} must be a whole number of at least ${least}`);
    result[key] = number;
  }
  return result;
}
