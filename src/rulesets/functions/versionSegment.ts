import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { hasMajorVersionSegment, pathTemplatesOf } from '../lib/naming.js';
import { isObject, type Json } from '../lib/openapi.js';

/** A server URL with its variables replaced by their defaults: `https://api.example.com/{version}` → `/v1`. */
function expandServerUrl(server: Json): string | undefined {
  const url = server['url'];
  if (typeof url !== 'string') return undefined;
  const variables = isObject(server['variables']) ? server['variables'] : {};
  return url.replace(/\{([^{}]*)\}/g, (whole, name: string) => {
    const variable = variables[name];
    return isObject(variable) && typeof variable['default'] === 'string' ? variable['default'] : whole;
  });
}

/**
 * The major version may live in the server URLs or in the paths, but it must be in one of them everywhere:
 * one unversioned path or server means clients of that part cannot be moved to a v2 side by side.
 */
export default createRulesetFunction<unknown, null>({ input: null, options: null }, function versionSegment(document) {
  if (!isObject(document)) return [];
  const servers = Array.isArray(document['servers']) ? (document['servers'] as unknown[]) : [];
  const serverUrls = servers.map((server) => (isObject(server) ? expandServerUrl(server) : undefined));
  const versionedServers = serverUrls.filter((url) => url !== undefined && hasMajorVersionSegment(url)).length;
  if (servers.length > 0 && versionedServers === servers.length) return [];

  const paths = pathTemplatesOf(document['paths']);
  const versionedPaths = paths.filter(hasMajorVersionSegment);
  if (paths.length > 0 && versionedPaths.length === paths.length) return [];

  const results: IFunctionResult[] = [];
  // A few versioned paths in an unversioned API (`/scim/v2/...` inside GitHub's) are an embedded protocol,
  // not the API's own scheme; only when most paths are versioned are the others the exceptions.
  if (versionedPaths.length * 2 > paths.length) {
    for (const path of paths) {
      if (hasMajorVersionSegment(path)) continue;
      results.push({
        message: `Path "${path}" has no major version segment while other paths do: add it (e.g. "/v1${path === '/' ? '' : path}").`,
        path: ['paths', path],
      });
    }
    return results;
  }
  if (versionedServers > 0) {
    serverUrls.forEach((url, index) => {
      if (url === undefined || hasMajorVersionSegment(url)) return;
      results.push({
        message: `Server URL "${url}" has no major version segment while other servers do: add it (e.g. ".../v1").`,
        path: ['servers', index, 'url'],
      });
    });
    return results;
  }
  if (paths.length === 0 && servers.length === 0) return [];
  return [
    {
      message: 'Neither the server URLs nor the paths carry a major version: add a "/v1" segment to every server URL (or to every path).',
      path: servers.length > 0 ? ['servers'] : ['paths'],
    },
  ];
});
