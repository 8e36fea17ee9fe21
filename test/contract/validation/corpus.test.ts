/**
 * The validator corpus: each file under fixtures/contract/validation/ is a spec snippet plus payloads and the
 * exact verdict each must get. To cover a new semantics point, add a file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findDocumentedResponse, matchMediaType } from '../../../src/contract/checks/guards.js';
import { createResponseValidator } from '../../../src/contract/validation/index.js';
import type { OperationModel, SchemaValidationResult } from '../../../src/contract/types.js';
import { fixture } from '../../helpers/cli.js';
import { dereference, responseModels, versionOf, type Json } from './spec-fixture.js';

interface CorpusCase {
  name: string;
  body: unknown;
  valid: boolean;
  errors?: string[];
  warnings?: string[];
  direction?: 'request' | 'response';
  status?: number;
  contentType?: string;
}

interface CorpusFile {
  description: string;
  openapi: string;
  components?: Json;
  schema?: unknown;
  responses?: Json;
  cases: CorpusCase[];
}

const directory = fixture('contract', 'validation');
const files = readdirSync(directory).filter((name) => name.endsWith('.yaml')).sort();

function documentFor(corpus: CorpusFile): Json {
  const responses = corpus.responses ?? {
    '200': { description: 'OK', content: { 'application/json': { schema: corpus.schema } } },
  };
  const operation: Json = { responses };
  if (corpus.schema !== undefined) {
    operation['requestBody'] = { content: { 'application/json': { schema: corpus.schema } } };
  }
  return {
    openapi: corpus.openapi,
    info: { title: 'corpus', version: '1' },
    paths: { '/subject': { post: operation } },
    ...(corpus.components ? { components: corpus.components } : {}),
  };
}

function rendered(result: SchemaValidationResult): string[] {
  return result.errors.map((error) => `at ${error.instancePath || '(root)'}: ${error.message}`);
}

describe.each(files)('validator corpus: %s', (file) => {
  const corpus = parse(readFileSync(join(directory, file), 'utf8')) as CorpusFile;

  it.each(corpus.cases.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
    const document = await dereference(documentFor(corpus));
    const validator = createResponseValidator({ version: versionOf(document), document });
    const operation = ((document['paths'] as Json)['/subject'] as Json)['post'] as Json;
    let result: SchemaValidationResult;
    if (entry.direction === 'request') {
      const schema = ((operation['requestBody'] as Json)['content'] as Json)['application/json'] as Json;
      result = validator.validateRequestBody(schema['schema'] as Json, entry.body, 'request');
    } else {
      const model = { responses: responseModels(document, '/subject', 'post') } as OperationModel;
      const documented = findDocumentedResponse(model, entry.status ?? 200);
      expect(documented, `a documented response for ${entry.status ?? 200}`).toBeDefined();
      const mediaType = matchMediaType(documented!.content, entry.contentType ?? 'application/json');
      expect(mediaType?.schema).toBeDefined();
      result = validator.validateResponseBody(mediaType!.schema!, entry.body, `${documented!.pointer}/schema`);
    }

    expect({ valid: result.valid, errors: rendered(result) }).toEqual({
      valid: entry.valid,
      errors: entry.errors ?? [],
    });
    if (entry.warnings) {
      expect(result.warnings).toHaveLength(entry.warnings.length);
      for (const expected of entry.warnings) {
        expect(result.warnings.some((warning) => warning.includes(expected)), `${expected} in ${result.warnings.join(' | ')}`).toBe(true);
      }
    } else {
      expect(result.warnings).toEqual([]);
    }
  });
});
