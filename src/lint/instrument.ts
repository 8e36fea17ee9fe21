/**
 * Wraps the `then` functions of a loaded ruleset to (1) measure what each rule costs and (2) stop Spectral's
 * example-validation rules from redoing the same work. Those rules run on the `$ref`-inlined graph, where a
 * shared schema appears once per use (on GitHub's spec one rule is called 46,804 times on 1,732 distinct
 * objects), and each call deep-copies the schema, which also defeats ajv's compiled-schema cache. Their result
 * depends only on the object, the rule options and whether the path is a request or a response, so it is
 * computed once per object and re-based onto each path: the findings are the same, only faster.
 */
import type { IFunctionResult, Ruleset } from '@stoplight/spectral-core';
import { withUnsupportedPatternListener, type UnsupportedPattern } from './regexp.js';

type Segment = string | number;

interface FunctionContext {
  path: Segment[];
  documentInventory: object;
  rule: { name: string };
}

type RuleFunction = ((target: unknown, options: unknown, context: FunctionContext) => unknown) & { name: string };

interface ThenEntry {
  field?: string;
  function: RuleFunction;
  functionOptions?: unknown;
}

export interface RuleTiming {
  ruleId: string;
  milliseconds: number;
  calls: number;
}

export interface PatternWarning extends UnsupportedPattern {
  ruleId: string;
  path: Segment[];
}

/** Spectral functions whose result depends only on (target object, options, request/response side). */
const MEMOISABLE = new Set(['oasExample']);

export interface Instrumentation {
  timings(): RuleTiming[];
  patternWarnings(): PatternWarning[];
}

/** Request/response side of a path, as the example rules distinguish it (a superset, so never conflated). */
function sideOf(path: Segment[]): string {
  const [p0, p1, , p3] = path;
  const request = (p0 === 'components' && p1 === 'requestBodies') || (p0 === 'paths' && p3 === 'requestBody');
  const response = p0 === 'responses' || (p0 === 'components' && p1 === 'responses') || (p0 === 'paths' && p3 === 'responses');
  return `${request ? 1 : 0}${response ? 1 : 0}`;
}

interface MemoEntry {
  results: { message: string; suffix: Segment[] }[] | undefined;
}

export function instrumentRuleset(ruleset: Ruleset, options: { timing: boolean }): Instrumentation {
  const timings = new Map<string, RuleTiming>();
  const warnings: PatternWarning[] = [];
  const warned = new Set<string>();
  // Per document (inventory), per target object, per rule-then and side.
  const memo = new WeakMap<object, WeakMap<object, Map<string, MemoEntry>>>();

  for (const rule of Object.values(ruleset.rules)) {
    const thens = rule.then as unknown as ThenEntry[];
    const timing: RuleTiming = { ruleId: rule.name, milliseconds: 0, calls: 0 };
    timings.set(rule.name, timing);
    rule.then = thens.map((then, index) => {
      const original = then.function;
      const memoise = MEMOISABLE.has(original.name);
      const key = `${rule.name}\u0000${index}`;
      const call = (target: unknown, functionOptions: unknown, context: FunctionContext): unknown =>
        withUnsupportedPatternListener(
          (unsupported) => {
            const id = `${unsupported.pattern}\u0000${rule.name}`;
            if (warned.has(id)) return;
            warned.add(id);
            warnings.push({ ...unsupported, ruleId: rule.name, path: [...context.path] });
          },
          () => original(target, functionOptions, context),
        );
      const run = !memoise
        ? call
        : (target: unknown, functionOptions: unknown, context: FunctionContext): unknown => {
            if (target === null || typeof target !== 'object') return call(target, functionOptions, context);
            let perDocument = memo.get(context.documentInventory);
            if (!perDocument) memo.set(context.documentInventory, (perDocument = new WeakMap()));
            let perTarget = perDocument.get(target);
            if (!perTarget) perDocument.set(target, (perTarget = new Map()));
            const entryKey = `${key}\u0000${sideOf(context.path)}`;
            const known = perTarget.get(entryKey);
            const base = context.path;
            if (known) {
              return known.results?.map((result) => ({ message: result.message, path: [...base, ...result.suffix] }));
            }
            const results = call(target, functionOptions, context);
            const entry = toMemoEntry(results, base);
            if (entry) perTarget.set(entryKey, entry);
            return results;
          };
      const wrapped = options.timing
        ? (target: unknown, functionOptions: unknown, context: FunctionContext): unknown => {
            const started = performance.now();
            try {
              return run(target, functionOptions, context);
            } finally {
              timing.milliseconds += performance.now() - started;
              timing.calls++;
            }
          }
        : run;
      Object.defineProperty(wrapped, 'name', { value: original.name });
      return { ...then, function: wrapped as unknown as ThenEntry['function'] };
    }) as unknown as typeof rule.then;
  }

  return {
    timings: () => [...timings.values()].filter((t) => t.calls > 0).sort((a, b) => b.milliseconds - a.milliseconds),
    patternWarnings: () => warnings,
  };
}

/** Results re-based to suffixes of the call's path; `undefined` when a result cannot be re-based (not memoised). */
function toMemoEntry(results: unknown, base: Segment[]): MemoEntry | undefined {
  if (results === undefined) return { results: undefined };
  if (!Array.isArray(results)) return undefined;
  const stored: { message: string; suffix: Segment[] }[] = [];
  for (const result of results as IFunctionResult[]) {
    const path = result.path;
    if (!path || path.length < base.length || !base.every((segment, i) => path[i] === segment)) return undefined;
    if (Object.keys(result).some((k) => k !== 'message' && k !== 'path')) return undefined;
    stored.push({ message: result.message, suffix: path.slice(base.length) as Segment[] });
  }
  return { results: stored };
}

/**
 * Spectral rules whose verdict on a node depends on that node alone, with the function each must still use.
 * On the `$ref`-inlined graph they are evaluated once per use of a shared definition (on Stripe's spec
 * `duplicated-entry-in-enum` runs 53,252 times); on the document as written, once per definition. When every
 * `$ref` is local, both walks reach the same nodes at the same source locations, so the findings are the same.
 */
const NODE_LOCAL_RULES: Record<string, string> = {
  'duplicated-entry-in-enum': 'oasSchema',
  'typed-enum': 'typedEnum',
  'no-eval-in-markdown': 'pattern',
  'no-script-tags-in-markdown': 'pattern',
};

/** Returns a switch that moves the node-local rules to the unresolved document (or back) for the next run. */
export function nodeLocalRuleSwitch(ruleset: Ruleset): (unresolved: boolean) => void {
  const rules = Object.values(ruleset.rules).filter((rule) => {
    const expected = NODE_LOCAL_RULES[rule.name];
    const thens = rule.then as unknown as ThenEntry[];
    return expected !== undefined && rule.resolved && thens.length > 0 && thens.every((then) => then.function.name === expected);
  });
  return (unresolved) => {
    for (const rule of rules) rule.resolved = !unresolved;
  };
}
