import { dirname, resolve } from 'node:path';
import { realpath } from 'node:fs/promises';
import SwaggerParser from '@apidevtools/swagger-parser';
import { parse as parseYaml } from 'yaml';
import { ApigateError, isApigateError } from '../../errors.js';
import { readReferencedFile, type RefAccessPolicy } from '../../lint/resolver.js';
import { fetchRemoteText } from '../../util/remote.js';
import { displayPath } from '../../util/paths.js';
import type { SpecModel } from '../types.js';
import { buildSpecModel } from './model.js';

export interface LoadSpecOptions {
  cwd?: string;
  /** Largest spec or referenced file accepted, in bytes. */
  maxDocumentBytes?: number;
  /** Let file `$ref`s leave the spec's folder. */
  allowExternalRefs?: boolean;
}

const DEFAULT_MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

interface FileInfo {
  url: string;
}

/**
 * Loads, dereferences and validates a spec. A URL is fetched only because the user passed it explicitly;
 * file `$ref`s stay inside the spec's folder and remote `$ref`s stay on the spec's own origin, so a spec
 * cannot make the runner read local secrets or reach arbitrary hosts.
 */
export async function loadSpec(source: string, options: LoadSpecOptions = {}): Promise<SpecModel> {
  const maxBytes = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  const remote = isUrl(source);
  const location = remote ? source : resolve(options.cwd ?? process.cwd(), source);
  const shown = remote ? source : displayPath(location, options.cwd);

  let root: string | undefined;
  let origin: string | undefined;
  let rootDocument: unknown;
  if (remote) {
    origin = new URL(location).origin;
    const text = await fetchRemoteText(location, { maxBytes });
    rootDocument = parseText(text, shown);
  } else {
    try {
      root = dirname(await realpath(location));
    } catch {
      throw new ApigateError('E_FILE_NOT_FOUND', `${shown}: spec file not found`);
    }
    const policy: RefAccessPolicy = {
      allowedRoots: [root],
      allowExternalRefs: options.allowExternalRefs ?? false,
      allowRemoteRefs: false,
      maxFileBytes: maxBytes,
    };
    rootDocument = parseText(await readReferencedFile(location, policy), shown);
  }
  if (!rootDocument || typeof rootDocument !== 'object' || Array.isArray(rootDocument)) {
    throw new ApigateError('E_NOT_OPENAPI', `${shown}: not an OpenAPI document (expected a mapping at the top level)`);
  }
  const version = String((rootDocument as Record<string, unknown>)['openapi'] ?? '');
  if (!/^3\.[01]\./.test(version)) {
    const swagger = (rootDocument as Record<string, unknown>)['swagger'];
    throw new ApigateError(
      'E_NOT_OPENAPI',
      swagger
        ? `${shown}: Swagger ${String(swagger)} is not supported by apigate contract (convert it to OpenAPI 3.0 or 3.1)`
        : `${shown}: not an OpenAPI 3.0 or 3.1 document (missing or unsupported "openapi" version)`,
    );
  }

  const policy: RefAccessPolicy = {
    allowedRoots: root ? [root] : [],
    allowExternalRefs: options.allowExternalRefs ?? false,
    allowRemoteRefs: false,
    maxFileBytes: maxBytes,
  };
  // The ref parser wraps resolver errors and drops their message; keep ours to report it verbatim.
  let refused: ApigateError | undefined;
  const remember = async (read: () => Promise<string>): Promise<string> => {
    try {
      return await read();
    } catch (error) {
      if (isApigateError(error)) refused ??= error;
      throw error;
    }
  };
  const parserOptions = {
    resolve: {
      external: true,
      file: {
        order: 1,
        canRead: (file: FileInfo) => !isUrl(file.url),
        read: (file: FileInfo) =>
          remember(async () => {
            if (remote) throw new ApigateError('E_FORBIDDEN_REF', `refusing to read local file ${file.url} from a remote spec`);
            return readReferencedFile(file.url.startsWith('file:') ? decodeURIComponent(new URL(file.url).pathname) : file.url, policy);
          }),
      },
      http: {
        order: 2,
        canRead: (file: FileInfo) => isUrl(file.url),
        read: (file: FileInfo) =>
          remember(async () => {
            if (!origin || new URL(file.url).origin !== origin) {
              throw new ApigateError('E_FORBIDDEN_REF', `refusing to fetch ${file.url}: only $refs on the spec's own origin are followed`);
            }
            return fetchRemoteText(file.url, { maxBytes });
          }),
      },
    },
    dereference: { circular: true },
  };

  let document: Record<string, unknown>;
  try {
    const parser = new SwaggerParser();
    // The base path makes relative $refs resolve next to the spec, as they would for any other tool.
    document = (await parser.validate(location, rootDocument as never, parserOptions as never)) as unknown as Record<string, unknown>;
  } catch (error) {
    // The contract command has no flag to widen ref access, so the lint command's hint does not apply here.
    if (refused) throw new ApigateError(refused.code, `${shown}: ${refused.message.replace(/ \(pass --allow-external-refs to allow it\)/, '')}`);
    throw toSpecError(error, shown);
  }
  return buildSpecModel(document, shown);
}

function parseText(text: string, shown: string): unknown {
  if (text.trim() === '') throw new ApigateError('E_EMPTY_FILE', `${shown}: the spec is empty`);
  // A JSON spec parses many times faster with the JSON parser; anything it rejects gets the YAML parser's verdict.
  if (/^\s*\{/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      // Not strict JSON (comments, trailing commas, YAML flow style): the YAML parser decides.
    }
  }
  try {
    return parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new ApigateError('E_PARSE', `${shown}: invalid YAML/JSON: ${(error as Error).message.split('\n')[0]}`);
  }
}

function toSpecError(error: unknown, shown: string): ApigateError {
  if (isApigateError(error)) return error;
  const nested = (error as { ioErrorCode?: string; cause?: unknown }).cause;
  if (isApigateError(nested)) return nested;
  const message = (error as Error).message ?? String(error);
  // swagger-parser lists every schema violation on its own line; the first names the problem well enough.
  const lines = message.split('\n').map((line) => line.trim()).filter(Boolean);
  const first = lines[0] ?? 'invalid spec';
  const detail = lines.length > 1 && /validation|invalid/i.test(first) ? `${first} ${lines[1]}` : first;
  return new ApigateError('E_INVALID_SPEC', `${shown}: the spec is not valid OpenAPI: ${detail}`);
}
