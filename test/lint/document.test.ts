import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/lint/document.js';
import { fixture } from '../helpers/cli.js';

describe('loadSpec', () => {
  it('refuses a __proto__ key before the parser can turn it into a prototype', async () => {
    await expect(loadSpec(fixture('hostile', 'proto-keys.yaml'))).rejects.toThrow(/proto-keys\.yaml:10:5: a mapping key named "__proto__" is not accepted/);
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('keeps constructor and prototype keys as own, enumerable data', async () => {
    const spec = await loadSpec(fixture('hostile', 'constructor-keys.yaml'));
    const data = spec.document.data as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
    expect(Object.keys(data.components.schemas)).toEqual(['constructor']);
    expect(Object.keys(data.components.schemas['constructor']?.properties ?? {})).toEqual(['prototype']);
  });

  it('refuses limits it is given with the flag to raise them', async () => {
    await expect(loadSpec(fixture('hostile', 'alias-bomb.yaml'), { maxAliasExpansion: 1000 })).rejects.toThrow(
      /alias-bomb\.yaml: the number of nodes after expanding YAML aliases is over the limit of 1000 \(raise it with --max-alias-expansion\)/,
    );
    await expect(loadSpec(fixture('hostile', 'recursive-schema.yaml'), { maxNestingDepth: 3 })).rejects.toThrow(
      /nesting depth \d+ is over the limit of 3 \(raise it with --max-nesting-depth\)/,
    );
    await expect(loadSpec(fixture('hostile', 'recursive-schema.yaml'), { maxRefExpansion: 5 })).rejects.toThrow(/over the limit of 5 \(raise it with --max-ref-expansion\)/);
  });

  it('loads a recursive schema within the default limits', async () => {
    const spec = await loadSpec(fixture('hostile', 'recursive-schema.yaml'));
    expect(spec.kind).toBe('oas3.0');
  });
});
