import { ApigateError } from '../errors.js';

/** Credentials a run sends: the first identity is the default one, the second (issue: BOLA) the intruder. */
export interface Identity {
  name: string;
  headers: Record<string, string>;
  query: Record<string, string>;
}

function stringMap(value: unknown, where: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ApigateError('E_CONFIG', `${where} must be a mapping of names to values`);
  const result: Record<string, string> = {};
  for (const [name, item] of Object.entries(value)) {
    if (typeof item !== 'string' && typeof item !== 'number') throw new ApigateError('E_CONFIG', `${where}.${name} must be a string`);
    result[name] = String(item);
  }
  return result;
}

/** `contract.identities` from the config file. */
export function identitiesFromConfig(raw: unknown, where: string): Identity[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new ApigateError('E_CONFIG', `${where}: contract.identities must be a list`);
  const seen = new Set<string>();
  return raw.map((entry, index) => {
    const path = `${where}: contract.identities[${index}]`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new ApigateError('E_CONFIG', `${path} must be a mapping`);
    const record = entry as Record<string, unknown>;
    const name = typeof record['name'] === 'string' && record['name'] !== '' ? record['name'] : `identity${index + 1}`;
    if (seen.has(name)) throw new ApigateError('E_CONFIG', `${path}: duplicate identity name "${name}"`);
    seen.add(name);
    const unknownKey = Object.keys(record).find((key) => !['name', 'headers', 'query'].includes(key));
    if (unknownKey) throw new ApigateError('E_CONFIG', `${path}: unknown key "${unknownKey}" (expected name, headers, query)`);
    return { name, headers: stringMap(record['headers'], `${path}.headers`), query: stringMap(record['query'], `${path}.query`) };
  });
}

/** `--auth bearer:TOKEN` or `--auth header:Name=VALUE`. */
export function identityFromAuthFlag(flag: string): Identity {
  const bearer = /^bearer:(.+)$/i.exec(flag);
  if (bearer) return { name: 'default', headers: { Authorization: `Bearer ${bearer[1]}` }, query: {} };
  const header = /^header:([!#$%&'*+.^_`|~0-9A-Za-z-]+)=(.*)$/i.exec(flag);
  if (header && header[2] !== '') return { name: 'default', headers: { [header[1]!]: header[2]! }, query: {} };
  throw new ApigateError('E_USAGE', '--auth: expected bearer:TOKEN or header:Name=VALUE');
}

/** Every secret value an identity carries, including the token inside `Bearer <token>` / `Basic <creds>`. */
export function secretValues(identities: Identity[]): string[] {
  const values = new Set<string>();
  for (const identity of identities) {
    for (const [name, value] of Object.entries(identity.headers)) {
      values.add(value);
      const scheme = /^(?:bearer|basic|token|apikey|digest)\s+(.+)$/i.exec(value);
      if (scheme) values.add(scheme[1]!);
      // Basic credentials echoed back decoded (`user:password`) or as the password alone.
      if (/^basic\s+/i.test(value) && scheme) {
        const decoded = Buffer.from(scheme[1]!, 'base64').toString('utf8');
        values.add(decoded);
        if (decoded.includes(':')) values.add(decoded.slice(decoded.indexOf(':') + 1));
      }
      // Each cookie's value on its own, as a server would echo a session id.
      if (name.toLowerCase() === 'cookie') {
        for (const pair of value.split(';')) {
          const separator = pair.indexOf('=');
          if (separator > 0) values.add(pair.slice(separator + 1).trim());
        }
      }
    }
    for (const value of Object.values(identity.query)) values.add(value);
  }
  // Very short values would redact ordinary words; they are still hidden by header/parameter name.
  return [...values].filter((value) => value.length >= 4).sort((a, b) => b.length - a.length);
}
