/**
 * Headers that describe one connection rather than the message (RFC 9110 §7.6.1). They are not relayed;
 * everything else goes through with its original name, case, order and repetition.
 */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'upgrade']);

/** Filters a `rawHeaders`-style list (`[name, value, name, value, …]`). */
export function endToEndHeaders(rawHeaders: readonly string[]): string[] {
  const connectionTokens = new Set<string>();
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if ((rawHeaders[i] ?? '').toLowerCase() === 'connection') {
      for (const token of (rawHeaders[i + 1] ?? '').split(',')) connectionTokens.add(token.trim().toLowerCase());
    }
  }
  const result: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] ?? '';
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || connectionTokens.has(lower)) continue;
    result.push(name, rawHeaders[i + 1] ?? '');
  }
  return result;
}

/** Lower-cased names, repeated headers joined with `, ` (set-cookie too, which is fine for validation). */
export function headerRecord(rawHeaders: readonly string[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] ?? '').toLowerCase();
    const value = rawHeaders[i + 1] ?? '';
    record[name] = record[name] === undefined ? value : `${record[name]}, ${value}`;
  }
  return record;
}
