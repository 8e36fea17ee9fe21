import type { CoverageOperation } from './types.js';

type SegmentMatcher =
  | { kind: 'literal'; text: string }
  | { kind: 'param' }
  | { kind: 'mixed'; pattern: RegExp };

interface CompiledTemplate {
  operation: CoverageOperation;
  segments: SegmentMatcher[];
  /** Per segment: literal 2, mixed 1, parameter 0 — compared left to right, so `/users/me` beats `/users/{id}`. */
  specificity: number[];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compileSegment(segment: string): SegmentMatcher {
  if (!segment.includes('{')) return { kind: 'literal', text: safeDecode(segment) };
  if (/^\{[^{}]+\}$/.test(segment)) return { kind: 'param' };
  // `{name}.{ext}` or `v{version}`: each parameter takes at least one character of the segment.
  const source = segment
    .split(/(\{[^{}]+\})/)
    .map((part) => (/^\{[^{}]+\}$/.test(part) ? '(.+?)' : escapeRegExp(safeDecode(part))))
    .join('');
  return { kind: 'mixed', pattern: new RegExp(`^${source}$`, 's') };
}

/** Splits a path into decoded segments; `%2F` inside a segment stays inside it. A trailing slash is ignored. */
export function pathSegments(path: string): string[] {
  const withoutQuery = path.split(/[?#]/)[0] ?? '';
  const segments = withoutQuery.split('/').slice(1).map(safeDecode);
  while (segments.length > 0 && segments.at(-1) === '') segments.pop();
  return segments;
}

function segmentsOfTemplate(path: string): string[] {
  const segments = path.split('/').slice(1);
  while (segments.length > 0 && segments.at(-1) === '') segments.pop();
  return segments;
}

function compareSpecificity(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** A request path without origin and query: `http://h/v1/users?x=1` → `/v1/users`. */
export function requestPath(url: string): string {
  const withoutOrigin = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  const path = withoutOrigin.split(/[?#]/)[0] ?? '';
  return path.startsWith('/') ? path : `/${path}`;
}

/**
 * Finds the operation a request was for. Declared server base paths are stripped first (longest first), then
 * the request is tried as-is, because a test server often serves the API at its root; among templates that
 * match, the most specific wins.
 */
export class OperationMatcher {
  private readonly byMethod = new Map<string, CompiledTemplate[]>();
  private readonly byKey = new Map<string, CoverageOperation>();
  private readonly basePaths: string[][];

  constructor(operations: CoverageOperation[], basePaths: string[]) {
    for (const operation of operations) {
      const segments = segmentsOfTemplate(operation.path).map(compileSegment);
      const compiled: CompiledTemplate = {
        operation,
        segments,
        specificity: segments.map((segment) => (segment.kind === 'literal' ? 2 : segment.kind === 'mixed' ? 1 : 0)),
      };
      const list = this.byMethod.get(operation.method) ?? [];
      list.push(compiled);
      this.byMethod.set(operation.method, list);
      this.byKey.set(operationKey(operation.method, operation.path), operation);
    }
    for (const list of this.byMethod.values()) list.sort((a, b) => compareSpecificity(b.specificity, a.specificity));
    this.basePaths = [...new Set(basePaths)]
      .map((base) => pathSegments(base))
      .filter((segments) => segments.length > 0)
      .sort((a, b) => b.length - a.length);
    this.basePaths.push([]);
  }

  /** A contract report names its operation as `METHOD /path/template`. */
  byOperationKey(key: string): CoverageOperation | undefined {
    const match = /^\s*([A-Za-z]+)\s+(\S.*?)\s*$/.exec(key);
    if (!match) return undefined;
    return this.byKey.get(operationKey(match[1] ?? '', match[2] ?? ''));
  }

  match(method: string, url: string): CoverageOperation | undefined {
    const candidates = this.byMethod.get(method.toUpperCase());
    if (!candidates) return undefined;
    const segments = pathSegments(requestPath(url));
    for (const base of this.basePaths) {
      if (base.length > segments.length || !base.every((segment, i) => segments[i] === segment)) continue;
      const rest = segments.slice(base.length);
      // Candidates are sorted most specific first, so the first hit is the answer.
      const found = candidates.find((template) => matches(template.segments, rest));
      if (found) return found.operation;
    }
    return undefined;
  }
}

function operationKey(method: string, path: string): string {
  const normalised = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return `${method.toUpperCase()} ${normalised}`;
}

function matches(template: SegmentMatcher[], segments: string[]): boolean {
  if (template.length !== segments.length) return false;
  return template.every((matcher, i) => {
    const segment = segments[i] ?? '';
    if (matcher.kind === 'literal') return matcher.text === segment;
    if (segment === '') return false;
    if (matcher.kind === 'param') return true;
    return matcher.pattern.test(segment);
  });
}
