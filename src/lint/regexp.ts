/**
 * Spectral validates examples against schemas with ajv, and ajv compiles every `pattern` and
 * `patternProperties` key with `new RegExp`, a backtracking engine: one 40-character example against
 * `^(a+)+$` stalls the run for minutes. spectral-functions creates its ajv instances privately, so the
 * linear-time engine is installed where every instance reads it when compiling: the `code.regExp` option,
 * set just before each compile on the shared ajv core class. Patterns RE2 cannot express (lookaround,
 * backreferences) are not enforced and are reported to whoever is listening, rather than run unsafely.
 */
import { createLinearRegExpEngine } from '../contract/validation/regexp.js';
import { spectralAjvPrototype } from './schema-cache.js';

export interface UnsupportedPattern {
  pattern: string;
  reason: string;
}

type Listener = (unsupported: UnsupportedPattern) => void;

let listener: Listener | undefined;

const engine = createLinearRegExpEngine((pattern, reason) => listener?.({ pattern, reason }));

let installed = false;

interface AjvLike {
  opts: { code: { regExp: unknown } };
}

/** Makes every ajv instance in this process match patterns in linear time. Idempotent. */
export function installLinearRegExp(): void {
  if (installed) return;
  installed = true;
  const prototype = spectralAjvPrototype();
  // Both entry points that compile: `compile` and the lazy compile behind `getSchema` (schemas with an $id).
  for (const method of ['compile', 'getSchema']) {
    const original = prototype[method] as (this: AjvLike, ...args: unknown[]) => unknown;
    prototype[method] = function withLinearRegExp(this: AjvLike, ...args: unknown[]) {
      if (this.opts.code.regExp !== engine) this.opts.code.regExp = engine;
      return original.apply(this, args);
    };
  }
}

/** Runs `work` with `onUnsupported` hearing about every pattern that ajv compiles but RE2 cannot express. */
export function withUnsupportedPatternListener<T>(onUnsupported: Listener, work: () => T): T {
  const previous = listener;
  listener = onUnsupported;
  try {
    return work();
  } finally {
    listener = previous;
  }
}
