/**
 * The contract runner's schema validator. Each schema is translated (see translate.ts) and compiled once per
 * direction, then reused for every exchange of the run, so a response costs one call of generated code.
 * OpenAPI 3.0 schemas are validated as JSON Schema draft-07 after translation; 3.1 schemas are JSON Schema
 * 2020-12 and go to ajv's 2020 dialect.
 *
 * A `oneOf` without a discriminator whose branches overlap cannot be judged from the spec alone: the first
 * pass uses `oneOf` as written, and only when that fails on an overlap does a second, lenient pass (`oneOf`
 * read as `anyOf`) decide. A body that passes it is valid, with a warning naming the ambiguous schema.
 */
import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as formatsModule from 'ajv-formats';
import type { JsonSchema, OpenApiVersion, ResponseValidatorApi, SchemaValidationResult, SpecModel } from '../types.js';
import { formatErrors } from './errors.js';
import { headerValueFor } from './header-value.js';
import { createLinearRegExpEngine } from './regexp.js';
import { SchemaIndex } from './schema-index.js';
import { SCHEMA_NAME_KEYWORD, translateSchema, WRITE_ONLY_KEYWORD, type Direction } from './translate.js';
import { undocumentedProperties } from './undocumented.js';
import { AMBIGUOUS_SCHEMA, NOT_ENFORCED, WRITE_ONLY_PRESENT } from './warnings.js';

type FormatsPlugin = (ajv: Ajv, options?: unknown) => Ajv;
const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ??
  (formatsModule as unknown as FormatsPlugin)) as FormatsPlugin;

interface RegisteredComponent {
  translated: JsonSchema;
  hasPlainOneOf: boolean;
  references: Set<string>;
}

interface ComponentNamespace {
  ids: WeakMap<object, string>;
  byId: Map<string, RegisteredComponent>;
  pending: Array<[Record<string, unknown>, string]>;
  nextId: number;
}

interface CompiledSchema {
  validate?: ValidateFunction;
  /** Compiled on first need: only bodies that fail the strict pass on an overlapping `oneOf` use it. */
  lenient?: ValidateFunction | null;
  source: JsonSchema;
  translated?: JsonSchema;
  hasPlainOneOf: boolean;
  label: string;
  direction: Direction;
  /** Problems with the schema itself, found while compiling (a pattern RE2 cannot run, an uncompilable schema). */
  warnings: string[];
}

/** Shared by every passing validation without warnings, so the common case allocates nothing. */
const VALID = Object.freeze({
  valid: true,
  errors: Object.freeze([]),
  warnings: Object.freeze([]),
}) as unknown as SchemaValidationResult;

export interface ValidatorSource {
  version: OpenApiVersion;
  document?: Record<string, unknown>;
}

export class ResponseValidator implements ResponseValidatorApi {
  private readonly index: SchemaIndex;
  private readonly version: OpenApiVersion;
  private readonly ajv: Ajv;
  private readonly compiled = new Map<Direction, WeakMap<object, CompiledSchema>>([
    ['request', new WeakMap()],
    ['response', new WeakMap()],
  ]);
  /** Component schemas registered with ajv, per direction and pass, so each is compiled once per run. */
  private readonly components = new Map<string, ComponentNamespace>();
  /** Where the ajv hooks report while one compile or one validation runs (both are synchronous). */
  private compileWarnings: string[] | undefined;
  /** Instance path and declaring schema of each writeOnly property a response carried. */
  private writeOnlySeen: Array<[string, string]> | undefined;

  constructor(source: ValidatorSource) {
    this.version = source.version;
    this.index = new SchemaIndex(source.document);
    const regExp = createLinearRegExpEngine((pattern, reason) => {
      this.compileWarnings?.push(
        `pattern ${JSON.stringify(pattern)} cannot be matched in linear time (${reason}); ${NOT_ENFORCED}`,
      );
    });
    const options: Options = {
      strict: false,
      allErrors: true,
      logger: false,
      validateSchema: false,
      addUsedSchema: false,
      code: { regExp },
    };
    this.ajv = source.version === '3.0' ? new Ajv(options) : (new Ajv2020(options) as unknown as Ajv);
    addFormats(this.ajv);
    this.ajv.addKeyword({ keyword: SCHEMA_NAME_KEYWORD });
    this.ajv.addKeyword({
      keyword: WRITE_ONLY_KEYWORD,
      schemaType: 'string',
      errors: false,
      validate: (owner: string, _data: unknown, _parent: unknown, dataContext?: { instancePath: string }) => {
        if (dataContext) this.writeOnlySeen?.push([dataContext.instancePath, owner]);
        return true;
      },
    });
  }

  validateResponseBody(schema: JsonSchema, body: unknown, cacheKey: string): SchemaValidationResult {
    return this.validate(schema, body, cacheKey, 'response');
  }

  /** Request bodies follow the opposite readOnly/writeOnly rule; used to check generated positive cases. */
  validateRequestBody(schema: JsonSchema, body: unknown, cacheKey: string): SchemaValidationResult {
    return this.validate(schema, body, cacheKey, 'request');
  }

  validateHeader(schema: JsonSchema, value: string, cacheKey: string): SchemaValidationResult {
    return this.validate(schema, headerValueFor(schema, value), cacheKey, 'response');
  }

  undocumentedProperties(schema: JsonSchema, body: unknown): string[] {
    return undocumentedProperties(schema, body, this.index);
  }

  private validate(schema: JsonSchema, data: unknown, cacheKey: string, direction: Direction): SchemaValidationResult {
    if (schema === true) return VALID;
    if (schema === false) {
      return { valid: false, errors: [{ instancePath: '', message: 'must not be present (schema is false)' }], warnings: [] };
    }
    const compiled = this.compile(schema, cacheKey, direction);
    if (!compiled.validate) return compiled.warnings.length ? { valid: true, errors: [], warnings: compiled.warnings } : VALID;

    const seen: Array<[string, string]> = [];
    this.writeOnlySeen = seen;
    try {
      if (compiled.validate(data)) return this.result(compiled, true, [], seen, []);
      const errors = compiled.validate.errors ?? [];
      const overlaps = errors.filter(isOverlap);
      if (overlaps.length > 0 && compiled.hasPlainOneOf && this.lenient(compiled)?.(data)) {
        const ambiguity = overlaps.map((error) => this.ambiguityWarning(compiled, error));
        return this.result(compiled, true, [], seen, ambiguity);
      }
      const remaining = errors.filter((error) => !isOverlap(error));
      return this.result(compiled, false, formatErrors(remaining.length ? remaining : errors), seen, []);
    } finally {
      this.writeOnlySeen = undefined;
    }
  }

  private result(
    compiled: CompiledSchema,
    valid: boolean,
    errors: SchemaValidationResult['errors'],
    writeOnlyPaths: Array<[string, string]>,
    extraWarnings: string[],
  ): SchemaValidationResult {
    if (compiled.warnings.length === 0 && writeOnlyPaths.length === 0 && extraWarnings.length === 0) {
      return valid ? VALID : { valid, errors, warnings: [] };
    }
    const warnings = [...compiled.warnings, ...extraWarnings];
    for (const [path, owner] of writeOnlyPaths) {
      warnings.push(`property ${generalisePath(path)} ${WRITE_ONLY_PRESENT} ${owner} but the response carries it`);
    }
    return { valid, errors, warnings: [...new Set(warnings)] };
  }

  private compile(schema: Record<string, unknown>, cacheKey: string, direction: Direction): CompiledSchema {
    const cache = this.compiled.get(direction) as WeakMap<object, CompiledSchema>;
    const cached = cache.get(schema);
    if (cached) return cached;
    const label = this.index.pointerOf(schema) ?? cacheKey;
    const entry: CompiledSchema = { source: schema, hasPlainOneOf: false, label, direction, warnings: [] };
    const warnings: string[] = [];
    // Translation warnings name their location already; compile warnings get the schema's label.
    const translationWarnings: string[] = [];
    this.compileWarnings = warnings;
    try {
      const translation = this.translateRoot(schema, label, direction, false);
      translationWarnings.push(...translation.warnings);
      entry.translated = translation.schema;
      entry.hasPlainOneOf = translation.hasPlainOneOf;
      entry.validate = this.ajv.compile(translation.schema as object);
    } catch (error) {
      warnings.push(`schema cannot be compiled (${error instanceof Error ? error.message : String(error)}); ${NOT_ENFORCED}`);
    } finally {
      this.compileWarnings = undefined;
    }
    entry.warnings = [...translationWarnings, ...warnings.map((warning) => `${label}: ${warning}`)];
    cache.set(schema, entry);
    return entry;
  }

  private lenient(compiled: CompiledSchema): ValidateFunction | null {
    if (compiled.lenient !== undefined) return compiled.lenient;
    try {
      const translation = this.translateRoot(compiled.source as Record<string, unknown>, compiled.label, compiled.direction, true);
      compiled.lenient = this.ajv.compile(translation.schema as object);
    } catch {
      compiled.lenient = null;
    }
    return compiled.lenient;
  }

  /**
   * Translates a root schema; the component schemas it uses are registered with ajv under their own ids
   * (once per direction and pass) and referenced, so a large spec whose responses share components compiles
   * each component once instead of once per response.
   */
  private translateRoot(
    schema: Record<string, unknown>,
    label: string,
    direction: Direction,
    lenientOneOf: boolean,
  ): { schema: JsonSchema; hasPlainOneOf: boolean; warnings: string[] } {
    const namespace = this.namespace(direction, lenientOneOf);
    const references = new Set<string>();
    const componentRef = (node: Record<string, unknown>): string | undefined => {
      const id = this.componentId(namespace, node, direction, lenientOneOf);
      if (id !== undefined) references.add(id);
      return id;
    };
    let result: { schema: JsonSchema; hasPlainOneOf: boolean; warnings: string[] };
    const rootId = componentRef(schema);
    if (rootId !== undefined) {
      result = { schema: { $ref: rootId }, hasPlainOneOf: false, warnings: [] };
    } else {
      result = translateSchema(schema, { version: this.version, direction, index: this.index, label, lenientOneOf, componentRef });
    }
    const warnings = [...result.warnings, ...this.registerPending(namespace, direction, lenientOneOf)];
    const seen = new Set<string>();
    const reachesOneOf = (id: string): boolean => {
      if (seen.has(id)) return false;
      seen.add(id);
      const component = namespace.byId.get(id);
      return component !== undefined && (component.hasPlainOneOf || [...component.references].some(reachesOneOf));
    };
    return { schema: result.schema, hasPlainOneOf: result.hasPlainOneOf || [...references].some(reachesOneOf), warnings };
  }

  private namespace(direction: Direction, lenientOneOf: boolean): ComponentNamespace {
    const key = `${direction}:${lenientOneOf ? 'lenient' : 'strict'}`;
    let namespace = this.components.get(key);
    if (!namespace) {
      namespace = { ids: new WeakMap(), byId: new Map(), pending: [], nextId: 0 };
      this.components.set(key, namespace);
    }
    return namespace;
  }

  private componentId(
    namespace: ComponentNamespace,
    node: Record<string, unknown>,
    direction: Direction,
    lenientOneOf: boolean,
  ): string | undefined {
    if (this.index.pointerOf(node) === undefined) return undefined;
    let id = namespace.ids.get(node);
    if (id === undefined) {
      id = `urn:apigate:${direction}:${lenientOneOf ? 'lenient' : 'strict'}:${namespace.nextId++}`;
      namespace.ids.set(node, id);
      namespace.pending.push([node, id]);
    }
    return id;
  }

  /** Registers the components met so far; returns the translation warnings of the new ones. */
  private registerPending(namespace: ComponentNamespace, direction: Direction, lenientOneOf: boolean): string[] {
    const warnings: string[] = [];
    for (let next = namespace.pending.shift(); next; next = namespace.pending.shift()) {
      const [node, id] = next;
      const references = new Set<string>();
      const translation = translateSchema(node, {
        version: this.version,
        direction,
        index: this.index,
        label: this.index.pointerOf(node) ?? id,
        lenientOneOf,
        componentRef: (child) => {
          const childId = this.componentId(namespace, child, direction, lenientOneOf);
          if (childId !== undefined) references.add(childId);
          return childId;
        },
      });
      const translated =
        typeof translation.schema === 'boolean' ? { allOf: [translation.schema], $id: id } : { ...translation.schema, $id: id };
      namespace.byId.set(id, { translated, hasPlainOneOf: translation.hasPlainOneOf, references });
      this.ajv.addSchema(translated);
      warnings.push(...translation.warnings);
    }
    return warnings;
  }

  /** The schema object an ajv `schemaPath` points into: the root's (`#/…`) or a component's (`urn:apigate:…:3/…`). */
  private schemaAt(compiled: CompiledSchema, schemaPath: string): Record<string, unknown> | undefined {
    const component = /^(urn:apigate:[a-z]+:[a-z]+:\d+)#?(.*)$/.exec(schemaPath);
    if (!component) return schemaAt(compiled.translated, schemaPath);
    for (const namespace of this.components.values()) {
      const registered = namespace.byId.get(component[1] ?? '');
      if (registered) return schemaAt(registered.translated, `#${component[2] ?? ''}`);
    }
    return undefined;
  }

  private ambiguityWarning(compiled: CompiledSchema, error: ErrorObject): string {
    const owner = this.schemaAt(compiled, error.schemaPath);
    const name = owner && typeof owner[SCHEMA_NAME_KEYWORD] === 'string' ? owner[SCHEMA_NAME_KEYWORD] : compiled.label;
    const branches = ((error.params as { passingSchemas?: number[] }).passingSchemas ?? []).map((i) => `oneOf/${i}`);
    const at = error.instancePath === '' ? 'the body' : `the value at ${generalisePath(error.instancePath)}`;
    return `${AMBIGUOUS_SCHEMA} ${name}: ${at} matches ${branches.join(' and ')} and no discriminator says which applies; accepted without choosing`;
  }
}

export function createResponseValidator(spec: Pick<SpecModel, 'version' | 'document'>): ResponseValidator {
  return new ResponseValidator({ version: spec.version, document: spec.document });
}

/**
 * `/items/*\/secret` for `/items/3/secret`: a schema problem repeats for every array item, and one line per
 * schema and property is what a reader needs (and what lets a run list each warning once).
 */
function generalisePath(pointer: string): string {
  return pointer.replace(/\/\d+(?=\/|$)/g, '/*');
}

function isOverlap(error: ErrorObject): boolean {
  return error.keyword === 'oneOf' && Array.isArray((error.params as { passingSchemas?: unknown }).passingSchemas);
}

/** The schema object holding the keyword an ajv `schemaPath` (`#/properties/pet/oneOf`) points at. */
function schemaAt(root: JsonSchema | undefined, schemaPath: string): Record<string, unknown> | undefined {
  const segments = schemaPath.replace(/^#\/?/, '').split('/').slice(0, -1);
  let node: unknown = root;
  for (const raw of segments) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (node && typeof node === 'object') node = (node as Record<string, unknown>)[segment];
    else return undefined;
  }
  return node && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>) : undefined;
}
