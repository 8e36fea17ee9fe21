/**
 * Turns an OpenAPI Schema Object into plain JSON Schema that ajv validates with OpenAPI's meaning:
 * - 3.0 `nullable` allows null, also next to `allOf`/`oneOf`/`anyOf` and for an `enum` that does not list it;
 * - 3.0 boolean `exclusiveMinimum`/`exclusiveMaximum` become the numeric form (also when a 3.1 document
 *   uses them, a common slip that would otherwise make the schema uncompilable);
 * - `readOnly` properties are not demanded in requests, `writeOnly` ones not in responses (a writeOnly
 *   property a response does carry is marked so the validator can note it);
 * - `discriminator` selects the branch by value instead of "exactly one branch matches";
 * - a plain `oneOf` is tagged with the schema's name, so an ambiguous match can be reported by name, and can
 *   be relaxed to `anyOf` for the second, lenient pass;
 * - cycles left by dereferencing recursive schemas become `$ref`s into a definitions section, and the
 *   annotations ajv would otherwise try to resolve (`$id`, `$schema`, `$anchor`) are dropped.
 * The source schema is never modified; each schema is translated once and the result compiled once.
 */
import type { JsonSchema, OpenApiVersion } from '../types.js';
import { discriminatorOf } from './discriminator.js';
import { escapePointerSegment, isSchemaObject, type SchemaIndex, type SchemaObject } from './schema-index.js';

export type Direction = 'request' | 'response';

/** Custom keywords the validator registers with ajv. */
export const WRITE_ONLY_KEYWORD = 'apigateWriteOnly';
export const SCHEMA_NAME_KEYWORD = 'x-apigate-schema';

export interface TranslateOptions {
  version: OpenApiVersion;
  direction: Direction;
  index: SchemaIndex;
  /** Names the root schema in messages when it is not a component (e.g. the response's JSON pointer); nested locations extend it. */
  label: string;
  /** Translate plain `oneOf` as `anyOf` (the lenient pass that decides whether an ambiguity is the only problem). */
  lenientOneOf: boolean;
  /**
   * Called for each component schema met below the root; a returned id is emitted as a `$ref` to a schema
   * registered under that id, so each component is translated and compiled once for all the responses that
   * use it. Not called inside a discriminator's branches, where the base schema must be seen without its
   * choice (a shared reference there would loop).
   */
  componentRef?: (schema: SchemaObject) => string | undefined;
}

export interface Translation {
  schema: JsonSchema;
  /** True when the schema has a plain `oneOf` whose branches could overlap. */
  hasPlainOneOf: boolean;
  /** Malformed keywords left out (a `required: true`, a `type: file`), each of which would make ajv refuse the whole schema. */
  warnings: string[];
}

const JSON_TYPES = new Set(['null', 'boolean', 'object', 'array', 'number', 'string', 'integer']);
const NUMERIC_KEYWORDS = new Set([
  'minimum',
  'maximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'minContains',
  'maxContains',
]);

/** Why a keyword's value cannot be compiled, or undefined when it can. */
function malformed(keyword: string, value: unknown): string | undefined {
  if (NUMERIC_KEYWORDS.has(keyword)) return typeof value === 'number' ? undefined : 'not a number';
  if (keyword === 'pattern' || keyword === 'format') return typeof value === 'string' ? undefined : 'not a string';
  if (keyword === 'enum' || SCHEMA_LIST_KEYWORDS.has(keyword)) return Array.isArray(value) ? undefined : 'not an array';
  if (SCHEMA_MAP_KEYWORDS.has(keyword)) return isSchemaObject(value) ? undefined : 'not an object';
  if (keyword === 'uniqueItems') return typeof value === 'boolean' ? undefined : 'not a boolean';
  if (keyword === 'required') {
    return Array.isArray(value) && value.every((name) => typeof name === 'string') ? undefined : 'not an array of names';
  }
  if (keyword === 'type') {
    const types = Array.isArray(value) ? value : [value];
    return types.length > 0 && types.every((type) => typeof type === 'string' && JSON_TYPES.has(type))
      ? undefined
      : `not a JSON Schema type: ${JSON.stringify(value)}`;
  }
  return undefined;
}

const DROPPED_KEYWORDS = new Set([
  'nullable',
  'discriminator',
  'readOnly',
  'writeOnly',
  'xml',
  'externalDocs',
  'example',
  'examples',
  'deprecated',
  '$id',
  '$schema',
  '$anchor',
  '$dynamicAnchor',
  '$comment',
  'title',
  'description',
  'default',
]);

const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const SCHEMA_LIST_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SINGLE_SCHEMA_KEYWORDS = new Set([
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems',
  'contentSchema',
]);

interface MemoEntry {
  id: number;
  done: boolean;
  recursive: boolean;
  result?: JsonSchema;
}

export function translateSchema(root: JsonSchema, options: TranslateOptions): Translation {
  return new Translator(options).run(root);
}

class Translator {
  private readonly memo = new Map<object, Map<string, MemoEntry>>();
  private readonly definitions: Record<string, JsonSchema> = {};
  private readonly definitionsKeyword: string;
  private nextId = 0;
  private hasPlainOneOf = false;
  /** Discriminated schemas whose branches are being translated: inside them the schema is seen without its choice. */
  private readonly suppressed: object[] = [];

  constructor(private readonly options: TranslateOptions) {
    this.definitionsKeyword = options.version === '3.0' ? 'definitions' : '$defs';
  }

  private root: unknown;

  private readonly warnings: string[] = [];

  run(root: JsonSchema): Translation {
    this.root = root;
    const schema = this.translate(root, this.options.label);
    const { hasPlainOneOf, warnings } = this;
    if (Object.keys(this.definitions).length === 0) return { schema, hasPlainOneOf, warnings };
    return { schema: { [this.definitionsKeyword]: this.definitions, allOf: [schema] }, hasPlainOneOf, warnings };
  }

  private translate(node: unknown, path: string, extraFlagged?: ReadonlySet<string>): JsonSchema {
    if (typeof node === 'boolean') return node;
    if (!isSchemaObject(node)) return {};
    if (typeof node['$ref'] === 'string') {
      const target = this.options.index.resolve(node['$ref']);
      if (target !== undefined && target !== node) {
        const siblings = Object.keys(node).filter((key) => key !== '$ref' && !DROPPED_KEYWORDS.has(key));
        // 3.0 ignores `$ref` siblings, except that `nullable` next to a `$ref` is universally meant to allow
        // null; 3.1 applies siblings alongside the target.
        if (this.options.version === '3.0' || siblings.length === 0) {
          const translated = this.translate(target, path, extraFlagged);
          if (this.options.version === '3.0' && node['nullable'] === true) return { if: { type: 'null' }, then: true, else: translated };
          return translated;
        }
        const { $ref: _ref, ...rest } = node;
        return { allOf: [this.translate(target, path), this.translate(rest, path, extraFlagged)] };
      }
    }

    const base = this.suppressed.includes(node);
    const contextKey = `${this.suppressed.map((schema) => this.idOf(schema)).join(',')}|${base ? 'base' : 'full'}`;
    const usesExtra = extraFlagged !== undefined && requiredNames(node).some((name) => extraFlagged.has(name));
    if (usesExtra) return this.translateObject(node, path, base, extraFlagged);
    if (node !== this.root && this.options.componentRef && !this.reachesSuppressed(node)) {
      const id = this.options.componentRef(node);
      if (id !== undefined) return { $ref: id };
    }

    let byContext = this.memo.get(node);
    if (!byContext) {
      byContext = new Map();
      this.memo.set(node, byContext);
    }
    const entry = byContext.get(contextKey);
    if (entry) {
      if (!entry.done) entry.recursive = true;
      if (!entry.done || entry.recursive) return { $ref: `#/${this.definitionsKeyword}/s${entry.id}` };
      return entry.result as JsonSchema;
    }
    const created: MemoEntry = { id: this.nextId++, done: false, recursive: false };
    byContext.set(contextKey, created);
    const result = this.translateObject(node, path, base, undefined);
    created.done = true;
    created.result = result;
    if (!created.recursive) return result;
    this.definitions[`s${created.id}`] = result;
    return { $ref: `#/${this.definitionsKeyword}/s${created.id}` };
  }

  /**
   * Inside a discriminator's branches, a component may be shared (referenced) unless it leads back to the
   * discriminated schema without descending into the data (through `allOf` and friends): shared, that
   * schema would be seen in full again and choose the same branch forever.
   */
  private reachesSuppressed(node: SchemaObject): boolean {
    if (this.suppressed.length === 0) return false;
    const closure = compositionClosure(node);
    return this.suppressed.some((schema) => closure.has(schema));
  }

  private readonly ids = new WeakMap<object, number>();
  private idOf(schema: object): number {
    let id = this.ids.get(schema);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(schema, id);
    }
    return id;
  }

  private translateObject(
    node: SchemaObject,
    path: string,
    base: boolean,
    extraFlagged: ReadonlySet<string> | undefined,
  ): JsonSchema {
    const { version, direction, index } = this.options;
    // Locations in messages start from the nearest component, which is where a reader would go to fix it.
    path = index.pointerOf(node) ?? path;
    const out: SchemaObject = {};
    const discriminator = base ? undefined : discriminatorOf(node, index);
    const flagged = flaggedProperties(node, direction, new Set());
    if (extraFlagged) for (const name of extraFlagged) flagged.add(name);

    for (const [keyword, value] of Object.entries(node)) {
      if (DROPPED_KEYWORDS.has(keyword) || keyword.startsWith('x-') || keyword === '$ref') continue;
      if (base && (keyword === 'oneOf' || keyword === 'anyOf')) continue;
      if (discriminator && keyword === discriminator.keyword) continue;
      const at = `${path}/${escapePointerSegment(keyword)}`;
      const problem = malformed(keyword, value);
      if (problem !== undefined) {
        this.warnings.push(`${at} is ${problem}; not enforced`);
        continue;
      }

      if (keyword === 'properties' && isSchemaObject(value)) {
        const properties: SchemaObject = {};
        for (const [name, propertySchema] of Object.entries(value)) {
          const translated = this.translate(propertySchema, `${at}/${escapePointerSegment(name)}`);
          properties[name] =
            direction === 'response' && isFlagged(propertySchema, 'writeOnly')
              ? { allOf: [translated], [WRITE_ONLY_KEYWORD]: path }
              : translated;
        }
        out[keyword] = properties;
      } else if (SCHEMA_MAP_KEYWORDS.has(keyword) && isSchemaObject(value)) {
        const translated: SchemaObject = {};
        for (const [name, member] of Object.entries(value)) {
          translated[name] = this.translate(member, `${at}/${escapePointerSegment(name)}`);
        }
        out[keyword] = translated;
      } else if (keyword === 'allOf' && Array.isArray(value)) {
        out[keyword] = value.map((member, position) => this.translate(member, `${at}/${position}`, flagged));
      } else if (SCHEMA_LIST_KEYWORDS.has(keyword) && Array.isArray(value)) {
        const members = value.map((member, position) => this.translate(member, `${at}/${position}`));
        if (keyword === 'oneOf') {
          this.hasPlainOneOf = true;
          out[this.options.lenientOneOf ? 'anyOf' : 'oneOf'] = members;
          out[SCHEMA_NAME_KEYWORD] = path;
        } else {
          out[keyword] = members;
        }
      } else if (keyword === 'items') {
        out[keyword] = Array.isArray(value)
          ? value.map((member, position) => this.translate(member, `${at}/${position}`))
          : this.translate(value, at);
      } else if (SINGLE_SCHEMA_KEYWORDS.has(keyword)) {
        out[keyword] = this.translate(value, at);
      } else if (keyword === 'required' && Array.isArray(value)) {
        out[keyword] = value.filter((name) => typeof name !== 'string' || !flagged.has(name));
      } else if (keyword === 'exclusiveMinimum' || keyword === 'exclusiveMaximum') {
        // The boolean form is 3.0's; 3.1 documents carry it too often to refuse the whole schema over it.
        if (typeof value === 'number') out[keyword] = value;
      } else if (keyword === 'minimum' || keyword === 'maximum') {
        const exclusive = node[keyword === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum'] === true;
        out[exclusive ? (keyword === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum') : keyword] = value;
      } else {
        out[keyword] = value;
      }
    }

    if (discriminator) this.applyDiscriminator(node, out, discriminator, path);
    if (version === '3.0' && node['nullable'] === true) return allowNull(out);
    return out;
  }

  private applyDiscriminator(
    node: SchemaObject,
    out: SchemaObject,
    discriminator: NonNullable<ReturnType<typeof discriminatorOf>>,
    path: string,
  ): void {
    const { propertyName } = discriminator;
    const allValues = discriminator.branches.flatMap((branch) => branch.values);
    const selection: JsonSchema[] = [
      { type: 'object', required: [propertyName], properties: { [propertyName]: { enum: allValues } } },
    ];
    this.suppressed.push(node);
    try {
      discriminator.branches.forEach(({ branch, values }, position) => {
        selection.push({
          if: { type: 'object', required: [propertyName], properties: { [propertyName]: { enum: values } } },
          then: this.translate(branch, `${path}/${discriminator.keyword}/${position}`),
        });
      });
    } finally {
      this.suppressed.pop();
    }
    out['allOf'] = [...(Array.isArray(out['allOf']) ? out['allOf'] : []), ...selection];
  }
}

/** 3.0 `nullable: true`: null is accepted in addition to whatever the rest of the schema accepts. */
function allowNull(schema: SchemaObject): JsonSchema {
  const composed = ['allOf', 'anyOf', 'oneOf', 'not', 'if'].some((keyword) => keyword in schema);
  if (!composed) {
    const result: SchemaObject = { ...schema };
    const type = schema['type'];
    if (typeof type === 'string') result['type'] = [type, 'null'];
    else if (Array.isArray(type) && !type.includes('null')) result['type'] = [...type, 'null'];
    const values = schema['enum'];
    if (Array.isArray(values) && !values.includes(null)) result['enum'] = [...values, null];
    return result;
  }
  return { if: { type: 'null' }, then: true, else: schema };
}

function requiredNames(node: SchemaObject): string[] {
  const required = node['required'];
  return Array.isArray(required) ? required.filter((name): name is string => typeof name === 'string') : [];
}

function isFlagged(schema: unknown, flag: 'readOnly' | 'writeOnly', depth = 0): boolean {
  if (!isSchemaObject(schema) || depth > 8) return false;
  if (schema[flag] === true) return true;
  const allOf = schema['allOf'];
  return Array.isArray(allOf) && allOf.some((member) => isFlagged(member, flag, depth + 1));
}

/**
 * Names of the properties (declared here or in `allOf` members) a message in this direction need not carry:
 * `writeOnly` ones in responses, `readOnly` ones in requests.
 */
function flaggedProperties(node: SchemaObject, direction: Direction, seen: Set<object>): Set<string> {
  const flagged = new Set<string>();
  if (seen.has(node)) return flagged;
  seen.add(node);
  const flag = direction === 'response' ? 'writeOnly' : 'readOnly';
  const properties = node['properties'];
  if (isSchemaObject(properties)) {
    for (const [name, schema] of Object.entries(properties)) if (isFlagged(schema, flag)) flagged.add(name);
  }
  const allOf = node['allOf'];
  if (Array.isArray(allOf)) {
    for (const member of allOf) {
      if (isSchemaObject(member)) for (const name of flaggedProperties(member, direction, seen)) flagged.add(name);
    }
  }
  return flagged;
}

const COMPOSITION_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else'];
const closures = new WeakMap<object, Set<object>>();

/** Every schema reachable from `node` through compositions alone, i.e. applied to the same value. */
function compositionClosure(node: SchemaObject): Set<object> {
  const cached = closures.get(node);
  if (cached) return cached;
  const reached = new Set<object>();
  const pending: unknown[] = [node];
  while (pending.length > 0) {
    const current = pending.pop();
    if (!isSchemaObject(current) || reached.has(current)) continue;
    reached.add(current);
    for (const keyword of COMPOSITION_KEYWORDS) {
      const value = current[keyword];
      if (Array.isArray(value)) pending.push(...value);
      else pending.push(value);
    }
  }
  closures.set(node, reached);
  return reached;
}
