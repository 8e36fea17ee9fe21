import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { request } from 'undici';
import { ApigateError } from '../errors.js';

/**
 * Addresses a spec must never make us reach even when remote references are allowed: link-local
 * (which includes the 169.254.169.254 cloud metadata endpoint), unspecified and IPv6 link-local/mapped forms.
 */
export function isForbiddenAddress(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(v4) === 4) {
    const [a, b] = v4.split('.').map(Number);
    return a === 0 || (a === 169 && b === 254) || (a === 100 && b === 100);
  }
  const lower = address.toLowerCase();
  return lower === '::' || lower.startsWith('fe80:') || lower.startsWith('fd00:ec2:');
}

/** Fetches text over http(s) with a size cap and no redirects, after checking where the host resolves. */
export async function fetchRemoteText(url: string, options: { maxBytes: number; timeoutMs?: number }): Promise<string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ApigateError('E_REF', `invalid URL ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ApigateError('E_FORBIDDEN_REF', `refusing to fetch ${url}: only http and https are allowed`);
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0) throw new ApigateError('E_NETWORK', `cannot resolve host of ${url}`);
  if (addresses.some(isForbiddenAddress)) {
    throw new ApigateError('E_FORBIDDEN_REF', `refusing to fetch ${url}: link-local and metadata addresses are never fetched`);
  }
  const timeout = options.timeoutMs ?? 15_000;
  let response;
  try {
    response = await request(url, {
      method: 'GET',
      maxRedirections: 0,
      headersTimeout: timeout,
      bodyTimeout: timeout,
      signal: AbortSignal.timeout(timeout),
    } as Parameters<typeof request>[1]);
  } catch (error) {
    throw new ApigateError('E_NETWORK', `cannot fetch ${url}: ${(error as Error).message}`);
  }
  if (response.statusCode >= 300) {
    await response.body.dump();
    throw new ApigateError('E_NETWORK', `cannot fetch ${url}: HTTP ${response.statusCode}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += (chunk as Buffer).length;
    if (size > options.maxBytes) {
      response.body.destroy();
      throw new ApigateError('E_LIMIT', `${url} is larger than the ${options.maxBytes}-byte document size limit`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
