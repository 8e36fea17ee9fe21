/**
 * What the validator needs to know about the dereferenced document as a whole: the name of each component
 * schema (dereferencing turns `$ref`s into shared objects, so identity is how a branch is recognised as
 * `#/components/schemas/Cat`), and how to follow a `$ref` the dereferencer left in place.
 */
import type { JsonSchema } from '../types.js';

export type SchemaObject = Record<string, unknown>;

export function isSchemaObject(value: unknown): value is SchemaObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function escapePointerSegment(segment: string): string {
  if (!segment.includes('~') && !segment.includes('/')) return segment;
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export class SchemaIndex {
  private readonly names = new WeakMap<object, string>();

  constructor(private readonly document: Record<string, unknown> = {}) {
    const components = document['components'];
    const schemas = isSchemaObject(components) ? components['schemas'] : undefined;
    if (isSchemaObject(schemas)) {
      for (const [name, schema] of Object.entries(schemas)) {
        if (isSchemaObject(schema) && !this.names.has(schema)) {
          this.names.set(schema, `#/components/schemas/${escapePointerSegment(name)}`);
        }
      }
    }
  }

  /** `#/components/schemas/Cat` for a component schema, undefined for an inline one. */
  pointerOf(schema: object): string | undefined {
    return this.names.get(schema);
  }

  /** `Cat` for `#/components/schemas/Cat`: the implicit discriminator value OpenAPI derives from the name. */
  componentNameOf(schema: object): string | undefined {
    const pointer = this.names.get(schema);
    if (!pointer) return undefined;
    return unescapePointerSegment(pointer.slice('#/components/schemas/'.length));
  }

  /**
   * Resolves a local `$ref` (`#/components/schemas/Cat`) or, as discriminator mappings allow, a bare schema
   * name (`Cat`). External references are not followed: the dereferencer already inlined everything it could.
   */
  resolve(ref: string): JsonSchema | undefined {
    if (!ref.startsWith('#')) {
      if (ref.includes('/') || ref.includes('#')) return undefined;
      return this.resolve(`#/components/schemas/${escapePointerSegment(ref)}`);
    }
    let node: unknown = this.document;
    const path = ref.slice(1);
    if (path === '') return isSchemaObject(node) ? node : undefined;
    for (const raw of path.split('/').slice(1)) {
      const segment = unescapePointerSegment(decodeURIComponent(raw));
      if (Array.isArray(node)) node = node[Number(segment)];
      else if (isSchemaObject(node)) node = node[segment];
      else return undefined;
    }
    return isSchemaObject(node) || typeof node === 'boolean' ? node : undefined;
  }
}
