import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { pathTemplatesOf } from '../lib/naming.js';
import { isObject } from '../lib/openapi.js';

/** `/teams/` and `/teams` are different URLs to most servers and caches; the root path `/` is fine. */
export default createRulesetFunction<unknown, null>({ input: null, options: null }, function pathNoTrailingSlash(paths) {
  if (!isObject(paths)) return [];
  const results: IFunctionResult[] = [];
  for (const path of pathTemplatesOf(paths)) {
    if (path.length > 1 && path.endsWith('/')) {
      results.push({ message: `Path "${path}" ends with a slash: declare it as "${path.replace(/\/+$/, '') || '/'}".`, path: ['paths', path] });
    }
  }
  return results;
});
