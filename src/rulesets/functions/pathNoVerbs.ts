import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { isResourceNameSegment, leadingVerb, pathSegments, pathTemplatesOf } from '../lib/naming.js';
import { isObject } from '../lib/openapi.js';

/** The HTTP method is the verb: `POST /teams`, not `/createTeam`; `POST /teams/{team_id}/activation`, not `/activate`. */
export default createRulesetFunction<unknown, null>({ input: null, options: null }, function pathNoVerbs(paths) {
  if (!isObject(paths)) return [];
  const results: IFunctionResult[] = [];
  for (const path of pathTemplatesOf(paths)) {
    for (const segment of new Set(pathSegments(path).filter(isResourceNameSegment))) {
      const verb = leadingVerb(segment);
      if (!verb) continue;
      results.push({
        message: `Path segment "${segment}" is a verb ("${verb}"): name the resource with a noun and let the HTTP method say what happens.`,
        path: ['paths', path],
      });
    }
  }
  return results;
});
