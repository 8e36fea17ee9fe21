import type { SchemaView } from '../../schema-view.js';

/** Whether a schema of `types` accepts a value of type `type` (an integer is a number). */
function accepts(types: Set<string>, type: string): boolean {
  return types.has(type) || (type === 'integer' && types.has('number'));
}

/** Types in `from` that `to` no longer accepts. */
export function typesLost(from: Set<string>, to: Set<string>): string[] {
  return [...from].filter((type) => !accepts(to, type));
}

const WIDER_FORMAT: Record<string, string> = { int32: 'int64', float: 'double' };

/** True when every value valid for format `from` is valid for `to` (no format accepts everything). */
export function formatIncludes(to: string | undefined, from: string | undefined): boolean {
  return to === undefined || to === from || (from !== undefined && WIDER_FORMAT[from] === to);
}

/** Type comparison is left to the branches when either side is a union without a declared type. */
export function typesComparable(base: SchemaView, head: SchemaView): boolean {
  return !(base.alternatives && !base.types) && !(head.alternatives && !head.types);
}
