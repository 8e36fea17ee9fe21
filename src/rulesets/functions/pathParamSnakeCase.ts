import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { isSnakeCase, pathSegments, pathTemplatesOf, templateNames, toSnakeCase } from '../lib/naming.js';
import { isObject } from '../lib/openapi.js';

/** Reported at the path key: the template is where the name is declared; `path-params` keeps the parameter in step. */
export default createRulesetFunction<unknown, null>({ input: null, options: null }, function pathParamSnakeCase(paths) {
  if (!isObject(paths)) return [];
  const results: IFunctionResult[] = [];
  for (const path of pathTemplatesOf(paths)) {
    const names = new Set(pathSegments(path).flatMap(templateNames));
    for (const name of names) {
      if (name === '' || isSnakeCase(name)) continue;
      results.push({
        message: `Path parameter "{${name}}" is not snake_case: rename it to "{${toSnakeCase(name) || name}}" here and in its parameter definition.`,
        path: ['paths', path],
      });
    }
  }
  return results;
});
