/**
 * Builds a `CheckContext` for one exchange directly from a short description, so check tables need no HTTP
 * and no spec loader: responses are written the way a spec writes them.
 */
import { createResponseValidator } from '../../../src/contract/validation/index.js';
import type {
  AuthScenario,
  CaseKind,
  CheckContext,
  JsonSchema,
  OpenApiVersion,
  OperationModel,
  ResponseModel,
  SecurityRequirementModel,
} from '../../../src/contract/types.js';

export interface DocumentedResponse {
  content?: Record<string, JsonSchema | undefined>;
  headers?: Record<string, { required?: boolean; schema?: JsonSchema }>;
}

export interface ExchangeDescription {
  method?: string;
  path?: string;
  responses?: Record<string, DocumentedResponse>;
  security?: SecurityRequirementModel[];
  status?: number;
  headers?: Record<string, string>;
  /** A JSON body (serialised, parsed, with `application/json` unless `headers` says otherwise). */
  json?: unknown;
  /** A raw body that is not parsed JSON. */
  text?: string;
  kind?: CaseKind;
  scenario?: AuthScenario;
  identity?: string;
  intent?: string;
  strict?: boolean;
  maxResponseTimeMs?: number;
  durationMs?: number;
  version?: OpenApiVersion;
}

const validators = new Map<OpenApiVersion, ReturnType<typeof createResponseValidator>>();

export function exchange(description: ExchangeDescription): CheckContext {
  const method = description.method ?? 'GET';
  const path = description.path ?? '/v1/widgets';
  const version = description.version ?? '3.0';
  const responses: ResponseModel[] = Object.entries(description.responses ?? { '200': {} }).map(([status, documented]) => ({
    status,
    pointer: `#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method.toLowerCase()}/responses/${status}`,
    content: Object.entries(documented.content ?? {}).map(([mediaType, schema]) => ({ mediaType, schema, examples: [] })),
    headers: Object.entries(documented.headers ?? {}).map(([name, header]) => ({
      name,
      required: header.required ?? false,
      schema: header.schema,
    })),
    links: {},
  }));
  const operation: OperationModel = {
    key: `${method} ${path}`,
    method,
    path,
    tags: [],
    kind: method === 'GET' ? 'read' : method === 'DELETE' ? 'delete' : method === 'POST' ? 'create' : 'update',
    parameters: [],
    responses,
    security: description.security ?? [],
    deprecated: false,
  };
  const headers: Record<string, string> = {};
  let bodyText = '';
  let body: unknown;
  let bodyIsJson = false;
  if (description.json !== undefined) {
    bodyText = JSON.stringify(description.json);
    body = description.json;
    bodyIsJson = true;
    headers['content-type'] = 'application/json';
  } else if (description.text !== undefined) {
    bodyText = description.text;
  }
  for (const [name, value] of Object.entries(description.headers ?? {})) headers[name.toLowerCase()] = value;

  let validator = validators.get(version);
  if (!validator) {
    validator = createResponseValidator({ version, document: {} });
    validators.set(version, validator);
  }
  const kind = description.kind ?? 'positive';
  return {
    spec: { version, source: 'openapi.yaml', title: 'Widgets', operations: [operation], securitySchemes: {}, document: {} },
    operation,
    testCase: {
      id: `${operation.key} ${kind} #1`,
      operation,
      kind,
      identity: description.identity ?? 'default',
      scenario: description.scenario ?? 'valid',
      intent: description.intent ?? 'a 2xx for a valid request',
      request: { method, url: `http://127.0.0.1:3000${path}`, headers: {} },
    },
    response: {
      status: description.status ?? 200,
      headers,
      bodyText,
      body,
      bodyIsJson,
      durationMs: description.durationMs ?? 12,
    },
    options: { strict: description.strict ?? true, maxResponseTimeMs: description.maxResponseTimeMs },
    validator,
  };
}
