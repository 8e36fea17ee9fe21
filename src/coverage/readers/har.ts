import type { CredentialLocation, Observation } from '../types.js';
import { classifyScenario, redactUrl } from './credentials.js';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function isHar(data: unknown): data is JsonObject {
  return isObject(data) && isObject(data['log']) && Array.isArray(data['log']['entries']);
}

function headerList(value: unknown): Array<{ name: string; value: string }> {
  if (!Array.isArray(value)) return [];
  return value.flatMap((header) =>
    isObject(header) && typeof header['name'] === 'string' ? [{ name: header['name'], value: typeof header['value'] === 'string' ? header['value'] : '' }] : [],
  );
}

/**
 * HAR 1.2 as browsers, Playwright and proxies export it. A response with status 0 (blocked, aborted, failed)
 * is an exchange without a response; cookies listed in `request.cookies` count as credentials too.
 */
export function readHar(data: JsonObject, source: string, credentials: CredentialLocation[]): { observations: Observation[]; problems: string[] } {
  const observations: Observation[] = [];
  const problems: string[] = [];
  const entries = (data['log'] as JsonObject)['entries'] as unknown[];
  entries.forEach((entry, index) => {
    const request = isObject(entry) ? entry['request'] : undefined;
    if (!isObject(request) || typeof request['method'] !== 'string' || typeof request['url'] !== 'string') {
      problems.push(`entry ${index} has no request method or url`);
      return;
    }
    const response = isObject(entry) && isObject(entry['response']) ? entry['response'] : {};
    const rawStatus = response['status'];
    const status = typeof rawStatus === 'number' && Number.isInteger(rawStatus) && rawStatus >= 100 ? rawStatus : null;
    const headers = headerList(request['headers']);
    const cookies = headerList(request['cookies']);
    if (cookies.length > 0) headers.push({ name: 'cookie', value: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ') });
    const url = pathAndQuery(request['url']);
    const host = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(request['url'])?.[1]?.toLowerCase();
    const time = isObject(entry) && typeof entry['time'] === 'number' ? entry['time'] : undefined;
    observations.push({
      source,
      input: 'har',
      method: request['method'].toUpperCase(),
      url: redactUrl(url, credentials),
      ...(host ? { host } : {}),
      status,
      scenario: classifyScenario({ headers, url }, status, credentials),
      caseId: `entry ${index + 1}`,
      durationMs: time !== undefined && time >= 0 ? Math.round(time) : undefined,
      failedChecks: [],
    });
  });
  return { observations, problems };
}

/** HAR URLs are absolute; coverage only needs path and query, and must not show other hosts' credentials. */
function pathAndQuery(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(.*)$/i.exec(url);
  const rest = match ? (match[1] ?? '') : url;
  const withoutHash = rest.split('#')[0] ?? '';
  return withoutHash.startsWith('/') ? withoutHash : `/${withoutHash}`;
}
