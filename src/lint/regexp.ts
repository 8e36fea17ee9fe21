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

const re2 = createLinearRegExpEngine((pattern, reason) => listener?.({ pattern, reason }));
const native = new Map<string, RegExp>();

/**
 * Whether a pattern is linear even on a backtracking engine: no groups or alternation, and at most one
 * quantifier, which must then be anchored at the start (`^x-`, `^[a-z0-9_]+$`). Such patterns, which make up
 * the OpenAPI meta-schemas and most real ones, run natively, several times faster than RE2 in JavaScript.
 */
export function isTriviallyLinear(pattern: string): boolean {
  let quantifiers = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9k]/.test(next)) return false; // backreferences
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(' || ch === ')' || ch === '|') return false;
    else if (ch === '*' || ch === '+' || ch === '?' || ch === '{') quantifiers++;
  }
  return quantifiers === 0 || (quantifiers === 1 && pattern.startsWith('^'));
}

const engine = Object.assign(
  (pattern: string, flags: string) => {
    if (!isTriviallyLinear(pattern)) return re2(pattern, flags);
    const key = `${flags}/${pattern}`;
    let compiled = native.get(key);
    if (!compiled) {
      try {
        compiled = new RegExp(pattern, flags);
      } catch {
        return re2(pattern, flags);
      }
      native.set(key, compiled);
    }
    return compiled;
  },
  { code: re2.code },
);

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
