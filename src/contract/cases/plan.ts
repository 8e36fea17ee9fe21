import type { Identity } from '../identity.js';
import type { CaseKind, AuthScenario, JsonSchema, MediaTypeModel, OperationModel, ParameterModel, SpecModel, TestCase } from '../types.js';
import { credentialsOf, invalidCredentials, NO_CREDENTIALS } from './credentials.js';
import { buildRequest, type Credentials, type ParameterValues, type RequestBody } from './request.js';
import { deriveSeed, sampleRequestValue } from './sample.js';
import { objectShape, singleType, wrongTypeValue } from './shape.js';
import { uniquify } from './unique.js';

export interface PlanOptions {
  baseUrl: string;
  seed: number;
  identities: Identity[];
  /** Most negative cases of one sort per operation, so a wide schema does not flood the run. */
  maxNegativePerSort?: number;
}

/** What every request to an operation starts from: valid parameter values and the positive bodies. */
export interface RequestBasis {
  values: ParameterValues;
  media: MediaTypeModel | undefined;
  bodies: Array<{ value: unknown; from: string }>;
}

export interface Plan {
  cases: TestCase[];
  warnings: string[];
}

const PREFERRED_BODY_TYPES = [/^application\/json\b/i, /\+json\b/i, /^application\/x-www-form-urlencoded\b/i, /^text\/plain\b/i];

function pickBodyMediaType(content: MediaTypeModel[]): MediaTypeModel | undefined {
  for (const pattern of PREFERRED_BODY_TYPES) {
    const found = content.find((media) => pattern.test(media.mediaType));
    if (found) return found;
  }
  return undefined;
}

function isJsonMedia(mediaType: string): boolean {
  return /json/i.test(mediaType);
}

class OperationPlanner {
  private readonly counters = new Map<CaseKind, number>();
  readonly cases: TestCase[] = [];

  constructor(
    private readonly spec: SpecModel,
    private readonly operation: OperationModel,
    private readonly options: PlanOptions,
    private readonly warnings: string[],
  ) {}

  private nextId(kind: CaseKind): string {
    const count = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, count);
    return `${this.operation.key} ${kind} #${count}`;
  }

  private seedFor(label: string): number {
    return deriveSeed(this.options.seed, `${this.operation.key} ${label}`);
  }

  /** A valid value for every required parameter and every optional one the spec gives an example for. */
  parameterValues(): ParameterValues | undefined {
    const values: ParameterValues = { path: {}, query: {}, header: {}, cookie: {} };
    const credentialHeaders = new Set(this.options.identities.flatMap((identity) => Object.keys(identity.headers).map((name) => name.toLowerCase())));
    for (const parameter of this.operation.parameters) {
      if (parameter.in === 'header' && (credentialHeaders.has(parameter.name.toLowerCase()) || /^(accept|content-type|authorization)$/i.test(parameter.name))) continue;
      const value = this.parameterValue(parameter);
      if (value === undefined) {
        if (parameter.required) {
          this.warnings.push(`${this.operation.key}: no example or usable schema for required ${parameter.in} parameter "${parameter.name}"; the operation is skipped`);
          return undefined;
        }
        continue;
      }
      values[parameter.in][parameter.name] = value;
    }
    return values;
  }

  private parameterValue(parameter: ParameterModel): unknown {
    if (parameter.examples.length > 0) return parameter.examples[0];
    if (!parameter.required) return undefined;
    return sampleRequestValue(parameter.schema, { seed: this.seedFor(`${parameter.in}:${parameter.name}`), version: this.spec.version });
  }

  /** Bodies for the positive cases: each example (up to three), else one generated from the schema. */
  positiveBodies(media: MediaTypeModel): Array<{ value: unknown; from: string }> {
    if (media.examples.length > 0) return media.examples.slice(0, 3).map((value, index) => ({ value, from: media.examples.length > 1 ? `example ${index + 1}` : 'the example' }));
    const value = sampleRequestValue(media.schema, { seed: this.seedFor(`body:${media.mediaType}`), version: this.spec.version });
    return value === undefined ? [] : [{ value, from: 'a value generated from the schema' }];
  }

  add(kind: CaseKind, scenario: AuthScenario, identity: string, intent: string, values: ParameterValues, credentials: Credentials, body?: RequestBody): void {
    const request = buildRequest(this.options.baseUrl, this.operation, values, credentials, body);
    this.cases.push({ id: this.nextId(kind), operation: this.operation, kind, identity, scenario, intent, request });
  }

  /** Parameter values, the chosen body media type and the positive bodies; undefined when the operation cannot be built. */
  basis(): RequestBasis | undefined {
    const operation = this.operation;
    const values = this.parameterValues();
    if (!values) return undefined;
    let media: MediaTypeModel | undefined;
    if (operation.requestBody) {
      media = pickBodyMediaType(operation.requestBody.content);
      if (!media && operation.requestBody.required) {
        const types = operation.requestBody.content.map((item) => item.mediaType).join(', ') || 'none';
        this.warnings.push(`${operation.key}: cannot build a request body for media type(s) ${types}; the operation is skipped`);
        return undefined;
      }
    }
    const bodies = media ? this.positiveBodies(media) : [];
    if (media && bodies.length === 0 && operation.requestBody?.required) {
      this.warnings.push(`${operation.key}: no example or usable schema for the ${media.mediaType} request body; the operation is skipped`);
      return undefined;
    }
    return { values, media, bodies };
  }

  plan(): void {
    const operation = this.operation;
    const defaultIdentity = this.options.identities[0];
    const secured = operation.security.length > 0;
    const basis = this.basis();
    if (!basis) return;
    const { values, media, bodies } = basis;

    const canAuthenticate = !secured || defaultIdentity !== undefined;
    const identityName = defaultIdentity?.name ?? 'anonymous';
    const validCredentials = defaultIdentity ? credentialsOf(defaultIdentity) : NO_CREDENTIALS;
    if (!canAuthenticate) {
      this.warnings.push(`${operation.key}: secured, but no credentials are configured (--auth or contract.identities); only the authentication cases run`);
    }

    const bodyFor = (value: unknown, label: string): RequestBody | undefined => {
      if (!media) return undefined;
      const token = deriveSeed(this.options.seed, `${operation.key} ${label} unique`).toString(36).slice(0, 6);
      return { mediaType: media.mediaType, value: operation.kind === 'create' ? uniquify(value, media.schema, token) : value };
    };

    if (canAuthenticate) {
      const scenario: AuthScenario = defaultIdentity ? 'valid' : 'none';
      if (bodies.length === 0) {
        this.add('positive', scenario, identityName, 'a 2xx for a valid request built from the spec', values, validCredentials);
      }
      bodies.forEach((body, index) => {
        this.add('positive', scenario, identityName, `a 2xx for a valid request (body from ${body.from})`, values, validCredentials, bodyFor(body.value, `positive ${index}`));
      });
      this.planNegativeBodies(media, bodies[0]?.value, values, scenario, identityName, validCredentials, bodyFor);
      this.planNegativeQueries(values, scenario, identityName, validCredentials, bodies[0] ? bodyFor(bodies[0].value, 'negative query') : undefined);
    }

    if (secured) {
      const body = bodies[0] ? bodyFor(bodies[0].value, 'auth') : undefined;
      this.add('auth_none', 'none', identityName, 'a 401 (or a documented 403) for a request without credentials', values, NO_CREDENTIALS, body);
      this.add('auth_invalid', 'invalid', identityName, 'a 401 (or a documented 403) for a request with an invalid credential', values, invalidCredentials(this.spec, operation, defaultIdentity), body);
    }
  }

  private planNegativeBodies(
    media: MediaTypeModel | undefined,
    base: unknown,
    values: ParameterValues,
    scenario: AuthScenario,
    identity: string,
    credentials: Credentials,
    bodyFor: (value: unknown, label: string) => RequestBody | undefined,
  ): void {
    if (!media || !isJsonMedia(media.mediaType) || !media.schema || !base || typeof base !== 'object' || Array.isArray(base)) return;
    const limit = this.options.maxNegativePerSort ?? 5;
    const shape = objectShape(media.schema as JsonSchema);
    const requiredWritable = shape.required.filter((name) => {
      const property = shape.properties[name];
      return !(property && typeof property === 'object' && property['readOnly'] === true);
    });
    for (const name of requiredWritable.slice(0, limit)) {
      if (!(name in (base as Record<string, unknown>))) continue;
      const { [name]: _removed, ...rest } = base as Record<string, unknown>;
      const body = bodyFor(rest, `missing ${name}`);
      this.add('negative_missing_required', scenario, identity, `a 4xx for a body missing required property \`${name}\``, values, credentials, body);
    }
    const typed = [...requiredWritable, ...Object.keys(shape.properties).filter((name) => !requiredWritable.includes(name))]
      .filter((name) => name in (base as Record<string, unknown>))
      .map((name) => ({ name, type: singleType(shape.properties[name]) }))
      .filter((entry): entry is { name: string; type: string } => entry.type !== undefined && wrongTypeValue(entry.type) !== undefined);
    for (const { name, type } of typed.slice(0, limit)) {
      const wrong = { ...(base as Record<string, unknown>), [name]: wrongTypeValue(type) };
      this.add('negative_wrong_type', scenario, identity, `a 4xx for a body whose \`${name}\` is not of type ${type}`, values, credentials, bodyFor(wrong, `wrong ${name}`));
    }
  }

  private planNegativeQueries(values: ParameterValues, scenario: AuthScenario, identity: string, credentials: Credentials, body: RequestBody | undefined): void {
    const limit = this.options.maxNegativePerSort ?? 5;
    let enumCount = 0;
    let typeCount = 0;
    for (const parameter of this.operation.parameters) {
      if (parameter.in !== 'query' || !parameter.schema || typeof parameter.schema === 'boolean') continue;
      const schema = parameter.schema;
      const type = singleType(schema);
      if (Array.isArray(schema['enum']) && type === 'string' && enumCount < limit) {
        enumCount++;
        const invalid = { ...values, query: { ...values.query, [parameter.name]: 'apigate-not-in-enum' } };
        this.add('negative_query_enum', scenario, identity, `a 4xx for query parameter \`${parameter.name}\` outside its enum`, invalid, credentials, body);
      } else if ((type === 'integer' || type === 'number' || type === 'boolean') && typeCount < limit) {
        typeCount++;
        const invalid = { ...values, query: { ...values.query, [parameter.name]: wrongTypeValue(type) } };
        this.add('negative_query_type', scenario, identity, `a 4xx for query parameter \`${parameter.name}\` that is not of type ${type}`, invalid, credentials, body);
      }
    }
  }
}

/** Every case of the run, in a stable order (spec order, then case order), so `--shard` splits by index. */
export function planCases(spec: SpecModel, operations: OperationModel[], options: PlanOptions): Plan {
  const warnings: string[] = [];
  const cases: TestCase[] = [];
  for (const operation of operations) {
    const planner = new OperationPlanner(spec, operation, options, warnings);
    planner.plan();
    cases.push(...planner.cases);
  }
  return { cases, warnings };
}

/**
 * The valid parameter values and positive bodies of one operation, as the positive cases use them; stateful
 * flows start from these and replace the path parameters they learn at run time. Warnings go to `warnings`.
 */
export function requestBasis(spec: SpecModel, operation: OperationModel, options: PlanOptions, warnings: string[]): RequestBasis | undefined {
  return new OperationPlanner(spec, operation, options, warnings).basis();
}
