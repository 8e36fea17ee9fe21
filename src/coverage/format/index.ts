import { ApigateError } from '../../errors.js';
import type { CoverageReport } from '../types.js';
import type { CoverageFormatOptions } from './common.js';
import { formatCoverageHtml } from './html.js';
import { formatCoverageJson } from './json.js';
import { formatCoverageMarkdown } from './markdown.js';
import { formatCoverageText } from './text.js';

export type { CoverageFormatOptions } from './common.js';
export type CoverageFormatter = (report: CoverageReport, options?: CoverageFormatOptions) => string;

export const COVERAGE_FORMATS = {
  text: formatCoverageText,
  json: formatCoverageJson,
  markdown: formatCoverageMarkdown,
  html: formatCoverageHtml,
} satisfies Record<string, CoverageFormatter>;

export const COVERAGE_FORMAT_NAMES = Object.keys(COVERAGE_FORMATS) as Array<keyof typeof COVERAGE_FORMATS>;

export function getCoverageFormatter(name: string): CoverageFormatter {
  const formatter = (COVERAGE_FORMATS as Record<string, CoverageFormatter>)[name];
  if (!formatter) throw new ApigateError('E_USAGE', `unknown coverage format "${name}" (choose from ${COVERAGE_FORMAT_NAMES.join(', ')})`);
  return formatter;
}
