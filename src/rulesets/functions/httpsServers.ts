import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { isObject } from '../lib/openapi.js';

/** Hosts that never leave the machine, where plain http is fine for development. */
const LOOPBACK_HOST = /^(localhost|[\w.-]+\.localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0|host\.docker\.internal)$/i;

/**
 * Credentials and data sent over plain http can be read and changed on the way. The input is a Server
 * Object; variables are replaced by their defaults, so `{scheme}://…` with default `http` is caught too.
 * Relative server URLs inherit the scheme the document is served with and are left alone.
 */
export default createRulesetFunction<unknown, null>({ input: null, options: null }, function httpsServers(server, _options, context) {
  if (!isObject(server) || typeof server['url'] !== 'string') return [];
  const url = expandVariables(server['url'], server['variables']);
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i.exec(url);
  if (!match || match[1]!.toLowerCase() !== 'http') return [];
  const authority = match[2]!.replace(/^[^@]*@/, '');
  const host = authority.startsWith('[') ? authority.slice(0, authority.indexOf(']') + 1) : authority.replace(/:\d*$/, '');
  if (LOOPBACK_HOST.test(host)) return [];
  const result: IFunctionResult = {
    message: `Server ${url} uses plain http: use https so credentials and data cannot be read or altered in transit.`,
    path: [...context.path, 'url'],
  };
  return [result];
});

function expandVariables(url: string, variables: unknown): string {
  if (!isObject(variables)) return url;
  return url.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    return isObject(variable) && typeof variable['default'] === 'string' ? variable['default'] : whole;
  });
}
