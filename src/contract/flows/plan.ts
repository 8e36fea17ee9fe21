/**
 * Stateful flows as data: for every create operation, the requests that follow the resource it creates —
 * read it back, the second identity's authorization probes, update, delete, read after delete — with the
 * resource's id left as a placeholder the run fills in from the create's response. Links declared in the
 * spec say where a follow-up operation's parameters come from; without them the chain is inferred from the
 * paths (`POST /things` -> `/things/{thing_id}`). Collections nested under the resource get flows of their
 * own inside their parent's, so a member is created in a team the run created.
 */
import { requestBasis, type PlanOptions } from '../cases/plan.js';
import { credentialsOf } from '../cases/credentials.js';
import { buildRequest, type Credentials, type ParameterValues, type RequestBody } from '../cases/request.js';
import { deriveSeed } from '../cases/sample.js';
import { uniquify } from '../cases/unique.js';
import type { Identity } from '../identity.js';
import type { AuthScenario, CaseKind, OperationModel, SpecModel, TestCase } from '../types.js';
import { linksOf } from './links.js';

/** Where one name the later steps need comes from in the create's exchange. */
export interface Binding {
  name: string;
  /** A link's runtime expression; absent: the `Location` header's last segment, else the body's `<name>`/`id`. */
  expression?: unknown;
  /** The link that declared it. */
  link?: string;
}

/** A second identity's request on the owner's resource, with the owner's reads that tell what it did. */
export interface AuthorizationProbe {
  attempt: TestCase;
  ownerBefore?: TestCase;
  ownerAfter?: TestCase;
}

export interface ResourceFlow {
  create: TestCase;
  bindings: Binding[];
  /** The item path template with every name this flow binds (`/v1/teams/{team_id}`), for cleanup. */
  itemPath?: string;
  readBack?: TestCase;
  children: ResourceFlow[];
  probes: AuthorizationProbe[];
  update?: TestCase;
  remove?: TestCase;
  readAfterRemove?: TestCase;
  /** The DELETE that removes the resource, for cleanup (documented even when not selected for the run). */
  deleteOperation?: OperationModel;
  /** Whether the follow-up operations come from declared links or were inferred from the paths. */
  source: 'links' | 'inferred';
}

export interface FlowPlan {
  flows: ResourceFlow[];
}

/** `{{team_id}}` in a planned URL stands for the id the run learns from the create's response. */
export function placeholder(name: string): string {
  return `{{${name}}}`;
}

/** The placeholder as it appears inside a URL (percent-encoded by URL building). */
export function encodedPlaceholder(name: string): string {
  return encodeURIComponent(placeholder(name));
}

const TEMPLATE = /\{([^/{}]+)\}/g;

function templateNames(path: string): string[] {
  return [...path.matchAll(TEMPLATE)].map((match) => match[1]!);
}

function isSecured(operation: OperationModel): boolean {
  return operation.security.length > 0 && operation.security.every((requirement) => requirement.schemes.length > 0);
}

class FlowPlanner {
  private readonly counters = new Map<string, number>();
  private readonly scratch: string[] = [];
  private readonly owner: Identity;
  private readonly intruder: Identity | undefined;
  /** `/v1/teams` -> the operations on `/v1/teams/{x}` with their `x`, built once instead of a scan per create. */
  private readonly items = new Map<string, Array<{ operation: OperationModel; name: string }>>();

  constructor(
    private readonly spec: SpecModel,
    private readonly selected: OperationModel[],
    private readonly options: PlanOptions,
  ) {
    this.owner = options.identities[0] ?? { name: 'anonymous', headers: {}, query: {} };
    this.intruder = options.identities[1];
    for (const operation of spec.operations) {
      const match = /^(.*)\/\{([^/{}]+)\}$/.exec(operation.path);
      if (!match) continue;
      const list = this.items.get(match[1]!) ?? [];
      list.push({ operation, name: match[2]! });
      this.items.set(match[1]!, list);
    }
  }

  private nextId(operation: OperationModel, kind: CaseKind): string {
    const key = `${operation.key} ${kind}`;
    const count = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, count);
    return `${key} #${count}`;
  }

  private step(
    operation: OperationModel,
    kind: CaseKind,
    who: { identity: Identity; scenario: AuthScenario },
    intent: string,
    bound: Set<string>,
  ): TestCase | undefined {
    const basis = requestBasis(this.spec, operation, this.options, this.scratch);
    if (!basis) return undefined;
    const values: ParameterValues = { ...basis.values, path: { ...basis.values.path } };
    for (const name of templateNames(operation.path)) if (bound.has(name)) values.path[name] = placeholder(name);
    let requestBody: RequestBody | undefined;
    const first = basis.bodies[0];
    if (basis.media && first) {
      const token = deriveSeed(this.options.seed, `${operation.key} ${kind} ${this.counters.get(`${operation.key} ${kind}`) ?? 0} flow`).toString(36).slice(0, 6);
      // Every body of a flow is made unique: repeated creates must not collide, and a probe's change must be
      // visible in the owner's read-back to be told apart from a change that was not made.
      requestBody = { mediaType: basis.media.mediaType, value: uniquify(first.value, basis.media.schema, token) };
    } else if (operation.requestBody?.required) {
      return undefined;
    }
    const credentials: Credentials = credentialsOf(who.identity);
    const request = buildRequest(this.options.baseUrl, operation, values, credentials, requestBody);
    return { id: this.nextId(operation, kind), operation, kind, identity: who.identity.name, scenario: who.scenario, intent, request };
  }

  private isSelected(operation: OperationModel): boolean {
    return this.selected.includes(operation);
  }

  /** A flow for `create`, inside a parent flow that already bound `bound`; undefined when there is nothing to follow. */
  plan(create: OperationModel, bound: Set<string>): ResourceFlow | undefined {
    // Without credentials a secured create only gets 401s, which the authentication cases already cover.
    if (isSecured(create) && !this.options.identities[0]) return undefined;
    const owner = { identity: this.owner, scenario: (this.options.identities[0] ? 'valid' : 'none') as AuthScenario };
    // A create path can only be built when every template in it is known: bound by a parent or given by the spec.
    const createCase = this.step(create, 'stateful_create', owner, `a 2xx creating a resource for a stateful flow`, bound);
    if (!createCase) return undefined;

    const bindings: Binding[] = [];
    const targets: Partial<Record<'read' | 'update' | 'delete', OperationModel>> = {};
    let source: ResourceFlow['source'] = 'inferred';
    for (const link of linksOf(this.spec, create)) {
      const role = link.target.method === 'GET' ? 'read' : link.target.method === 'DELETE' ? 'delete' : link.target.method === 'PUT' || link.target.method === 'PATCH' ? 'update' : undefined;
      if (!role) continue;
      const names = templateNames(link.target.path);
      const supplied = link.parameters.filter((parameter) => names.includes(parameter.name) && !bound.has(parameter.name));
      if (supplied.length === 0) continue;
      for (const parameter of supplied) {
        if (!bindings.some((binding) => binding.name === parameter.name)) bindings.push({ name: parameter.name, expression: parameter.expression, link: link.name });
      }
      // The first link for a role wins; a PATCH link is preferred over a PUT one as the lighter change.
      if (!targets[role] || (role === 'update' && link.target.method === 'PATCH' && targets[role]!.method !== 'PATCH')) targets[role] = link.target;
      source = 'links';
    }
    const linked = new Set(Object.keys(targets));
    for (const { operation, name } of this.items.get(create.path.replace(/\/+$/, '')) ?? []) {
      const role = operation.method === 'GET' ? 'read' : operation.method === 'DELETE' ? 'delete' : operation.method === 'PATCH' || operation.method === 'PUT' ? 'update' : undefined;
      if (!role || linked.has(role)) continue;
      if (targets[role] && !(role === 'update' && operation.method === 'PATCH')) continue;
      targets[role] = operation;
      if (!bindings.some((binding) => binding.name === name)) bindings.push({ name });
    }
    const names = new Set([...bound, ...bindings.map((binding) => binding.name)]);
    const usable = (operation: OperationModel | undefined): OperationModel | undefined =>
      operation && this.isSelected(operation) && templateNames(operation.path).every((name) => names.has(name) || this.hasValue(operation, name)) ? operation : undefined;
    const read = usable(targets.read);
    const update = usable(targets.update);
    const remove = usable(targets.delete);
    const itemPath = (targets.read ?? targets.update ?? targets.delete)?.path;

    const flow: ResourceFlow = { create: createCase, bindings, children: [], probes: [], source };
    if (itemPath) flow.itemPath = itemPath;
    if (targets.delete) flow.deleteOperation = targets.delete;
    if (read) flow.readBack = this.step(read, 'stateful_read', owner, `a 2xx reading back the resource ${create.key} created`, names);

    // Collections under the resource: nested creates get their own flows; nested reads are probed.
    const nestedReads: OperationModel[] = [];
    const nestedCreates: OperationModel[] = [];
    if (itemPath) {
      for (const operation of this.selected) {
        if (!operation.path.startsWith(`${itemPath}/`)) continue;
        const rest = operation.path.slice(itemPath.length + 1);
        if (/[{}]/.test(rest)) continue;
        if (operation.kind === 'create' && operation.method === 'POST') nestedCreates.push(operation);
        else if (operation.kind === 'read' && operation.method === 'GET') nestedReads.push(operation);
      }
    }
    for (const nested of nestedCreates) {
      const child = this.plan(nested, names);
      if (child) flow.children.push(child);
    }

    if (this.intruder) {
      const intruder = { identity: this.intruder, scenario: 'other_identity' as AuthScenario };
      const ownerName = this.owner.name;
      const refusal = (operation: OperationModel): string => `a 401, 403 or 404 for "${this.intruder!.name}" on a resource of "${ownerName}" (${operation.key})`;
      const ownerRead = (operation: OperationModel, when: 'before' | 'after'): TestCase | undefined =>
        this.step(operation, 'stateful_read', owner, `"${ownerName}" reads the resource ${when} "${this.intruder!.name}"'s attempt`, names);
      const probe = (operation: OperationModel | undefined, kind: CaseKind, readBack: OperationModel | undefined, before: boolean): void => {
        if (!operation || !isSecured(operation)) return;
        const ownerBefore = before && readBack ? ownerRead(readBack, 'before') : undefined;
        const attempt = this.step(operation, kind, intruder, refusal(operation), names);
        if (!attempt) return;
        const ownerAfter = readBack && kind !== 'bola_read' ? ownerRead(readBack, 'after') : undefined;
        const result: AuthorizationProbe = { attempt };
        if (ownerBefore) result.ownerBefore = ownerBefore;
        if (ownerAfter) result.ownerAfter = ownerAfter;
        flow.probes.push(result);
      };
      probe(read, 'bola_read', undefined, false);
      for (const operation of nestedReads) probe(operation, 'bola_read', undefined, false);
      for (const operation of nestedCreates) {
        const list = nestedReads.find((candidate) => candidate.path === operation.path);
        probe(operation, 'bola_update', list, true);
      }
      probe(update, 'bola_update', read, true);
      probe(remove, 'bola_delete', read, false);
    }

    if (update) flow.update = this.step(update, 'stateful_update', owner, `a 2xx updating the resource ${create.key} created`, names);
    if (remove) {
      flow.remove = this.step(remove, 'stateful_delete', owner, `a 2xx deleting the resource ${create.key} created`, names);
      if (flow.remove && read) flow.readAfterRemove = this.step(read, 'stateful_read_after_delete', owner, `a 404 or 410 for the resource ${remove.key} deleted`, names);
    }

    const followed = flow.readBack || flow.remove || flow.update || flow.probes.length > 0 || flow.children.length > 0;
    return followed ? flow : undefined;
  }

  private hasValue(operation: OperationModel, name: string): boolean {
    return operation.parameters.some((parameter) => parameter.in === 'path' && parameter.name === name && parameter.examples.length > 0);
  }
}

/**
 * One flow per create operation that is not nested under another create's resource (those run inside their
 * parent's flow). Only operations selected for the run are sent; `--read-only` runs select no create, so
 * they plan no flow and no mutating probe.
 */
export function planFlows(spec: SpecModel, selected: OperationModel[], options: PlanOptions): FlowPlan {
  const planner = new FlowPlanner(spec, selected, options);
  const creates = selected.filter((operation) => operation.kind === 'create' && operation.method === 'POST');
  const flows: ResourceFlow[] = [];
  const covered = new Set<OperationModel>();
  const cover = (flow: ResourceFlow): void => {
    covered.add(flow.create.operation);
    flow.children.forEach(cover);
  };
  const nestedUnderAnother = (create: OperationModel): boolean =>
    creates.some((parent) => parent !== create && create.path.startsWith(`${parent.path.replace(/\/+$/, '')}/{`));
  // Outermost collections first; a nested one becomes a flow of its own (on the spec's example parent) only
  // when no parent flow took it in.
  for (const create of [...creates.filter((operation) => !nestedUnderAnother(operation)), ...creates.filter(nestedUnderAnother)]) {
    if (covered.has(create)) continue;
    const flow = planner.plan(create, new Set());
    if (!flow) continue;
    cover(flow);
    flows.push(flow);
  }
  return { flows };
}

/** Every case of a flow in the order the run sends them. */
export function flowCases(flow: ResourceFlow): TestCase[] {
  const cases: TestCase[] = [flow.create];
  if (flow.readBack) cases.push(flow.readBack);
  for (const child of flow.children) cases.push(...flowCases(child));
  for (const probe of flow.probes) {
    if (probe.ownerBefore) cases.push(probe.ownerBefore);
    cases.push(probe.attempt);
    if (probe.ownerAfter) cases.push(probe.ownerAfter);
  }
  if (flow.update) cases.push(flow.update);
  if (flow.remove) cases.push(flow.remove);
  if (flow.readAfterRemove) cases.push(flow.readAfterRemove);
  return cases;
}
