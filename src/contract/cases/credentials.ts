import type { Identity } from '../identity.js';
import type { OperationModel, SpecModel } from '../types.js';
import type { Credentials } from './request.js';

export const NO_CREDENTIALS: Credentials = { headers: {}, query: {} };

export function credentialsOf(identity: Identity): Credentials {
  return { headers: { ...identity.headers }, query: { ...identity.query } };
}

const INVALID_TOKEN = 'apigate-invalid-credential';

function invalidValue(value: string): string {
  const scheme = /^(bearer|token|digest|apikey)\s+/i.exec(value);
  if (scheme) return `${scheme[0]}${INVALID_TOKEN}`;
  if (/^basic\s+/i.test(value)) return `Basic ${Buffer.from(`${INVALID_TOKEN}:${INVALID_TOKEN}`).toString('base64')}`;
  return INVALID_TOKEN;
}

/**
 * Credentials of the right shape with a value no server issued: the identity's own headers with their
 * secrets swapped, or, with no identity configured, what the operation's security schemes describe.
 */
export function invalidCredentials(spec: SpecModel, operation: OperationModel, identity: Identity | undefined): Credentials {
  if (identity && (Object.keys(identity.headers).length > 0 || Object.keys(identity.query).length > 0)) {
    const headers = Object.fromEntries(Object.entries(identity.headers).map(([name, value]) => [name, invalidValue(value)]));
    const query = Object.fromEntries(Object.entries(identity.query).map(([name]) => [name, INVALID_TOKEN]));
    return { headers, query };
  }
  const credentials: Credentials = { headers: {}, query: {} };
  const [requirement] = operation.security;
  for (const name of requirement?.schemes ?? []) {
    const scheme = spec.securitySchemes[name] ?? {};
    const type = String(scheme['type'] ?? '');
    if (type === 'apiKey') {
      const key = String(scheme['name'] ?? '');
      if (scheme['in'] === 'query') credentials.query[key] = INVALID_TOKEN;
      else if (scheme['in'] === 'cookie') credentials.headers['cookie'] = `${key}=${INVALID_TOKEN}`;
      else credentials.headers[key] = INVALID_TOKEN;
    } else if (type === 'http' && String(scheme['scheme'] ?? '').toLowerCase() === 'basic') {
      credentials.headers['authorization'] = invalidValue('Basic x');
    } else {
      credentials.headers['authorization'] = `Bearer ${INVALID_TOKEN}`;
    }
  }
  return credentials;
}
