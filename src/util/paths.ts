import { isAbsolute, relative, sep } from 'node:path';

/** A path as users want to read it: relative to the working directory when inside it, with `/` separators. */
export function displayPath(path: string, cwd: string = process.cwd()): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return path;
  const rel = isAbsolute(path) ? relative(cwd, path) : path;
  const shown = rel.startsWith('..') ? path : rel;
  return sep === '/' ? shown : shown.split(sep).join('/');
}
