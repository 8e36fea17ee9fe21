import { createRequire } from 'node:module';

/**
 * Loads `id` the way the last package of `chain` would load it: each package is resolved from the location of
 * the one before, starting at apigate's own. apigate tunes a few dependencies' internals (ajv's compile cache,
 * the JSONPath engine, the JSON-pointer decoder, the YAML parser hook) and must reach the very module instance
 * that dependency uses, not another copy. The action bundle rewrites these calls to static requires
 * (scripts/build-action.mjs), so the arguments must be string literals.
 */
export function requireFrom(chain: readonly string[], id: string): unknown {
  let require = createRequire(import.meta.url);
  for (const name of chain) require = createRequire(require.resolve(name));
  return require(id);
}
