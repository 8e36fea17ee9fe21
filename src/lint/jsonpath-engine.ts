/**
 * Spectral's runner finds each rule's targets with nimma, loaded through `nimma/legacy`: the same nimma
 * release compiled for old engines, where every private field access goes through a helper function. On the
 * `$ref`-inlined graph of a large spec that helper alone is ~10% of the lint time. The package also ships the
 * build for current Node versions (same source, same release, native private fields), so the runner is handed
 * that one: the same JSONPath matches in the same order, only without the compatibility layer.
 */
import { requireFrom } from '../util/require-from.js';

interface NimmaModule {
  default: unknown;
}

let installed = false;

/** Makes Spectral's runner use nimma's build for current Node versions. Idempotent. */
export function installNativeJsonPathEngine(): void {
  if (installed) return;
  installed = true;
  // Both entry points are resolved from spectral-core's own location, as its runner resolves them, so they
  // come from the same installed package: the same release.
  const legacy = requireFrom(['@stoplight/spectral-core'], 'nimma/legacy') as NimmaModule;
  const native = requireFrom(['@stoplight/spectral-core'], 'nimma') as NimmaModule;
  if (typeof native.default === 'function') legacy.default = native.default;
}
