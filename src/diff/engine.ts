import type { Loc, Located, SpecDocuments } from './documents.js';
import { collectOperations, matchingMediaType, pathKey } from './operations.js';
import { canonical, schemaView, type SchemaView } from './schema-view.js';
import type { ChangeLevel, DiffCheck, Direction, DocumentPair, OperationPair, OperationView, SchemaAlternatives, SchemaPair } from './types.js';

/** A change before configuration, policy and approvals have been applied. */
export interface DetectedChange {
  check: DiffCheck;
  level?: ChangeLevel;
  message: string;
  location: string;
  operation?: { method: string; path: string };
  at: Loc;
  removed?: unknown;
}

/** What a schema change is about; decides the wording of the message and the location key. */
type Subject =
  | { kind: 'request-body'; mediaType: string; showMediaType: boolean }
  | { kind: 'parameter'; in: string; name: string }
  | { kind: 'response-body'; status: string; mediaType: string; showMediaType: boolean }
  | { kind: 'response-header'; status: string; name: string };

interface RelativeChange {
  check: DiffCheck;
  detail: string;
  at: Loc;
  path: string[];
  level?: ChangeLevel;
  removed?: unknown;
}


/**
 * Walks BASE and HEAD side by side: paths, then operations, then parameters, bodies and responses, then
 * schemas property by property, handing each pair to the checks. Schema pairs are compared once per
 * direction and the result reused wherever the same pair is reached again (shared components, cycles).
 */
export class DiffEngine {
  private readonly schemaChecks: DiffCheck[];
  private readonly memo = new WeakMap<object, WeakMap<object, Partial<Record<Direction, RelativeChange[]>>>>();
  /** Pairs being compared further up the stack, with their depth, to cut recursion in recursive schemas. */
  private readonly inProgress = new WeakMap<object, Map<object, number>>();
  private depth = 0;
  /** The shallowest in-progress pair a cycle was cut at; results below it are partial and must not be memoised. */
  private shallowestCut = Number.POSITIVE_INFINITY;
  readonly changes: DetectedChange[] = [];

  constructor(
    private readonly pair: DocumentPair,
    private readonly checks: DiffCheck[],
  ) {
    this.schemaChecks = checks.filter((check) => check.schema);
  }

  run(): DetectedChange[] {
    for (const check of this.checks) {
      check.document?.(this.pair, (emitted) => this.add(check, emitted));
    }
    const baseOperations = collectOperations(this.pair.base.documents);
    const headOperations = collectOperations(this.pair.head.documents);
    const headPaths = headOperations;
    for (const [key, basePath] of baseOperations) {
      const headPath = headPaths.get(key);
      for (const [method, baseOperation] of basePath.operations) {
        const headOperation = headPath?.operations.get(method);
        const shownPath = headOperation && headPath ? headPath.path : basePath.path;
        const label = `${method.toUpperCase()} ${shownPath}`;
        const operation = { method: method.toUpperCase(), path: shownPath };
        if (!headOperation) {
          const at = headPath ? headPath.loc : { file: this.pair.head.documents.rootLoc.file, pointer: ['paths'] };
          const removed = { ...this.pair, label, operation: baseOperation, pathRemoved: !headPath || headPath.operations.size === 0, at };
          for (const check of this.checks) {
            check.operationRemoved?.(removed, (emitted) => this.add(check, emitted, label, operation));
          }
          continue;
        }
        this.compareOperation({ ...this.pair, label, baseOperation, headOperation }, operation);
      }
    }
    return this.changes;
  }

  private add(check: DiffCheck, emitted: { message: string; at: Loc; location?: string; level?: ChangeLevel; removed?: unknown }, label?: string, operation?: { method: string; path: string }): void {
    const location = [label, emitted.location].filter(Boolean).join(' ') || emitted.location || '';
    this.changes.push({ check, level: emitted.level, message: emitted.message, location, operation, at: emitted.at, removed: emitted.removed });
  }

  private compareOperation(pair: OperationPair, operation: { method: string; path: string }): void {
    for (const check of this.checks) {
      check.operation?.(pair, (emitted) => this.add(check, emitted, pair.label, operation));
    }
    const { baseOperation: base, headOperation: head } = pair;
    for (const [key, baseParameter] of base.parameters) {
      const headParameter = head.parameters.get(key);
      if (!headParameter?.schema || !baseParameter.schema) continue;
      this.compareSubject(pair, operation, { kind: 'parameter', in: headParameter.in, name: headParameter.name }, baseParameter.schema, headParameter.schema, 'request');
    }
    if (base.requestBody && head.requestBody) {
      const showMediaType = base.requestBody.content.size > 1;
      for (const [key, baseMedia] of base.requestBody.content) {
        const headMedia = matchingMediaType(head.requestBody.content, key);
        if (!headMedia?.schema || !baseMedia.schema) continue;
        this.compareSubject(pair, operation, { kind: 'request-body', mediaType: headMedia.name, showMediaType }, baseMedia.schema, headMedia.schema, 'request');
      }
    }
    for (const [status, baseResponse] of base.responses) {
      const headResponse = head.responses.get(status);
      if (!headResponse) continue;
      const showMediaType = baseResponse.content.size > 1;
      for (const [key, baseMedia] of baseResponse.content) {
        const headMedia = matchingMediaType(headResponse.content, key);
        if (!headMedia?.schema || !baseMedia.schema) continue;
        this.compareSubject(pair, operation, { kind: 'response-body', status, mediaType: headMedia.name, showMediaType }, baseMedia.schema, headMedia.schema, 'response');
      }
      for (const [key, baseHeader] of baseResponse.headers) {
        const headHeader = headResponse.headers.get(key);
        if (!headHeader?.schema || !baseHeader.schema) continue;
        this.compareSubject(pair, operation, { kind: 'response-header', status, name: headHeader.name }, baseHeader.schema, headHeader.schema, 'response');
      }
    }
  }

  private compareSubject(pair: OperationPair, operation: { method: string; path: string }, subject: Subject, base: Located, head: Located, direction: Direction): void {
    for (const change of this.compareSchemas(base, head, direction)) {
      this.changes.push({
        check: change.check,
        level: change.level,
        message: `${describeSubject(subject, change.path, pair.label)} ${change.detail}`,
        location: `${pair.label} ${subjectKey(subject)}${change.path.length > 0 ? ` property ${propertyPath(change.path)}` : ''}`,
        operation,
        at: change.at,
        removed: change.removed,
      });
    }
  }

  /** Changes between two schemas, with property paths relative to them; memoised per pair and direction. */
  compareSchemas(baseSchema: Located, headSchema: Located, direction: Direction): RelativeChange[] {
    const base = schemaView(this.pair.base.documents, baseSchema);
    const head = schemaView(this.pair.head.documents, headSchema);
    let byHead = this.memo.get(base.node);
    const cached = byHead?.get(head.node)?.[direction];
    if (cached) return cached;
    let active = this.inProgress.get(base.node);
    const activeDepth = active?.get(head.node);
    if (activeDepth !== undefined) {
      // A recursive schema: this pair is already being compared further up, which reports its changes.
      this.shallowestCut = Math.min(this.shallowestCut, activeDepth);
      return [];
    }
    if (!active) this.inProgress.set(base.node, (active = new Map()));
    const depth = ++this.depth;
    active.set(head.node, depth);

    const results: RelativeChange[] = [];
    const alternatives = base.alternatives && head.alternatives ? pairAlternatives(base, head, this.pair.base.documents, this.pair.head.documents) : undefined;
    const schemaPair: SchemaPair = { direction, base, head, alternatives };
    for (const check of this.schemaChecks) {
      check.schema?.(schemaPair, (emitted) =>
        results.push({ check, detail: emitted.detail, at: emitted.at, path: emitted.property === undefined ? [] : [emitted.property], level: emitted.level, removed: emitted.removed }),
      );
    }
    const nested = (segment: string, b: Located, h: Located): void => {
      for (const change of this.compareSchemas(b, h, direction)) results.push({ ...change, path: [segment, ...change.path] });
    };
    for (const [name, baseProperty] of base.properties) {
      const headProperty = head.properties.get(name);
      if (!headProperty) continue;
      if (isIrrelevant(schemaView(this.pair.head.documents, headProperty), direction) && isIrrelevant(schemaView(this.pair.base.documents, baseProperty), direction)) continue;
      nested(name, baseProperty, headProperty);
    }
    if (base.items && head.items) nested('[]', base.items, head.items);
    if (base.additionalProperties && head.additionalProperties) nested('{}', base.additionalProperties, head.additionalProperties);
    if (alternatives) {
      for (const [b, h] of alternatives.pairs) nested(`${head.alternatives?.keyword}[${String(h.loc.pointer.at(-1))}]`, b, h);
    }

    active.delete(head.node);
    this.depth -= 1;
    // Memoised even when a cycle was cut below: recomputing partial results is exponential on graphs like
    // Stripe's, so in a recursive schema a change is reported at the first path that reaches it.
    if (this.shallowestCut >= depth) this.shallowestCut = Number.POSITIVE_INFINITY;
    if (!byHead) this.memo.set(base.node, (byHead = new WeakMap()));
    byHead.set(head.node, { ...byHead.get(head.node), [direction]: results });
    return results;
  }
}

/** A read-only property is never sent in a request, a write-only one never received in a response. */
export function isIrrelevant(view: SchemaView, direction: Direction): boolean {
  return direction === 'request' ? view.readOnly : view.writeOnly;
}

/**
 * Matches `oneOf`/`anyOf` branches across versions: first by the component they reference, then by shape
 * (types and property names), then by position, so reordering branches is not reported as a change.
 */
export function pairAlternatives(base: SchemaView, head: SchemaView, baseDocuments: SpecDocuments, headDocuments: SpecDocuments): SchemaAlternatives {
  const baseBranches = [...(base.alternatives?.branches ?? [])];
  const headBranches = [...(head.alternatives?.branches ?? [])];
  const pairs: Array<[Located, Located]> = [];
  const match = (key: (branch: Located, documents: SpecDocuments) => string | undefined): void => {
    for (const b of [...baseBranches]) {
      const wanted = key(b, baseDocuments);
      if (wanted === undefined) continue;
      const index = headBranches.findIndex((h) => key(h, headDocuments) === wanted);
      if (index === -1) continue;
      pairs.push([b, headBranches[index] as Located]);
      headBranches.splice(index, 1);
      baseBranches.splice(baseBranches.indexOf(b), 1);
    }
  };
  match((branch) => referenceName(branch.node));
  match((branch, documents) => shapeKey(schemaView(documents, branch)));
  match((branch, documents) => typeKey(schemaView(documents, branch)));
  return { pairs, removed: baseBranches, added: headBranches };
}

function referenceName(node: unknown): string | undefined {
  const reference = node !== null && typeof node === 'object' ? (node as { $ref?: unknown }).$ref : undefined;
  return typeof reference === 'string' ? reference.split('/').at(-1) : undefined;
}

function shapeKey(view: SchemaView): string {
  return `${typeKey(view)}|${view.enum ? canonical(view.enum) : ''}|${[...view.properties.keys()].sort().join(',')}|${[...view.required].sort().join(',')}`;
}

function typeKey(view: SchemaView): string {
  return view.types ? [...view.types].sort().join(',') : '*';
}

export function propertyPath(path: string[]): string {
  return path.reduce((text, segment) => (segment === '[]' ? `${text}[]` : text === '' ? segment : `${text}.${segment}`), '');
}

/** A name from the spec inside backticks, with backticks removed so it cannot end the code span. */
export function code(name: string): string {
  return `\`${name.replace(/`/g, "'")}\``;
}

function describeSubject(subject: Subject, path: string[], label: string): string {
  if (path.length === 1 && path[0] === '[]') return `items of ${describeSubject(subject, [], label)}`;
  const property = path.length > 0 ? code(propertyPath(path)) : '';
  switch (subject.kind) {
    case 'request-body': {
      const media = subject.showMediaType ? ` (${subject.mediaType})` : '';
      return property ? `request property ${property} of ${label}${media}` : `request body of ${label}${media}`;
    }
    case 'parameter': {
      const parameter = `${subject.in} parameter ${code(subject.name)} of ${label}`;
      return property ? `property ${property} of ${parameter}` : parameter;
    }
    case 'response-body': {
      const media = subject.showMediaType ? ` (${subject.mediaType})` : '';
      return property ? `response property ${property} of ${label} ${subject.status}${media}` : `response body of ${label} ${subject.status}${media}`;
    }
    case 'response-header': {
      const header = `response header ${code(subject.name)} of ${label} ${subject.status}`;
      return property ? `property ${property} of ${header}` : header;
    }
  }
}

function subjectKey(subject: Subject): string {
  switch (subject.kind) {
    case 'request-body':
      return `request body ${subject.mediaType}`;
    case 'parameter':
      return `parameter ${subject.in} ${subject.name}`;
    case 'response-body':
      return `response ${subject.status} ${subject.mediaType}`;
    case 'response-header':
      return `response ${subject.status} header ${subject.name}`;
  }
}

export { pathKey };
export type { OperationView };
