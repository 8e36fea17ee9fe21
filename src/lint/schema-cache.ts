/**
 * Spectral's example rules hand ajv a fresh deep copy of the schema on every call, and ajv caches compiled
 * validators by object identity, so each call compiles (and meta-validates) the same schema again: on GitHub's
 * spec that is ~47,000 compilations of ~1,700 distinct schemas, most of the lint time. A validator depends only
 * on the schema's content and the ajv instance's options, so compiled validators are also cached by content,
 * per ajv instance. Schemas with an `$id` keep ajv's own registry semantics and are never cached here.
 */
import { requireFrom } from '../util/require-from.js';

type Compile = (this: object, schema: unknown, meta?: unknown) => unknown;

let installed = false;
const byInstance = new WeakMap<object, Map<string, unknown>>();

/** The ajv core class that spectral-functions loads (resolved from its own location, as Node would). */
export function spectralAjvPrototype(): Record<string, unknown> {
  const core = requireFrom(['@stoplight/spectral-functions'], 'ajv/dist/core') as { default: { prototype: Record<string, unknown> } };
  return core.default.prototype;
}

/** Makes ajv reuse a compiled validator for a schema with the same content. Idempotent. */
export function installCompiledSchemaCache(): void {
  if (installed) return;
  installed = true;
  const prototype = spectralAjvPrototype();
  const compile = prototype['compile'] as Compile;
  prototype['compile'] = function compileByContent(this: object, schema: unknown, meta?: unknown): unknown {
    // Each validator runs on a handful of examples, so ajv's code-size optimisation pass (a third of compile
    // time on large inlined schemas) costs more than it saves; it never changes what a validator accepts.
    (this as { opts: { code: { optimize: number } } }).opts.code.optimize = 0;
    if (schema === null || typeof schema !== 'object' || '$id' in schema || 'id' in schema) return compile.call(this, schema, meta);
    let key: string;
    try {
      key = `${meta === true ? 'm' : '-'}${JSON.stringify(schema)}`;
    } catch {
      // Not plain JSON (a cycle): compile it the usual way.
      return compile.call(this, schema, meta);
    }
    let cache = byInstance.get(this);
    if (!cache) byInstance.set(this, (cache = new Map()));
    const known = cache.get(key);
    if (known !== undefined) return known;
    const validate = compile.call(this, schema, meta);
    cache.set(key, validate);
    return validate;
  } as Compile;
}
