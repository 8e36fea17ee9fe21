import type { Loc } from '../documents.js';
import { defineCheck, type Side } from '../types.js';
import { code } from './lib/text.js';

/** Server URLs with variables set to their defaults; Swagger 2.0 builds them from schemes, host and basePath. */
function serverUrls(side: Side): { urls: string[]; at: Loc } {
  const root = side.root;
  const rootLoc = side.documents.rootLoc;
  if (Array.isArray(root['servers'])) {
    const urls = root['servers'].flatMap((server) => {
      if (server === null || typeof server !== 'object' || typeof server.url !== 'string') return [];
      const variables = (server.variables ?? {}) as Record<string, { default?: unknown }>;
      return [server.url.replace(/\{([^}]+)\}/g, (match: string, name: string) => (variables[name]?.default !== undefined ? String(variables[name]?.default) : match))];
    });
    return { urls, at: { ...rootLoc, pointer: ['servers'] } };
  }
  if (typeof root['host'] === 'string' || typeof root['basePath'] === 'string') {
    const schemes = Array.isArray(root['schemes']) ? root['schemes'] : ['https'];
    const host = typeof root['host'] === 'string' ? root['host'] : '';
    const basePath = typeof root['basePath'] === 'string' ? root['basePath'] : '';
    return { urls: schemes.map((scheme) => (host ? `${String(scheme)}://${host}${basePath}` : basePath)), at: { ...rootLoc, pointer: [typeof root['basePath'] === 'string' ? 'basePath' : 'host'] } };
  }
  return { urls: [], at: rootLoc };
}

function urlPath(url: string): string {
  try {
    return new URL(url, 'http://relative.invalid').pathname.replace(/\/+$/, '');
  } catch {
    return url;
  }
}

const normalise = (url: string): string => url.replace(/\/+$/, '').toLowerCase();

export default defineCheck({
  id: 'server-url-changed',
  level: 'breaking',
  description: 'A server URL changed: breaking when the base path changed, a warning when only the host did.',
  document({ base, head }, emit) {
    const before = serverUrls(base);
    const after = serverUrls(head);
    if (before.urls.length === 0 || after.urls.length === 0) return;
    const remaining = new Set(after.urls.map(normalise));
    for (const url of before.urls) {
      if (remaining.has(normalise(url))) continue;
      const samePath = after.urls.find((candidate) => urlPath(candidate) === urlPath(url));
      if (samePath) {
        emit({ message: `server ${code(url)} moved to ${code(samePath)} (same base path, different host)`, at: after.at, location: `server ${url}`, level: 'warn' });
      } else {
        const replacement = after.urls.length === 1 ? ` changed to ${code(after.urls[0] ?? '')}` : ' was removed';
        emit({ message: `server ${code(url)}${replacement}: base path ${code(urlPath(url) || '/')} is gone`, at: after.at, location: `server ${url}` });
      }
    }
  },
});
