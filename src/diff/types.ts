import type { JsonPath, Range } from '../types.js';
import type { Loc, Located, SpecDocuments } from './documents.js';
import type { SchemaView } from './schema-view.js';

/** How much a change matters to existing clients, from most to least severe. */
export const CHANGE_LEVELS = ['breaking', 'warn', 'info'] as const;
export type ChangeLevel = (typeof CHANGE_LEVELS)[number];

export function isChangeLevel(value: unknown): value is ChangeLevel {
  return typeof value === 'string' && (CHANGE_LEVELS as readonly string[]).includes(value);
}

export function levelRank(level: ChangeLevel): number {
  return CHANGE_LEVELS.indexOf(level);
}

export type Direction = 'request' | 'response';

/** Why a breaking change does not fail the gate. */
export interface Allowance {
  by: 'major-version' | 'sunset' | 'approval';
  reason: string;
  approver?: string;
}

/** One difference between BASE and HEAD that a client could notice. */
export interface Change {
  /** The check that found it, e.g. `response-required-property-removed`. */
  id: string;
  level: ChangeLevel;
  message: string;
  /**
   * Stable, human-readable address used to approve the change, e.g.
   * `GET /v1/teams response 200 application/json property member_count`.
   */
  location: string;
  /** The operation the change belongs to, when it belongs to one. */
  operation?: { method: string; path: string };
  /** Where to look in HEAD: the changed node or, for removals, its nearest parent that still exists. */
  file: string;
  range?: Range;
  pointer: JsonPath;
  allowed?: Allowance;
}

/** What a check reports; the engine adds location, level and operation context. */
export interface Emitted {
  message: string;
  /** The HEAD node to point at (for removals: the nearest parent that still exists in HEAD). */
  at: Loc;
  /** Appended to the operation's location key, e.g. `parameter query limit`. */
  location?: string;
  /** For checks whose level depends on the case (e.g. a header that was required); config overrides still win. */
  level?: ChangeLevel;
  /** The BASE node that was removed, so deprecation and sunset dates can allow the removal. */
  removed?: unknown;
}

export type Emit = (change: Emitted) => void;

export interface SchemaEmitted {
  /** Completes "<subject> …", e.g. "was removed", "changed type from string to integer". */
  detail: string;
  at: Loc;
  /** A property name below the current schema, when the change is about one. */
  property?: string;
  level?: ChangeLevel;
  removed?: unknown;
}

export type SchemaEmit = (change: SchemaEmitted) => void;

export interface Side {
  documents: SpecDocuments;
  root: Record<string, unknown>;
}

export interface DocumentPair {
  base: Side;
  head: Side;
}

export interface Parameter {
  name: string;
  in: string;
  required: boolean;
  deprecated: boolean;
  /** The parameter object itself. */
  node: Record<string, unknown>;
  loc: Loc;
  /** The schema (or, for Swagger 2.0, the parameter acting as one). */
  schema?: Located;
}

export interface MediaTypeEntry {
  /** As written in the spec. */
  name: string;
  schema?: Located;
  loc: Loc;
}

export interface RequestBody {
  required: boolean;
  content: Map<string, MediaTypeEntry>;
  loc: Loc;
}

export interface ResponseEntry {
  status: string;
  node: Record<string, unknown>;
  loc: Loc;
  content: Map<string, MediaTypeEntry>;
  headers: Map<string, { name: string; required: boolean; schema?: Located; node: Record<string, unknown>; loc: Loc }>;
}

export type SecurityRequirement = Map<string, Set<string>>;

/** An operation as the checks see it, path-level parameters and inherited security already applied. */
export interface OperationView {
  method: string;
  path: string;
  node: Record<string, unknown>;
  loc: Loc;
  pathItemLoc: Loc;
  /** Keyed by `in:name` (header names lower-cased). */
  parameters: Map<string, Parameter>;
  requestBody?: RequestBody;
  responses: Map<string, ResponseEntry>;
  responsesLoc: Loc;
  /** Alternatives (OR) of requirements (AND); an empty requirement means anonymous access is allowed. */
  security: SecurityRequirement[];
  securityLoc: Loc;
}

export interface OperationPair extends DocumentPair {
  /** `GET /v1/teams` (the HEAD path). */
  label: string;
  baseOperation: OperationView;
  headOperation: OperationView;
}

export interface RemovedOperation extends DocumentPair {
  label: string;
  operation: OperationView;
  /** True when the whole path is gone, not only this method. */
  pathRemoved: boolean;
  /** Nearest parent in HEAD: the path item when it remains, else `paths`. */
  at: Loc;
}

/** `oneOf`/`anyOf` branches matched across versions (by referenced component, then shape, then position). */
export interface SchemaAlternatives {
  pairs: Array<[Located, Located]>;
  removed: Located[];
  added: Located[];
}

export interface SchemaPair {
  direction: Direction;
  base: SchemaView;
  head: SchemaView;
  /** Present when both schemas are `oneOf`/`anyOf` unions. */
  alternatives?: SchemaAlternatives;
}

/**
 * A change check: its identity and default level, and the hooks the comparison engine calls. A check only
 * asserts; walking the two documents and building messages and locations is the engine's job.
 */
export interface DiffCheck {
  id: string;
  level: ChangeLevel;
  /** One line, shown in catalogues and SARIF rule lists. */
  description: string;
  document?(pair: DocumentPair, emit: Emit): void;
  operationRemoved?(removed: RemovedOperation, emit: Emit): void;
  operation?(pair: OperationPair, emit: Emit): void;
  schema?(pair: SchemaPair, emit: SchemaEmit): void;
}

export function defineCheck(check: DiffCheck): DiffCheck {
  return check;
}
