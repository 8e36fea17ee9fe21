/**
 * `pattern` and `patternProperties` come from the spec and are matched against text the server sends, so a
 * backtracking engine would let one crafted response (or one careless pattern) stall the whole run. RE2 matches
 * in linear time. The few ECMAScript constructs RE2 cannot express (backreferences, lookaround) are not
 * enforced at all rather than run on the backtracking engine: the pattern is recorded so the validator can
 * warn that it was skipped.
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
        compiled = new LinearRegExp(pattern, RE2JS.compile(RE2JS.translateRegExp(pattern)));
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
