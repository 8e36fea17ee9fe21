import { describe, expect, it } from 'vitest';
import { createResponseValidator } from '../../../src/contract/validation/index.js';
import type { JsonSchema } from '../../../src/contract/types.js';
import { dereference, type Json } from './spec-fixture.js';

const validator = createResponseValidator({ version: '3.1', document: {} });

describe('undocumentedProperties', () => {
  it.each<[string, JsonSchema, unknown, string[]]>([
    ['declared properties only', { type: 'object', properties: { a: {} } }, { a: 1 }, []],
    ['an extra property', { type: 'object', properties: { a: {} } }, { a: 1, b: 2 }, ['/b']],
    ['pointer escaping of odd names', { type: 'object', properties: { a: {} } }, { 'x/y~z': 1 }, ['/x~1y~0z']],
    ['additionalProperties: true opens the object', { type: 'object', properties: { a: {} }, additionalProperties: true }, { b: 1 }, []],
    [
      'additionalProperties as a schema is followed into',
      { type: 'object', properties: {}, additionalProperties: { type: 'object', properties: { v: {} } } },
      { k1: { v: 1 }, k2: { v: 2, w: 3 } },
      ['/k2/w'],
    ],
    [
      'patternProperties declare matching names',
      { type: 'object', properties: { id: {} }, patternProperties: { '^x-': {} } },
      { id: 1, 'x-trace': 't', trace: 't' },
      ['/trace'],
    ],
    ['a free-form object is not judged', { type: 'object' }, { anything: { goes: 1 } }, []],
    [
      'allOf members merge their declarations',
      { allOf: [{ properties: { a: {} } }, { properties: { b: {} } }] },
      { a: 1, b: 2, c: 3 },
      ['/c'],
    ],
    [
      'without a discriminator any fitting oneOf branch documents a property',
      { oneOf: [{ type: 'object', properties: { a: {} } }, { type: 'object', properties: { b: {} } }, { type: 'string' }] },
      { a: 1, b: 2, c: 3 },
      ['/c'],
    ],
    [
      'anyOf branches likewise',
      { anyOf: [{ properties: { a: {} } }, { properties: { b: {} } }] },
      { b: 1, z: 0 },
      ['/z'],
    ],
    [
      'arrays: items and prefixItems',
      { type: 'array', prefixItems: [{ properties: { head: {} } }], items: { properties: { tail: {} } } },
      [{ head: 1, extra: 1 }, { tail: 1 }, { tail: 2, more: 2 }],
      ['/0/extra', '/2/more'],
    ],
    ['scalars and nulls are never judged', { type: 'object', properties: { a: { type: 'object', properties: {} } } }, { a: null }, []],
  ])('%s', (_name, schema, body, expected) => {
    expect(validator.undocumentedProperties(schema, body)).toEqual(expected);
  });

  it('follows the discriminator to the selected component branch', async () => {
    const document = await dereference({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {},
      components: {
        schemas: {
          Cat: { type: 'object', properties: { kind: { type: 'string' }, purrs: { type: 'boolean' } } },
          Dog: { type: 'object', properties: { kind: { type: 'string' }, barks: { type: 'boolean' } } },
          Pet: {
            oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
            discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } },
          },
        },
      },
    });
    const pet = ((document['components'] as Json)['schemas'] as Json)['Pet'] as Json;
    const withDocument = createResponseValidator({ version: '3.0', document });
    expect(withDocument.undocumentedProperties(pet, { kind: 'cat', purrs: true, barks: false })).toEqual(['/barks']);
    expect(withDocument.undocumentedProperties(pet, { kind: 'dog', purrs: true, barks: false })).toEqual(['/purrs']);
  });
});
