import { readFile, stat } from 'node:fs/promises';
import { Document } from '@stoplight/spectral-core';
import spectralParsers, { type YamlParserResult } from '@stoplight/spectral-parsers';
import { ApigateError } from '../errors.js';
import { displayPath } from '../util/paths.js';

export type SpecKind = 'oas2' | 'oas3.0' | 'oas3.1';

export interface LoadedSpec {
  path: string;
  document: Document<unknown, YamlParserResult<unknown>>;
  kind: SpecKind;
}

export interface LoadLimits {
  maxDocumentBytes: number;
}

export const DEFAULT_MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/**
 * Reads and parses one spec file into a Spectral document, turning every way the input can be unusable into
 * one `ApigateError` line that names the file: missing, empty, too large, not YAML/JSON, not OpenAPI.
 */
export async function loadSpec(path: string, limits: LoadLimits): Promise<LoadedSpec> {
  const shown = displayPath(path);
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new ApigateError('E_FILE_UNREADABLE', `${shown}: is a directory, not a spec file`);
    if (!info.isFile()) throw new ApigateError('E_FILE_UNREADABLE', `${shown}: not a regular file`);
    size = info.size;
  } catch (error) {
    if (error instanceof ApigateError) throw error;
    throw new ApigateError('E_FILE_NOT_FOUND', `${shown}: no such file`);
  }
  if (size > limits.maxDocumentBytes) {
    throw new ApigateError(
      'E_LIMIT',
      `${shown}: ${size} bytes is over the ${limits.maxDocumentBytes}-byte document size limit (raise it with --max-document-size)`,
    );
  }
  const text = await readFile(path, 'utf8');
  if (text.trim() === '') throw new ApigateError('E_EMPTY_FILE', `${shown}: the file is empty`);

  // Spectral's CLI parses JSON with its YAML parser too (JSON is YAML); doing the same keeps ranges identical.
  const document = new Document(text, spectralParsers.Yaml, path);
  const parseError = document.diagnostics.find((d) => d.severity === 0);
  if (parseError) {
    const { line, character } = parseError.range.start;
    throw new ApigateError(
      'E_PARSE',
      `${shown}:${line + 1}:${character + 1}: invalid ${/\.json$/i.test(path) ? 'JSON' : 'YAML'}: ${parseError.message}`,
    );
  }
  return { path, document, kind: detectKind(document.data, shown) };
}

export function detectKind(data: unknown, shown: string): SpecKind {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ApigateError('E_NOT_OPENAPI', `${shown}: not an OpenAPI document (the top level is not a mapping)`);
  }
  const record = data as Record<string, unknown>;
  const openapi = record['openapi'];
  if (typeof openapi === 'string' && /^3\.0(\.|$)/.test(openapi)) return 'oas3.0';
  if (typeof openapi === 'string' && /^3\.1(\.|$)/.test(openapi)) return 'oas3.1';
  if (openapi !== undefined) {
    throw new ApigateError('E_NOT_OPENAPI', `${shown}: unsupported OpenAPI version ${JSON.stringify(openapi)} (3.0.x and 3.1.x are supported)`);
  }
  if (String(record['swagger']) === '2.0') return 'oas2';
  throw new ApigateError('E_NOT_OPENAPI', `${shown}: not an OpenAPI document (no "openapi" or "swagger" field at the top level)`);
}
