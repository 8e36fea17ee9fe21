import type { SchemaView } from '../../schema-view.js';

interface Bound {
  value: number;
  exclusive: boolean;
}

export interface BoundChange {
  keyword: string;
  before?: number | boolean;
  after?: number | boolean;
}

const UPPER = ['maxLength', 'maxItems', 'maxProperties'] as const;
const LOWER = ['minLength', 'minItems', 'minProperties'] as const;

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
  // Numeric bounds compare as (value, exclusive) pairs, so `maximum: 10, exclusiveMaximum: true` (3.0) and
  // `exclusiveMaximum: 10` (3.1) are the same bound, and x < 10 is tighter than x <= 10.
  const upper = (view: SchemaView): Bound | undefined =>
    view.exclusiveMaximum !== undefined && (view.constraints.maximum === undefined || view.exclusiveMaximum <= view.constraints.maximum)
      ? { value: view.exclusiveMaximum, exclusive: true }
      : view.constraints.maximum !== undefined ? { value: view.constraints.maximum, exclusive: false } : undefined;
  const lower = (view: SchemaView): Bound | undefined =>
    view.exclusiveMinimum !== undefined && (view.constraints.minimum === undefined || view.exclusiveMinimum >= view.constraints.minimum)
      ? { value: view.exclusiveMinimum, exclusive: true }
      : view.constraints.minimum !== undefined ? { value: view.constraints.minimum, exclusive: false } : undefined;
  const [beforeUpper, afterUpper] = [upper(from), upper(to)];
  if (afterUpper && (!beforeUpper || afterUpper.value < beforeUpper.value || (afterUpper.value === beforeUpper.value && afterUpper.exclusive && !beforeUpper.exclusive))) {
    changes.push({ keyword: afterUpper.exclusive ? 'exclusiveMaximum' : 'maximum', before: beforeUpper?.value, after: afterUpper.value });
  }
  const [beforeLower, afterLower] = [lower(from), lower(to)];
  if (afterLower && (!beforeLower || afterLower.value > beforeLower.value || (afterLower.value === beforeLower.value && afterLower.exclusive && !beforeLower.exclusive))) {
    changes.push({ keyword: afterLower.exclusive ? 'exclusiveMinimum' : 'minimum', before: beforeLower?.value, after: afterLower.value });
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
    if (before === after) return `${keyword.replace('exclusiveM', 'm')} ${String(after)} became exclusive`;
    if (before === undefined) return `now has ${keyword} ${String(after)}`;
    return `${keyword} ${isUpper(keyword) ? 'decreased' : 'increased'} from ${String(before)} to ${String(after)}`;
  }
  if (before === after) return `${keyword.replace('exclusiveM', 'm')} ${String(after)} is no longer exclusive`;
  if (after === undefined) return `no longer has ${keyword} ${String(before)}`;
  return `${keyword} ${isUpper(keyword) ? 'increased' : 'decreased'} from ${String(before)} to ${String(after)}`;
}

function isUpper(keyword: string): boolean {
  return keyword.startsWith('max') || keyword === 'exclusiveMaximum';
}
