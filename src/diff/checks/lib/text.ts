import { canonical } from '../../schema-view.js';

/** A name or value from the spec inside backticks; backticks inside are replaced so the span cannot end early. */
export function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

export function value(item: unknown): string {
  const text = typeof item === 'string' ? item : canonical(item);
  return code(text.length > 80 ? `${text.slice(0, 79)}…` : text);
}

export function typeList(types: Set<string> | undefined): string {
  if (!types) return 'any type';
  if (types.size === 0) return 'no type';
  return [...types].sort().join(' | ');
}

export function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
