import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { isObject } from '../lib/openapi.js';
import { isTemplateSegment, pathSegments } from '../lib/resourcePaths.js';

const HEALTH_SEGMENTS = new Set(['health', 'healthz', 'healthcheck', 'livez', 'liveness', 'live', 'ping']);
const READINESS_SEGMENTS = new Set(['ready', 'readyz', 'readiness']);

/**
 * Orchestrators, load balancers and monitors need a liveness check and a readiness check. Accepted under
 * any literal prefix (`/v1/health`, `/actuator/health`) and nested (`/health/ready`); paths with template
 * segments are resource paths, not probes. The input is the `paths` object.
 */
export default createRulesetFunction<unknown, null>({ input: null, options: null }, function healthEndpoints(paths, _options, context) {
  if (!isObject(paths) || Object.keys(paths).length === 0) return [];
  let health = false;
  let readiness = false;
  for (const [path, pathItem] of Object.entries(paths)) {
    if (!isObject(pathItem) || !(isObject(pathItem['get']) || isObject(pathItem['head']))) continue;
    const segments = pathSegments(path).map((segment) => segment.toLowerCase());
    if (segments.some(isTemplateSegment)) continue;
    if (segments.some((segment) => HEALTH_SEGMENTS.has(segment))) health = true;
    if (segments.some((segment) => READINESS_SEGMENTS.has(segment))) readiness = true;
  }
  const missing = [health ? undefined : 'health (liveness) endpoint (GET /health or /healthz)', readiness ? undefined : 'readiness endpoint (GET /ready or /readyz)'].filter(
    (item): item is string => item !== undefined,
  );
  if (missing.length === 0) return [];
  const result: IFunctionResult = {
    message: `The API documents no ${missing.join(' and no ')}: add ${missing.length === 2 ? 'them' : 'one'} so orchestrators, load balancers and monitors can probe the service.`,
    path: context.path,
  };
  return [result];
});
