import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { installPointerCache } from '../../src/lint/pointer-cache.js';

// The @stoplight/json copy that Spectral's resolver calls, resolved as pointer-cache resolves it.
const fromCore = createRequire(createRequire(import.meta.url).resolve('@stoplight/spectral-core'));
const fromRefResolver = createRequire(fromCore.resolve('@stoplight/spectral-ref-resolver'));
const json = createRequire(fromRefResolver.resolve('@stoplight/json-ref-resolver'))('@stoplight/json') as {
  pointerToPath(pointer: string): (string | number)[];
};

describe('installPointerCache', () => {
  installPointerCache();

  it('decodes pointers as before, escapes included', () => {
    expect(json.pointerToPath('#/paths/~1pets~1{id}/get')).toEqual(['paths', '/pets/{id}', 'get']);
    expect(json.pointerToPath('#/a%20b/~0x')).toEqual(['a b', '~x']);
    expect(json.pointerToPath('#')).toEqual([]);
  });

  it('hands every caller its own array, so one caller changing it cannot change what the next one gets', () => {
    const first = json.pointerToPath('#/components/schemas/Pet');
    first.push('mutated');
    expect(json.pointerToPath('#/components/schemas/Pet')).toEqual(['components', 'schemas', 'Pet']);
  });

  it('still refuses malformed pointers, every time', () => {
    expect(() => json.pointerToPath('components/schemas/Pet')).toThrow(/must begin with a hash/);
    expect(() => json.pointerToPath('components/schemas/Pet')).toThrow(/must begin with a hash/);
  });
});
