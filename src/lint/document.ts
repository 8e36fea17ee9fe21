import { readFile } from 'node:fs/promises';
import { requireFrom } from '../util/require-from.js';
import { Document } from '@stoplight/spectral-core';
import spectralParsers, { type YamlParserResult } from '@stoplight/spectral-parsers';
import { ApigateError } from '../errors.js';
import { specFileSize } from '../util/spec-file.js';
import { sanitizeText } from '../util/escape.js';
import { displayPath } from '../util/paths.js';
import {
  DEFAULT_LIMITS,
  limitError,
  mayHaveYamlAliases,
  measureAliasExpansion,
  measureNestingDepth,
  measureRefGraph,
  scanRefs,
  type LintLimits,
} from './limits.js';

export type SpecKind = 'oas2' | 'oas3.0' | 'oas3.1';

export interface LoadedSpec {
  path: string;
  document: Document<unknown, YamlParserResult<unknown>>;
  kind: SpecKind;
  /** Whether any `$ref` points outside the document (another file or a URL). */
  externalRefs: boolean;
}

export type LoadLimits = Partial<LintLimits>;

export const DEFAULT_MAX_DOCUMENT_BYTES = DEFAULT_LIMITS.maxDocumentBytes;

/**
 * Reads and parses one spec file into a Spectral document, turning every way the input can be unusable into
 * one `ApigateError` line that names the file: missing, empty, too large, too deep, an alias bomb, not
 * YAML/JSON, not OpenAPI, a pure `$ref` cycle, or a `$ref` graph too large to walk.
 */
export async function loadSpec(path: string, limits: LoadLimits = {}): Promise<LoadedSpec> {
  const effective: LintLimits = { ...DEFAULT_LIMITS, ...limits };
  const shown = displayPath(path);
  const size = await specFileSize(path, shown);
  if (size > effective.maxDocumentBytes) {
    throw limitError(shown, `${size} bytes`, 'maxDocumentBytes', effective.maxDocumentBytes);
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ApigateError('E_FILE_UNREADABLE', `${shown}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (text.trim() === '') throw new ApigateError('E_EMPTY_FILE', `${shown}: the file is empty`);
  const document = parseSpecText(text, path, effective);
  const kind = detectKind(document.data, shown);
  const refs = scanRefs(document.data);
  checkRefGraph(document.data, refs, shown, effective);
  return { path, document, kind, externalRefs: refs.external };
}

/**
 * Parses spec text with the parser Spectral's CLI uses (JSON is parsed as YAML too, which keeps ranges
 * identical), after the checks that keep the parser itself safe: nesting depth first, because the parser is
 * recursive, then alias expansion, because turning the syntax tree into data copies every alias. The alias and
 * key checks inspect the parser's own syntax tree between those two steps, so the text is parsed only once.
 */
export function parseSpecText(text: string, path: string, limits: LintLimits): Document<unknown, YamlParserResult<unknown>> {
  const shown = displayPath(path);
  const depth = measureNestingDepth(text);
  if (depth > limits.maxNestingDepth) {
    throw limitError(shown, `nesting depth ${depth}`, 'maxNestingDepth', limits.maxNestingDepth);
  }
  const checkAliases = mayHaveYamlAliases(text);
  const checkKeys = text.includes('__proto__') || text.includes('hasOwnProperty');
  const document = parseInspectingSyntaxTree(text, path, (ast) => {
    if (checkAliases && measureAliasExpansion(ast, limits.maxAliasExpansion) > limits.maxAliasExpansion) {
      throw limitError(shown, 'the number of nodes after expanding YAML aliases', 'maxAliasExpansion', limits.maxAliasExpansion);
    }
    if (checkKeys) refuseUnsafeKeys(ast, text, shown);
  });
  const parseError = document.diagnostics.find((d) => d.severity === 0);
  if (parseError) {
    const { line, character } = parseError.range.start;
    throw new ApigateError(
      'E_PARSE',
      `${shown}:${line + 1}:${character + 1}: invalid ${/\.json$/i.test(path) ? 'JSON' : 'YAML'}: ${sanitizeText(parseError.message, 300)}`,
    );
  }
  return document;
}

type LoadSyntaxTree = (this: unknown, ...args: unknown[]) => unknown;

let inspectSyntaxTree: ((ast: unknown) => void) | undefined;
let syntaxTreeHookInstalled = false;

/**
 * Builds a Spectral document, handing the syntax tree to `inspect` after the YAML parser has built it and
 * before it is turned into data; whatever `inspect` throws aborts the parse. The hook sits on the
 * yaml-ast-parser module that Spectral's YAML parser calls (resolved from its own location, as Node would)
 * and is active only during this call.
 */
function parseInspectingSyntaxTree(
  text: string,
  path: string,
  inspect: (ast: unknown) => void,
): Document<unknown, YamlParserResult<unknown>> {
  if (!syntaxTreeHookInstalled) {
    const parserModule = requireFrom(['@stoplight/spectral-parsers', '@stoplight/yaml'], '@stoplight/yaml-ast-parser') as {
      load: LoadSyntaxTree;
    };
    const load = parserModule.load;
    parserModule.load = function loadThenInspect(this: unknown, ...args: unknown[]): unknown {
      const ast = load.apply(this, args);
      inspectSyntaxTree?.(ast);
      return ast;
    };
    syntaxTreeHookInstalled = true;
  }
  const previous = inspectSyntaxTree;
  inspectSyntaxTree = inspect;
  try {
    return new Document(text, spectralParsers.Yaml, path);
  } finally {
    inspectSyntaxTree = previous;
  }
}

/**
 * Mapping keys that cannot become plain data in the objects the parser and resolver build: `__proto__` would
 * replace the object's prototype (its contents become inherited, invisible to rules), and `hasOwnProperty`
 * shadows the method the `$ref` resolver calls on every object, which then crashes. No OpenAPI document needs
 * either, so they are refused with their location before anything is built from them.
 */
const UNSAFE_KEYS = new Map<string, string>([
  ['__proto__', "it would replace the object's prototype instead of being data"],
  ['hasOwnProperty', 'it would shadow the method every object needs, which crashes $ref resolution'],
]);

function refuseUnsafeKeys(ast: unknown, text: string, shown: string): void {
  const stack: unknown[] = [ast];
  const seen = new Set<unknown>();
  let first: { offset: number; key: string } | undefined;
  while (stack.length > 0) {
    const node = stack.pop() as { key?: { value?: unknown; startPosition?: number }; value?: unknown; mappings?: unknown[]; items?: unknown[] } | null;
    if (!node || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    const key = node.key?.value;
    if (node.key && typeof key === 'string' && UNSAFE_KEYS.has(key)) {
      const offset = node.key.startPosition ?? 0;
      if (!first || offset < first.offset) first = { offset, key };
    }
    if (node.mappings) stack.push(...node.mappings);
    if (node.items) stack.push(...node.items);
    if (node.value && typeof node.value === 'object') stack.push(node.value);
  }
  if (first) {
    const before = text.slice(0, first.offset);
    const line = before.split('\n').length;
    const column = first.offset - before.lastIndexOf('\n');
    throw new ApigateError(
      'E_INVALID_SPEC',
      `${shown}:${line}:${column}: a mapping key named "${first.key}" is not accepted (${UNSAFE_KEYS.get(first.key)})`,
    );
  }
}

function checkRefGraph(data: unknown, refs: ReturnType<typeof scanRefs>, shown: string, limits: LintLimits): void {
  const report = measureRefGraph(data, limits.maxRefExpansion, refs);
  if (report.cycle) {
    throw new ApigateError(
      'E_REF',
      `${shown}: circular $ref that never reaches a value: ${sanitizeText(report.cycle.join(' -> '), 600)}`,
    );
  }
  if (report.expandedNodes > limits.maxRefExpansion) {
    throw limitError(shown, 'the number of nodes with every $ref inlined', 'maxRefExpansion', limits.maxRefExpansion);
  }
}

export function detectKind(data: unknown, shown: string): SpecKind {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ApigateError('E_NOT_OPENAPI', `${shown}: not an OpenAPI document (the top level is not a mapping)`);
  }
  const record = data as Record<string, unknown>;
  const openapi = Object.prototype.hasOwnProperty.call(record, 'openapi') ? record['openapi'] : undefined;
  if (typeof openapi === 'string' && /^3\.0(\.|$)/.test(openapi)) return 'oas3.0';
  if (typeof openapi === 'string' && /^3\.1(\.|$)/.test(openapi)) return 'oas3.1';
  if (openapi !== undefined) {
    throw new ApigateError(
      'E_NOT_OPENAPI',
      `${shown}: unsupported OpenAPI version ${sanitizeText(JSON.stringify(openapi) ?? String(openapi), 60)} (3.0.x and 3.1.x are supported)`,
    );
  }
  const swagger = Object.prototype.hasOwnProperty.call(record, 'swagger') ? record['swagger'] : undefined;
  if (String(swagger) === '2.0') return 'oas2';
  throw new ApigateError('E_NOT_OPENAPI', `${shown}: not an OpenAPI document (no "openapi" or "swagger" field at the top level)`);
}
