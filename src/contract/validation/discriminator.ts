/**
 * OpenAPI's `discriminator` picks the `oneOf`/`anyOf` branch by the value of one property. Validating the
 * payload against the picked branch only (instead of "exactly one branch matches") is what makes a payload
 * that happens to satisfy a sibling branch too valid, as the spec intends.
 */
import type { JsonSchema } from '../types.js';
import { isSchemaObject, type SchemaIndex, type SchemaObject } from './schema-index.js';

export interface DiscriminatedBranch {
  branch: JsonSchema;
  /** Discriminator values that select this branch. */
  values: string[];
}

export interface Discriminator {
  propertyName: string;
  /** The keyword the branches came from. */
  keyword: 'oneOf' | 'anyOf';
  branches: DiscriminatedBranch[];
}

/**
 * The discriminator of a schema with `oneOf`/`anyOf`, with the values selecting each branch (explicit
 * `mapping` first, then the component name, then a `const`/`enum` on the branch's own property). Undefined
 * when the schema has none, or when some branch cannot be reached by any value: then the choice cannot be
 * made from the payload and the plain composition is validated instead.
 */
export function discriminatorOf(schema: SchemaObject, index: SchemaIndex): Discriminator | undefined {
  const discriminator = schema['discriminator'];
  if (!isSchemaObject(discriminator) || typeof discriminator['propertyName'] !== 'string') return undefined;
  const keyword = Array.isArray(schema['oneOf']) ? 'oneOf' : Array.isArray(schema['anyOf']) ? 'anyOf' : undefined;
  if (!keyword) return undefined;
  const propertyName = discriminator['propertyName'];
  const branchList = schema[keyword] as unknown[];

  const mapped = new Map<unknown, string[]>();
  const mapping = discriminator['mapping'];
  if (isSchemaObject(mapping)) {
    for (const [value, ref] of Object.entries(mapping)) {
      if (typeof ref !== 'string') continue;
      const target = index.resolve(ref);
      if (target === undefined) continue;
      const values = mapped.get(target) ?? [];
      values.push(value);
      mapped.set(target, values);
    }
  }

  const branches: DiscriminatedBranch[] = [];
  for (const branch of branchList) {
    if (!isSchemaObject(branch) && typeof branch !== 'boolean') return undefined;
    const values = mapped.get(branch) ?? implicitValues(branch, propertyName, index);
    if (values.length === 0) return undefined;
    branches.push({ branch, values });
  }
  return { propertyName, keyword, branches };
}

function implicitValues(branch: JsonSchema, propertyName: string, index: SchemaIndex): string[] {
  if (!isSchemaObject(branch)) return [];
  const name = index.componentNameOf(branch);
  if (name !== undefined) return [name];
  return declaredConstants(branch, propertyName, new Set());
}

function declaredConstants(schema: SchemaObject, propertyName: string, seen: Set<object>): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const properties = schema['properties'];
  const property = isSchemaObject(properties) ? properties[propertyName] : undefined;
  if (isSchemaObject(property)) {
    if (typeof property['const'] === 'string') return [property['const']];
    if (Array.isArray(property['enum'])) return property['enum'].filter((value): value is string => typeof value === 'string');
  }
  const allOf = schema['allOf'];
  if (Array.isArray(allOf)) {
    for (const member of allOf) {
      if (!isSchemaObject(member)) continue;
      const values = declaredConstants(member, propertyName, seen);
      if (values.length > 0) return values;
    }
  }
  return [];
}

/** The branch a payload selects, or undefined when its discriminator value names none. */
export function selectBranch(discriminator: Discriminator, data: unknown): JsonSchema | undefined {
  if (!isSchemaObject(data)) return undefined;
  const value = data[discriminator.propertyName];
  if (typeof value !== 'string') return undefined;
  return discriminator.branches.find((candidate) => candidate.values.includes(value))?.branch;
}
