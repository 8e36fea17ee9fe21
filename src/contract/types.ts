/**
 * The contract runner's model. Cases are data (built from the spec, printable with --dry-run, sharded by
 * index); checks are small named functions over one exchange; the report has one line per case.
 */
import type { Severity } from '../types.js';

export type OpenApiVersion = '3.0' | '3.1';
export type JsonSchema = Record<string, unknown> | boolean;

/** How an operation may touch server state; `--read-only` sends only `read`. */
export type OperationKind = 'read' | 'create' | 'update' | 'delete' | 'other';

export interface ParameterModel {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema?: JsonSchema;
  /** `example`, then the first of `examples`, then the schema's example. */
  examples: unknown[];
  style?: string;
  explode?: boolean;
}

export interface MediaTypeModel {
  mediaType: string;
  schema?: JsonSchema;
  examples: unknown[];
}

export interface HeaderModel {
  name: string;
  required: boolean;
  schema?: JsonSchema;
}

export interface ResponseModel {
  /** As written in the spec: `200`, `4XX`, `default`. */
  status: string;
  /** JSON pointer of the response object in the dereferenced spec, for messages and compiled-schema keys. */
  pointer: string;
  content: MediaTypeModel[];
  headers: HeaderModel[];
  links: Record<string, Record<string, unknown>>;
}

export interface SecurityRequirementModel {
  /** Scheme names that must all be satisfied together. */
  schemes: string[];
}

export interface OperationModel {
  /** `METHOD /path/template`, the id users write in `operations.exclude` and see in reports. */
  key: string;
  method: string;
  path: string;
  operationId?: string;
  tags: string[];
  kind: OperationKind;
  parameters: ParameterModel[];
  requestBody?: { required: boolean; content: MediaTypeModel[] };
  responses: ResponseModel[];
  /** Empty when the operation is public (`security: []` or no security at all). */
  security: SecurityRequirementModel[];
  deprecated: boolean;
}

export interface SpecModel {
  version: OpenApiVersion;
  /** The source the spec was read from, for messages. */
  source: string;
  title: string;
  operations: OperationModel[];
  securitySchemes: Record<string, Record<string, unknown>>;
  /** The dereferenced document, for checks that need more than the model carries. */
  document: Record<string, unknown>;
}

/** Which credentials a case sends; the coverage reporter's auth axis. */
export type AuthScenario = 'valid' | 'none' | 'invalid' | 'other_identity';

export type CaseKind =
  | 'positive'
  | 'negative_missing_required'
  | 'negative_wrong_type'
  | 'negative_query_enum'
  | 'negative_query_type'
  | 'auth_none'
  | 'auth_invalid'
  | 'stateful_create'
  | 'stateful_read'
  | 'stateful_update'
  | 'stateful_delete'
  | 'stateful_read_after_delete'
  | 'bola_read'
  | 'bola_update'
  | 'bola_delete';

export interface PlannedRequest {
  method: string;
  /** Absolute URL, query string included. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface TestCase {
  /** Stable within a run with the same spec and seed: `<operation key> <kind> #n`. */
  id: string;
  operation: OperationModel;
  kind: CaseKind;
  identity: string;
  scenario: AuthScenario;
  /** What the case expects in words, shown in failures ("a 4xx for a body missing required `name`"). */
  intent: string;
  request: PlannedRequest;
}

export interface ReceivedResponse {
  status: number;
  /** Lower-cased header names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** Decoded body text (after decompression), capped. */
  bodyText: string;
  /** Parsed body when the content type is JSON and the text parses. */
  body?: unknown;
  bodyIsJson: boolean;
  durationMs: number;
}

export interface ContractOptions {
  strict: boolean;
  maxResponseTimeMs?: number;
}

export interface CheckContext {
  spec: SpecModel;
  operation: OperationModel;
  testCase: TestCase;
  response: ReceivedResponse;
  options: ContractOptions;
  validator: ResponseValidatorApi;
}

/** What a failed check says: Schemathesis-style title plus evidence. */
export interface CheckFailure {
  message: string;
  expected?: string;
  received?: string;
  /** `warn` for spec constructs that cannot be validated unambiguously; failures are `error`. */
  severity?: Severity;
}

export interface Check {
  id: string;
  description: string;
  run(context: CheckContext): CheckFailure[];
}

export interface SchemaValidationError {
  /** JSON pointer inside the validated instance. */
  instancePath: string;
  message: string;
}

export interface SchemaValidationResult {
  valid: boolean;
  errors: SchemaValidationError[];
  /** Warnings about the schema itself (e.g. an overlapping oneOf without discriminator). */
  warnings: string[];
}

/** Compiles each schema once per direction and version; reused across every case of the run. */
export interface ResponseValidatorApi {
  validateResponseBody(schema: JsonSchema, body: unknown, cacheKey: string): SchemaValidationResult;
  validateHeader(schema: JsonSchema, value: string, cacheKey: string): SchemaValidationResult;
  /** Properties present in `body` that the schema does not declare, as JSON pointers. */
  undocumentedProperties(schema: JsonSchema, body: unknown): string[];
}
