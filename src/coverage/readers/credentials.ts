import type { AuthScenario, CredentialLocation } from '../types.js';

export interface RequestCredentialsView {
  /** Header names in any case. */
  headers: Array<{ name: string; value: string }>;
  url: string;
}

function queryNames(url: string): string[] {
  const query = url.split('#')[0]?.split('?').slice(1).join('?') ?? '';
  if (query === '') return [];
  return [...new URLSearchParams(query).keys()];
}

function cookieNames(headers: RequestCredentialsView['headers']): string[] {
  return headers
    .filter((header) => header.name.toLowerCase() === 'cookie')
    .flatMap((header) => header.value.split(';'))
    .map((pair) => pair.split('=')[0]?.trim() ?? '')
    .filter((name) => name !== '');
}

export function carriesCredentials(request: RequestCredentialsView, locations: CredentialLocation[]): boolean {
  const headerNames = new Set(request.headers.filter((header) => header.value.trim() !== '').map((header) => header.name.toLowerCase()));
  const queries = new Set(queryNames(request.url));
  const cookies = new Set(cookieNames(request.headers));
  return locations.some((location) =>
    location.in === 'header' ? headerNames.has(location.name) : location.in === 'query' ? queries.has(location.name) : cookies.has(location.name),
  );
}

/**
 * Recorded traffic does not say what the client meant, so the scenario is read off the exchange: no
 * credential at all is `none`; a credential the server answered 401 to is `invalid`; anything else is
 * `valid`. A second identity cannot be told apart from the first, so `other_identity` only comes from
 * contract reports.
 */
export function classifyScenario(request: RequestCredentialsView, status: number | null, locations: CredentialLocation[]): AuthScenario {
  if (!carriesCredentials(request, locations)) return 'none';
  return status === 401 ? 'invalid' : 'valid';
}

/** Query values that carry credentials are replaced by `***` before a URL is stored or shown. */
export function redactUrl(url: string, locations: CredentialLocation[]): string {
  const secretNames = new Set(locations.filter((location) => location.in === 'query').map((location) => location.name));
  const [beforeHash = '', ...hashParts] = url.split('#');
  const questionMark = beforeHash.indexOf('?');
  if (questionMark < 0 || secretNames.size === 0) return url;
  const path = beforeHash.slice(0, questionMark);
  const query = beforeHash
    .slice(questionMark + 1)
    .split('&')
    .map((pair) => {
      const name = pair.split('=')[0] ?? '';
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // keep the raw name
      }
      return secretNames.has(decoded) ? `${name}=***` : pair;
    })
    .join('&');
  return `${path}?${query}${hashParts.length > 0 ? `#${hashParts.join('#')}` : ''}`;
}
