import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { ApigateError } from '../errors.js';
import type { JsonPath, Range } from '../types.js';
import { jsonPointerOffset } from './json-position.js';
import type { SpecSource } from './source.js';

/** A node's address: the file it is written in and its JSON path inside that file. */
export interface Loc {
  file: string;
  pointer: JsonPath;
}

export interface Located<T = unknown> {
  node: T;
  loc: Loc;
}

interface ParsedFile {
  id: string;
  text: string;
  data: unknown;
  yaml?: { document: Document; lines: LineCounter };
  lineStarts?: number[];
}

const MAX_ALIAS_COUNT = 1000;
const MAX_REF_CHAIN = 64;

/**
 * One side of a diff: the entry document and every file its `$ref`s reach, loaded up front so the comparison
 * can follow references synchronously, with source positions kept for reporting.
 */
export class SpecDocuments {
  private readonly files = new Map<string, ParsedFile>();
  private readonly refCache = new Map<string, Located>();

  private constructor(readonly source: SpecSource) {}

  static async load(source: SpecSource): Promise<SpecDocuments> {
    const documents = new SpecDocuments(source);
    await documents.loadFile(source.entry);
    const root = documents.root;
    if (root === null || typeof root !== 'object' || Array.isArray(root)) {
      throw new ApigateError('E_NOT_OPENAPI', `${source.label}: not an OpenAPI document (the top level is not a mapping)`);
    }
    return documents;
  }

  get root(): Record<string, unknown> {
    return this.files.get(this.source.entry)?.data as Record<string, unknown>;
  }

  get rootLoc(): Loc {
    return { file: this.source.entry, pointer: [] };
  }

  display(file: string): string {
    return this.source.display(file);
  }

  reportPath(file: string): string {
    return this.source.reportPath(file);
  }

  private async loadFile(id: string): Promise<void> {
    if (this.files.has(id)) return;
    const text = await this.source.read(id);
    const shown = this.source.display(id);
    if (text.trim() === '') throw new ApigateError('E_EMPTY_FILE', `${shown}: the file is empty`);
    const parsed = parseText(id, text, shown);
    this.files.set(id, parsed);
    const pending = new Set<string>();
    collectExternalRefs(parsed.data, (reference) => pending.add(this.source.resolve(id, reference)));
    for (const next of pending) await this.loadFile(next);
  }

  /** Follows `$ref`s until a node that is not a reference; throws one clear line for broken references. */
  deref(node: unknown, loc: Loc): Located {
    let current: Located = { node, loc };
    for (let hops = 0; isReference(current.node); hops += 1) {
      if (hops >= MAX_REF_CHAIN) {
        throw new ApigateError('E_REF', `${this.source.display(loc.file)}: $ref chain at ${formatPointer(loc.pointer)} does not end (circular $ref)`);
      }
      current = this.target(current.node.$ref, current.loc);
    }
    return current;
  }

  private target(reference: string, from: Loc): Located {
    const hash = reference.indexOf('#');
    const uri = hash === -1 ? reference : reference.slice(0, hash);
    const fragment = hash === -1 ? '' : reference.slice(hash + 1);
    const file = uri ? this.source.resolve(from.file, uri) : from.file;
    const key = `${file}#${fragment}`;
    const cached = this.refCache.get(key);
    if (cached) return cached;
    const parsed = this.files.get(file);
    const pointer = parsePointer(fragment);
    let node: unknown = parsed?.data;
    for (const segment of pointer) {
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[String(segment)] : undefined;
      if (node === undefined) break;
    }
    if (!parsed || node === undefined) {
      throw new ApigateError('E_REF', `${this.source.display(from.file)}: $ref "${reference}" at ${formatPointer(from.pointer)} points to nothing`);
    }
    const located = { node, loc: { file, pointer } };
    this.refCache.set(key, located);
    return located;
  }

  /** The 1-based position of a node, or of its nearest ancestor that exists. */
  position(loc: Loc): Range | undefined {
    const parsed = this.files.get(loc.file);
    if (!parsed) return undefined;
    for (let length = loc.pointer.length; length >= 0; length -= 1) {
      const offset = nodeOffset(parsed, loc.pointer.slice(0, length));
      if (offset !== undefined) {
        const start = offsetToPosition(parsed, offset);
        return { start, end: start };
      }
    }
    return undefined;
  }
}

function isReference(node: unknown): node is { $ref: string } {
  return node !== null && typeof node === 'object' && typeof (node as { $ref?: unknown }).$ref === 'string';
}

function parseText(id: string, text: string, shown: string): ParsedFile {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { id, text, data: JSON.parse(text) };
    } catch {
      // Not strict JSON (comments, trailing commas are YAML-legal flow syntax): let the YAML parser decide and locate errors.
    }
  }
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const error = document.errors[0];
  if (error) {
    const at = lines.linePos(error.pos[0]);
    throw new ApigateError('E_PARSE', `${shown}:${at.line}:${at.col}: invalid ${/\.json$/i.test(id) ? 'JSON' : 'YAML'}: ${error.message.split('\n')[0]}`);
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    throw new ApigateError('E_PARSE', `${shown}: invalid YAML: ${(cause as Error).message.split('\n')[0]}`);
  }
  return { id, text, data, yaml: { document, lines } };
}

/** Calls `found` with the file part of every `$ref` that points outside the current file. */
function collectExternalRefs(node: unknown, found: (reference: string) => void): void {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === null || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      for (const item of current) stack.push(item);
      continue;
    }
    for (const [key, value] of Object.entries(current)) {
      // Examples and extensions are data, where a "$ref" key is just text.
      if (key === 'example' || key === 'examples' || key.startsWith('x-')) continue;
      if (key === '$ref' && typeof value === 'string') {
        const file = value.split('#')[0] ?? '';
        if (file !== '') found(file);
      } else {
        stack.push(value);
      }
    }
  }
}

export function parsePointer(fragment: string): string[] {
  if (fragment === '' || fragment === '/') return fragment === '/' ? [''] : [];
  const decoded = safeDecode(fragment);
  return decoded
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function formatPointer(pointer: JsonPath): string {
  return `#/${pointer.map((segment) => String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

function nodeOffset(parsed: ParsedFile, pointer: JsonPath): number | undefined {
  if (!parsed.yaml) return jsonPointerOffset(parsed.text, pointer);
  const { document } = parsed.yaml;
  let node: unknown = document.contents;
  let offset = (node as YamlNode | null)?.range?.[0] ?? 0;
  for (const segment of pointer) {
    if (isAlias(node)) node = node.resolve(document);
    if (isMap(node)) {
      const pair = node.items.find((item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === String(segment));
      if (!pair) return undefined;
      offset = (pair.key as YamlNode | null)?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) return undefined;
      node = item;
      offset = (item as YamlNode | null)?.range?.[0] ?? offset;
    } else {
      return undefined;
    }
  }
  return offset;
}

function offsetToPosition(parsed: ParsedFile, offset: number): { line: number; column: number } {
  if (parsed.yaml) {
    const { line, col } = parsed.yaml.lines.linePos(offset);
    return { line, column: col };
  }
  parsed.lineStarts ??= lineStarts(parsed.text);
  const starts = parsed.lineStarts;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}
