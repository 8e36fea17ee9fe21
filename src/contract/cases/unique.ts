import { RE2JS } from 're2js';
import type { JsonSchema } from '../types.js';
import { objectShape } from './shape.js';

function fits(value: string, schema: Record<string, unknown>): boolean {
  if (typeof schema['maxLength'] === 'number' && value.length > schema['maxLength']) return false;
  if (typeof schema['pattern'] === 'string') {
    try {
      // Spec patterns are untrusted: a linear-time engine cannot be made to backtrack forever.
      return RE2JS.compile(schema['pattern']).matcher(value).find();
    } catch {
      return false;
    }
  }
  return true;
}

function variants(value: string, token: string, format: unknown): string[] {
  if (format === 'email') {
    const at = value.lastIndexOf('@');
    return at > 0 ? [`${value.slice(0, at)}+${token}${value.slice(at)}`, `${value.slice(0, at)}${token}${value.slice(at)}`] : [];
  }
  if (format !== undefined) return [];
  return [`${value}-${token}`, `${value}${token}`, `${value}_${token}`, `${value.slice(0, Math.max(0, value.length - token.length))}${token}`];
}

/**
 * Makes the free-text string properties of a create body unique to this run, so creating the same example
 * twice (a repeated run, or two cases) does not collide on a unique name and come back 409. A value is only
 * changed when the changed value still satisfies its schema.
 */
export function uniquify(body: unknown, schema: JsonSchema | undefined, token: string): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body) || !schema || typeof schema === 'boolean') return body;
  const { properties } = objectShape(schema);
  const result: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const [name, value] of Object.entries(result)) {
    const property = properties[name];
    if (typeof value !== 'string' || !property || typeof property === 'boolean') continue;
    if (property['enum'] !== undefined || property['const'] !== undefined) continue;
    // Prose (a description) is never what a uniqueness constraint is on; names, slugs and emails are.
    if (/\s/.test(value)) continue;
    const candidate = variants(value, token, property['format']).find((variant) => fits(variant, property));
    if (candidate !== undefined) result[name] = candidate;
  }
  return result;
}
