import type { Identity } from './identity.js';
import { secretValues } from './identity.js';

export const REDACTED = '***';

/** Header names whose values are credentials whatever the spec says. */
const ALWAYS_SECRET_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'api-key', 'x-auth-token', 'x-access-token'];

export interface Redactor {
  /** Any text: every known secret value replaced. */
  text(value: string): string;
  headers(headers: Record<string, string>): Record<string, string>;
  url(url: string): string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Redaction by name (credential headers and query parameters, whatever their value) and by value (a
 * token a server echoes into an ordinary JSON field, or into an error message, is still a token).
 */
export function createRedactor(
  identities: Identity[],
  securitySchemes: Record<string, Record<string, unknown>> = {},
): Redactor {
  const headerNames = new Set(ALWAYS_SECRET_HEADERS);
  const queryNames = new Set<string>();
  for (const identity of identities) {
    for (const name of Object.keys(identity.headers)) headerNames.add(name.toLowerCase());
    for (const name of Object.keys(identity.query)) queryNames.add(name);
  }
  for (const scheme of Object.values(securitySchemes)) {
    if (scheme['type'] !== 'apiKey' || typeof scheme['name'] !== 'string') continue;
    if (scheme['in'] === 'query') queryNames.add(scheme['name']);
    else if (scheme['in'] === 'header') headerNames.add(scheme['name'].toLowerCase());
  }
  const values = secretValues(identities);
  // Values also appear URL-encoded (query strings) and JSON-escaped (bodies).
  const forms = new Set<string>();
  for (const value of values) {
    forms.add(value);
    forms.add(encodeURIComponent(value));
    forms.add(JSON.stringify(value).slice(1, -1));
    forms.add(Buffer.from(value).toString('base64'));
  }
  const pattern = forms.size > 0 ? new RegExp([...forms].filter((form) => form.length >= 4).sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g') : undefined;

  const text = (value: string): string => (pattern ? value.replace(pattern, REDACTED) : value);

  return {
    text,
    headers(headers) {
      const result: Record<string, string> = {};
      for (const [name, value] of Object.entries(headers)) result[name] = headerNames.has(name.toLowerCase()) ? REDACTED : text(value);
      return result;
    },
    url(url) {
      try {
        const parsed = new URL(url);
        let changed = false;
        for (const name of [...parsed.searchParams.keys()]) {
          if (queryNames.has(name)) {
            parsed.searchParams.set(name, REDACTED);
            changed = true;
          }
        }
        return text(changed ? parsed.toString().replace(/%2A%2A%2A/g, REDACTED) : url);
      } catch {
        return text(url);
      }
    },
  };
}
