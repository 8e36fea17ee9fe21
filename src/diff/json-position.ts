/**
 * Finds where a JSON pointer's node starts in JSON text without building a second tree: the large JSON specs
 * are parsed with `JSON.parse` for speed, and only the few nodes a change is reported on need a position.
 * Returns the offset of the member's key (or of the array element), or undefined when the path is absent.
 */
export function jsonPointerOffset(text: string, path: ReadonlyArray<string | number>): number | undefined {
  let index = skipWhitespace(text, 0);
  let keyOffset = index;
  for (const segment of path) {
    const open = text[index];
    if (open === '{') {
      const found = findMember(text, index, String(segment));
      if (!found) return undefined;
      keyOffset = found.key;
      index = found.value;
    } else if (open === '[') {
      const found = findElement(text, index, Number(segment));
      if (found === undefined) return undefined;
      keyOffset = found;
      index = found;
    } else {
      return undefined;
    }
  }
  return keyOffset;
}

function skipWhitespace(text: string, index: number): number {
  while (index < text.length && (text[index] === ' ' || text[index] === '\n' || text[index] === '\r' || text[index] === '\t')) index += 1;
  return index;
}

/** Index just after the string starting at `index` (which is a quote). */
function skipString(text: string, index: number): number {
  let i = index + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') i += 2;
    else if (ch === '"') return i + 1;
    else i += 1;
  }
  return i;
}

/** Index just after the value starting at `index`. */
function skipValue(text: string, index: number): number {
  const ch = text[index];
  if (ch === '"') return skipString(text, index);
  if (ch === '{' || ch === '[') {
    let depth = 0;
    let i = index;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i = skipString(text, i);
        continue;
      }
      if (c === '{' || c === '[') depth += 1;
      else if (c === '}' || c === ']') {
        depth -= 1;
        if (depth === 0) return i + 1;
      }
      i += 1;
    }
    return i;
  }
  let i = index;
  while (i < text.length && !',}] \n\r\t'.includes(text[i] ?? '')) i += 1;
  return i;
}

function findMember(text: string, open: number, key: string): { key: number; value: number } | undefined {
  let i = skipWhitespace(text, open + 1);
  while (i < text.length && text[i] !== '}') {
    const keyStart = i;
    const keyEnd = skipString(text, i);
    const name = JSON.parse(text.slice(keyStart, keyEnd)) as string;
    i = skipWhitespace(text, keyEnd);
    i = skipWhitespace(text, i + 1); // past ':'
    if (name === key) return { key: keyStart, value: i };
    i = skipWhitespace(text, skipValue(text, i));
    if (text[i] === ',') i = skipWhitespace(text, i + 1);
  }
  return undefined;
}

function findElement(text: string, open: number, position: number): number | undefined {
  let i = skipWhitespace(text, open + 1);
  let current = 0;
  while (i < text.length && text[i] !== ']') {
    if (current === position) return i;
    i = skipWhitespace(text, skipValue(text, i));
    if (text[i] === ',') i = skipWhitespace(text, i + 1);
    current += 1;
  }
  return undefined;
}
