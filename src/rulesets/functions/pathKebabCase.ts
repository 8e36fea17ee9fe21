import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { pathSegments, pathTemplatesOf, toKebabCase } from '../lib/naming.js';
import { isObject } from '../lib/openapi.js';

/**
 * Only the static text of a segment is checked (`{file_id}:download` → `download`); upper-case letters and
 * underscores are what breaks kebab-case. Dots (`openapi.json`, `v1.2`) and a leading `.`/`@`
 * (`.well-known`, `@me`) are left alone.
 */
function offendingSegments(path: string): string[] {
  return pathSegments(path).filter((segment) =>
    segment
      .replace(/\{[^{}]*\}/g, ' ')
      .split(/[\s.:]+/)
      .some((piece) => /[A-Z_]/.test(piece)),
  );
}

export default createRulesetFunction<unknown, null>({ input: null, options: null }, function pathKebabCase(paths) {
  if (!isObject(paths)) return [];
  const results: IFunctionResult[] = [];
  for (const path of pathTemplatesOf(paths)) {
    for (const segment of new Set(offendingSegments(path))) {
      const suggestion = segment.replace(/[^{}.:]+(?![^{]*\})/g, (text) => toKebabCase(text) || text);
      results.push({
        message: `Path segment "${segment}" is not kebab-case: use lower-case words joined by hyphens ("${suggestion}").`,
        path: ['paths', path],
      });
    }
  }
  return results;
});
