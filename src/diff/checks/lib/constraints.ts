import type { SchemaView } from '../../schema-view.js';

export interface BoundChange {
  keyword: string;
  before?: number | boolean;
  after?: number | boolean;
}

const UPPER = ['maxLength', 'maximum', 'maxItems', 'maxProperties'] as const;
const LOWER = ['minLength', 'minimum', 'minItems', 'minProperties'] as const;

/** Bounds of `to` that reject values `from` accepted (so `tightenings(base, head)` is what a request loses). */
export function tightenings(from: SchemaView, to: SchemaView): BoundChange[] {
  const changes: BoundChange[] = [];
  for (const keyword of UPPER) {
    const before = from.constraints[keyword];
    const after = to.constraints[keyword];
    if (after !== undefined && (before === undefined || after < before)) changes.push({ keyword, before, after });
  }
  for (const keyword of LOWER) {
    const before = from.constraints[keyword];
    const after = to.constraints[keyword];
    if (after !== undefined && after > 0 && (before === undefined || after > before)) changes.push({ keyword, before, after });
  }
  for (const keyword of ['exclusiveMaximum', 'exclusiveMinimum'] as const) {
    const before = from[keyword];
    const after = to[keyword];
    if (after === undefined || after === before) continue;
    if (after === true || before === undefined || before === true) changes.push({ keyword, before, after });
    else if (keyword === 'exclusiveMaximum' ? after < before : after > before) changes.push({ keyword, before, after });
  }
  if (to.multipleOf !== undefined && to.multipleOf !== from.multipleOf && (from.multipleOf === undefined || from.multipleOf % to.multipleOf !== 0)) {
    changes.push({ keyword: 'multipleOf', before: from.multipleOf, after: to.multipleOf });
  }
  if (to.uniqueItems && !from.uniqueItems) changes.push({ keyword: 'uniqueItems', before: false, after: true });
  if (to.additionalProperties === false && from.additionalProperties !== false && from.properties.size + to.properties.size > 0) {
    changes.push({ keyword: 'additionalProperties', before: true, after: false });
  }
  return changes;
}

export function describeBound(change: BoundChange, direction: 'tightened' | 'loosened'): string {
  const { keyword, before, after } = change;
  if (keyword === 'uniqueItems') return direction === 'tightened' ? 'now requires unique items' : 'no longer guarantees unique items';
  if (keyword === 'additionalProperties') return direction === 'tightened' ? 'no longer accepts additional properties' : 'may now contain additional properties';
  if (direction === 'tightened') {
    if (before === undefined) return `now has ${keyword} ${String(after)}`;
    return `${keyword} ${isUpper(keyword) ? 'decreased' : 'increased'} from ${String(before)} to ${String(after)}`;
  }
  if (after === undefined) return `no longer has ${keyword} ${String(before)}`;
  return `${keyword} ${isUpper(keyword) ? 'increased' : 'decreased'} from ${String(before)} to ${String(after)}`;
}

function isUpper(keyword: string): boolean {
  return keyword.startsWith('max') || keyword === 'exclusiveMaximum';
}
