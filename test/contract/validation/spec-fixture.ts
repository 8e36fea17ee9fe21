/**
 * Test-side stand-ins for what the runner's spec loader produces: a dereferenced document (through the same
 * swagger-parser the runner uses, so shared objects and cycles look exactly as they will at run time) and the
 * response models of one operation.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import type { MediaTypeModel, OpenApiVersion, ResponseModel } from '../../../src/contract/types.js';

export type Json = Record<string, unknown>;

export async function dereference(document: Json): Promise<Json> {
  return (await SwaggerParser.dereference(structuredClone(document) as never)) as unknown as Json;
}

export function versionOf(document: Json): OpenApiVersion {
  return String(document['openapi']).startsWith('3.1') ? '3.1' : '3.0';
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Response models of `paths[path][method]`, shaped as the runner's `ResponseModel`. */
export function responseModels(document: Json, path: string, method: string): ResponseModel[] {
  const operation = ((document['paths'] as Json)[path] as Json)[method] as Json;
  const responses = (operation['responses'] ?? {}) as Record<string, Json>;
  return Object.entries(responses).map(([status, response]) => {
    const content = (response['content'] ?? {}) as Record<string, Json>;
    const headers = (response['headers'] ?? {}) as Record<string, Json>;
    return {
      status,
      pointer: `#/paths/${escape(path)}/${method}/responses/${escape(status)}`,
      content: Object.entries(content).map(
        ([mediaType, media]): MediaTypeModel => ({ mediaType, schema: media['schema'] as never, examples: [] }),
      ),
      headers: Object.entries(headers).map(([name, header]) => ({
        name,
        required: header['required'] === true,
        schema: header['schema'] as never,
      })),
      links: {},
    };
  });
}
