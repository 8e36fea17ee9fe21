import { ApigateError } from '../errors.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export type { FormatContext, Formatter } from './types.js';

/** Every output format by the name users pass to `--format`. */
export const FORMATTERS = {
  stylish,
  json,
  sarif,
  junit,
  github,
  markdown,
  gitlab,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];

export function getFormatter(name: string): Formatter {
  const formatter = (FORMATTERS as Record<string, Formatter>)[name];
  if (!formatter) {
    throw new ApigateError('E_USAGE', `unknown format "${name}" (choose from ${FORMAT_NAMES.join(', ')})`);
  }
  return formatter;
}
