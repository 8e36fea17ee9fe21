import type { ReportedRequest } from './report/types.js';

function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A copy-pasteable command that repeats the request; values are the already-redacted ones. */
export function curlCommand(request: ReportedRequest): string {
  const parts = ['curl', '-X', request.method, quote(request.url)];
  for (const [name, value] of Object.entries(request.headers)) parts.push('-H', quote(`${name}: ${value}`));
  if (request.body !== undefined) parts.push('--data-raw', quote(request.body));
  return parts.join(' ');
}
