import { loadSpec } from '../contract/spec/load.js';
import type { SpecModel } from '../contract/types.js';
import { ApigateError } from '../errors.js';
import type { CoverageOperation, CoverageSpec, CredentialLocation } from './types.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Loads the spec with the contract runner's loader (same $ref policy, same validation, same operation keys),
 * so coverage and `apigate contract` always agree on what the operations are.
 */
export async function loadCoverageSpec(path: string, cwd: string = process.cwd()): Promise<CoverageSpec> {
  return coverageSpecFromModel(await loadSpec(path, { cwd }));
}

export function coverageSpecFromModel(model: SpecModel): CoverageSpec {
  const spec = coverageSpecFromDocument(model.document, model.source);
  const secured = new Map(model.operations.map((operation) => [operation.key, operation.security.length > 0]));
  return { ...spec, operations: spec.operations.map((operation) => ({ ...operation, secured: secured.get(operation.key) ?? operation.secured })) };
}

/** Builds the coverage view of an already parsed (and ideally dereferenced) OpenAPI 2.0/3.x document. */
export function coverageSpecFromDocument(document: unknown, source: string): CoverageSpec {
  // OpenAPI 3.1 allows a document with only webhooks or components: it simply has no operations to cover.
  if (!isObject(document) || (!isObject(document['paths']) && typeof document['openapi'] !== 'string')) {
    throw new ApigateError('E_NOT_OPENAPI', `--spec ${source}: not an OpenAPI document (no "paths" object)`);
  }
  const info = isObject(document['info']) ? document['info'] : {};
  const globalSecurity = Array.isArray(document['security']) ? document['security'] : [];
  const operations: CoverageOperation[] = [];
  const basePaths = new Set<string>(topLevelBasePaths(document));
  for (const [path, rawItem] of Object.entries(isObject(document['paths']) ? document['paths'] : {})) {
    if (!isObject(rawItem)) continue;
    for (const base of serverBasePaths(rawItem['servers'])) basePaths.add(base);
    for (const method of METHODS) {
      const operation = rawItem[method];
      if (!isObject(operation)) continue;
      for (const base of serverBasePaths(operation['servers'])) basePaths.add(base);
      const security = Array.isArray(operation['security']) ? operation['security'] : globalSecurity;
      const responses = isObject(operation['responses']) ? Object.keys(operation['responses']).filter((key) => !key.startsWith('x-')) : [];
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        operationId: typeof operation['operationId'] === 'string' ? operation['operationId'] : undefined,
        tags: Array.isArray(operation['tags']) ? operation['tags'].filter((tag): tag is string => typeof tag === 'string') : [],
        responses,
        secured: security.length > 0 && !security.some((requirement) => isObject(requirement) && Object.keys(requirement).length === 0),
        deprecated: operation['deprecated'] === true,
      });
    }
  }
  return {
    title: typeof info['title'] === 'string' ? info['title'] : '',
    version: typeof info['version'] === 'string' ? info['version'] : '',
    source,
    operations,
    basePaths: [...basePaths].filter((base) => base !== ''),
    credentials: credentialLocations(document),
  };
}

function topLevelBasePaths(document: JsonObject): string[] {
  if (typeof document['basePath'] === 'string') return [normaliseBasePath(document['basePath'])];
  return serverBasePaths(document['servers']);
}

/** `https://{region}.example.com/api/{version}` with `version` defaulting to `v1` → `/api/v1`. */
function serverBasePaths(servers: unknown): string[] {
  if (!Array.isArray(servers)) return [];
  const result: string[] = [];
  for (const server of servers) {
    if (!isObject(server) || typeof server['url'] !== 'string') continue;
    const variables = isObject(server['variables']) ? server['variables'] : {};
    const url = server['url'].replace(/\{([^}]+)\}/g, (whole, name: string) => {
      const variable = variables[name];
      return isObject(variable) && variable['default'] !== undefined ? String(variable['default']) : whole;
    });
    const withoutOrigin = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/^\/\/[^/]*/, '');
    result.push(normaliseBasePath(withoutOrigin.split(/[?#]/)[0] ?? ''));
  }
  return result;
}

function normaliseBasePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function credentialLocations(document: JsonObject): CredentialLocation[] {
  const components = isObject(document['components']) ? document['components'] : {};
  const schemes = isObject(components['securitySchemes'])
    ? components['securitySchemes']
    : isObject(document['securityDefinitions'])
      ? document['securityDefinitions']
      : {};
  const locations: CredentialLocation[] = [{ in: 'header', name: 'authorization' }];
  for (const scheme of Object.values(schemes)) {
    if (!isObject(scheme) || scheme['type'] !== 'apiKey' || typeof scheme['name'] !== 'string') continue;
    const where = scheme['in'];
    if (where === 'header') locations.push({ in: 'header', name: scheme['name'].toLowerCase() });
    else if (where === 'query' || where === 'cookie') locations.push({ in: where, name: scheme['name'] });
  }
  return locations;
}
