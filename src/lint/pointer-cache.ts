/**
 * Spectral's `$ref` resolver, when it inlines local references, decodes the JSON pointer of every stem again for
 * every place that refers to it (`pointerToPath` inside a dependants x stems loop): on Stripe's spec that
 * decoding is ~8% of the lint time, spent on the same few thousand pointers. Decoding a pointer depends only
 * on its text, so decoded paths are remembered by text and each caller gets its own copy (callers may change
 * the array they receive). Pointers that fail to decode are not remembered: they throw every time, as before.
 */
import { requireFrom } from '../util/require-from.js';

type PointerToPath = (pointer: string) => (string | number)[];

/** Distinct pointers remembered at most; past it the cache starts over, which bounds memory on any input. */
const MAX_REMEMBERED = 100_000;

let installed = false;

/** Makes `@stoplight/json`'s `pointerToPath`, as Spectral's resolver calls it, remember decoded pointers. Idempotent. */
export function installPointerCache(): void {
  if (installed) return;
  installed = true;
  // The copy of @stoplight/json that the resolver loads, resolved from the resolver's own location.
  const json = requireFrom(
    ['@stoplight/spectral-core', '@stoplight/spectral-ref-resolver', '@stoplight/json-ref-resolver'],
    '@stoplight/json',
  ) as { pointerToPath: PointerToPath };
  const decode = json.pointerToPath;
  const decoded = new Map<string, (string | number)[]>();
  json.pointerToPath = function rememberedPointerToPath(pointer: string): (string | number)[] {
    if (typeof pointer !== 'string') return decode(pointer);
    let path = decoded.get(pointer);
    if (path === undefined) {
      path = decode(pointer);
      if (decoded.size >= MAX_REMEMBERED) decoded.clear();
      decoded.set(pointer, path);
    }
    return path.slice();
  };
}
