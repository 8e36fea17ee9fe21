import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { ApigateError } from '../errors.js';

export interface AddressPolicy {
  /** Also refuse loopback (127.0.0.0/8, ::1): a spec from a pull request must not reach services on the CI machine. */
  blockLoopback?: boolean;
}

/** The 32-bit value of a dotted IPv4 address, or `undefined`. */
function ipv4Value(address: string): number | undefined {
  if (isIP(address) !== 4) return undefined;
  return address.split('.').reduce((value, part) => value * 256 + Number(part), 0);
}

/** The eight 16-bit groups of an IPv6 address (with any embedded dotted IPv4 converted), or `undefined`. */
function ipv6Groups(address: string): number[] | undefined {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIP(bare) !== 6) return undefined;
  let text = bare.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const value = ipv4Value(dotted[1] as string);
    if (value === undefined) return undefined;
    text = `${text.slice(0, -(dotted[1] as string).length)}${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...(tail !== undefined ? Array(missing).fill('0') : []), ...tailGroups].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}

function isForbiddenIPv4(value: number, policy: AddressPolicy): boolean {
  const a = value >>> 24;
  const b = (value >>> 16) & 0xff;
  if (a === 0) return true; // "this network"; 0.0.0.0 reaches the local host
  if (a === 169 && b === 254) return true; // link-local, including the 169.254.169.254 metadata endpoint
  if (a === 100 && b === 100 && ((value >>> 8) & 0xff) === 100 && (value & 0xff) === 200) return true; // Alibaba metadata
  if (a >= 224) return true; // multicast, reserved and broadcast
  if (policy.blockLoopback && a === 127) return true;
  return false;
}

/**
 * Addresses a spec must never make us reach even when remote references are allowed: link-local (which includes
 * the cloud metadata endpoints), unspecified, multicast, and with `blockLoopback` the local host, in every
 * spelling a URL or a DNS answer can carry (IPv4-mapped, IPv4-compatible, NAT64 and 6to4 IPv6 included;
 * decimal, octal and hex IPv4 host names are already normalised to dotted form by the URL parser).
 */
export function isForbiddenAddress(address: string, policy: AddressPolicy = {}): boolean {
  const v4 = ipv4Value(address);
  if (v4 !== undefined) return isForbiddenIPv4(v4, policy);
  const groups = ipv6Groups(address);
  if (!groups) return true; // not an address we can classify: refuse rather than guess
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups as [number, number, number, number, number, number, number, number];
  const embedded = ((g6 << 16) >>> 0) + g7;
  const allZeroPrefix = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (allZeroPrefix && g5 === 0 && g6 === 0 && (g7 === 0 || g7 === 1)) return g7 === 0 || Boolean(policy.blockLoopback);
  if (allZeroPrefix && (g5 === 0xffff || g5 === 0)) return isForbiddenIPv4(embedded, policy); // mapped / compatible
  if (g0 === 0x64 && g1 === 0xff9b) return isForbiddenIPv4(embedded, policy); // NAT64
  if (g0 === 0x2002) return isForbiddenIPv4(((g1 << 16) >>> 0) + g2, policy); // 6to4
  if ((g0 & 0xffc0) === 0xfe80) return true; // link-local
  if ((g0 & 0xff00) === 0xff00) return true; // multicast
  if (g0 === 0xfd00 && g1 === 0x0ec2) return true; // AWS IPv6 metadata (fd00:ec2::254)
  return false;
}

/**
 * A DNS lookup for the connection itself that refuses forbidden answers, so a name that resolved to a public
 * address when checked cannot resolve to a metadata address when connected (DNS rebinding).
 */
function guardedLookup(policy: AddressPolicy): LookupFunction {
  return ((hostname: string, options: LookupOptions, callback: (...args: unknown[]) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error);
      const allowed = addresses.filter((entry) => !isForbiddenAddress(entry.address, policy));
      if (allowed.length === 0 || allowed.length !== addresses.length) {
        return callback(Object.assign(new Error(`${hostname} resolves to a forbidden address`), { code: 'EFORBIDDEN' }));
      }
      if (options.all) return callback(null, allowed);
      const first = allowed[0] as LookupAddress;
      return callback(null, first.address, first.family);
    });
  }) as LookupFunction;
}

/** Fetches text over http(s) with a size cap and no redirects; forbidden addresses are refused by name and at connect. */
export async function fetchRemoteText(
  url: string,
  options: { maxBytes: number; timeoutMs?: number } & AddressPolicy,
): Promise<string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ApigateError('E_REF', `invalid URL ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ApigateError('E_FORBIDDEN_REF', `refusing to fetch ${url}: only http and https are allowed`);
  }
  const policy: AddressPolicy = { blockLoopback: options.blockLoopback ?? false };
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const forbidden = `refusing to fetch ${url}: link-local, metadata${policy.blockLoopback ? ', loopback' : ''} and unspecified addresses are never fetched`;
  if (isIP(host)) {
    if (isForbiddenAddress(host, policy)) throw new ApigateError('E_FORBIDDEN_REF', forbidden);
  } else if (policy.blockLoopback && /^localhost\.?$|\.localhost\.?$/i.test(host)) {
    throw new ApigateError('E_FORBIDDEN_REF', forbidden);
  }
  const timeout = options.timeoutMs ?? 15_000;
  // Loaded on first use: most runs never fetch, and the HTTP client is a noticeable part of start-up time.
  const { Agent, request } = await import('undici');
  const dispatcher = new Agent({ connect: { lookup: guardedLookup(policy), timeout } });
  let response;
  try {
    response = await request(url, {
      method: 'GET',
      dispatcher,
      headersTimeout: timeout,
      bodyTimeout: timeout,
      signal: AbortSignal.timeout(timeout),
    });
  } catch (error) {
    await dispatcher.close().catch(() => undefined);
    const cause = (error as { cause?: { code?: string } }).cause;
    if ((error as { code?: string }).code === 'EFORBIDDEN' || cause?.code === 'EFORBIDDEN' || /forbidden address/.test(String(error))) {
      throw new ApigateError('E_FORBIDDEN_REF', forbidden);
    }
    throw new ApigateError('E_NETWORK', `cannot fetch ${url}: ${(error as Error).message}`);
  }
  try {
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
  } finally {
    await dispatcher.close().catch(() => undefined);
  }
}
