/**
 * `pattern` and `patternProperties` come from the spec and are matched against text the server sends, so a
 * backtracking engine would let one crafted response (or one careless pattern) stall the whole run. RE2 matches
 * in linear time. The few ECMAScript constructs RE2 cannot express (backreferences, lookaround) are not
 * enforced at all rather than run on the backtracking engine: the pattern is recorded so the validator can
 * warn that it was skipped.
 *
 * RE2 in JavaScript costs about a microsecond and a half per match, twenty times the native engine, and most
 * OpenAPI patterns are simple. A pattern without groups or alternation and with at most one quantifier of
 * variable extent backtracks at most quadratically, so on short input (see NATIVE_INPUT_LIMIT) the native
 * engine runs it in bounded time; longer input, and every other pattern, goes to RE2.
 */
import { RE2JS } from 're2js';

export interface RegExpLike {
  test(input: string): boolean;
}

export interface LinearRegExpEngine {
  (pattern: string, flags: string): RegExpLike;
  /** Read by ajv when generating standalone code; apigate never does, but ajv requires the property. */
  code: string;
}

class LinearRegExp implements RegExpLike {
  constructor(
    private readonly source: string,
    private readonly compiled: RE2JS,
  ) {}

  test(input: string): boolean {
    return this.compiled.test(input);
  }

  /** ajv caches compiled patterns by this string, so it must be unique per pattern. */
  toString(): string {
    return `/${this.source}/re2`;
  }
}

/** A quadratic pattern on this many characters stays under about a million steps. */
export const NATIVE_INPUT_LIMIT = 1000;

class BoundedNativeRegExp implements RegExpLike {
  constructor(
    private readonly source: string,
    private readonly native: RegExp,
    private readonly linear: RE2JS,
  ) {}

  test(input: string): boolean {
    return input.length <= NATIVE_INPUT_LIMIT ? this.native.test(input) : this.linear.test(input);
  }

  toString(): string {
    return `/${this.source}/re2`;
  }
}

/**
 * True for patterns whose backtracking is at most quadratic: no groups, no alternation, no backreferences,
 * and at most one quantifier whose extent varies (`*`, `+`, `?`, `{m,}`, `{m,n}` with m < n).
 */
export function isBoundedBacktracking(pattern: string): boolean {
  let variable = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      if (!inClass && /[1-9k]/.test(pattern[i + 1] ?? '')) return false;
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(' || ch === ')' || ch === '|') return false;
    else if (ch === '*' || ch === '+' || ch === '?') {
      variable++;
      if (pattern[i + 1] === '?') i++;
    } else if (ch === '{') {
      const quantifier = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
      if (!quantifier) continue;
      if (quantifier[2] !== undefined && quantifier[3] !== quantifier[1]) variable++;
      i += quantifier[0].length - 1;
      if (pattern[i + 1] === '?') i++;
    }
    if (variable > 1) return false;
  }
  return !inClass;
}

class UnenforcedRegExp implements RegExpLike {
  constructor(
    private readonly source: string,
    readonly reason: string,
  ) {}

  test(): boolean {
    return true;
  }

  toString(): string {
    return `/${this.source}/unenforced`;
  }
}

/**
 * An ajv `code.regExp` engine. `onUnsupported` is called, with the reason, each time ajv asks for a pattern
 * that cannot be compiled to RE2; ajv asks while compiling a schema, so the caller can attribute it.
 */
export function createLinearRegExpEngine(onUnsupported: (pattern: string, reason: string) => void): LinearRegExpEngine {
  const cache = new Map<string, RegExpLike>();
  const engine = ((pattern: string, _flags: string): RegExpLike => {
    let compiled = cache.get(pattern);
    if (!compiled) {
      try {
        const linear = RE2JS.compile(RE2JS.translateRegExp(pattern));
        const native = isBoundedBacktracking(pattern) ? nativeOrUndefined(pattern) : undefined;
        compiled = native ? new BoundedNativeRegExp(pattern, native, linear) : new LinearRegExp(pattern, linear);
      } catch (error) {
        compiled = new UnenforcedRegExp(pattern, error instanceof Error ? error.message : String(error));
      }
      cache.set(pattern, compiled);
    }
    if (compiled instanceof UnenforcedRegExp) onUnsupported(pattern, compiled.reason);
    return compiled;
  }) as LinearRegExpEngine;
  engine.code = 'apigateLinearRegExp';
  return engine;
}

function nativeOrUndefined(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
}
