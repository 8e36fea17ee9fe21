/**
 * Resource limits for documents from untrusted pull requests. Every check here runs before (or instead of) the
 * step it protects and costs time linear in the input, so a hostile document is refused before it can exhaust
 * the stack, the heap or the clock.
 */
import { ApigateError } from '../errors.js';

export interface LintLimits {
  /** Largest spec or referenced file, in bytes. */
  maxDocumentBytes: number;
  /** Deepest nesting of mappings and sequences; recursive parsers and walkers overflow the stack past a few thousand. */
  maxNestingDepth: number;
  /** Most nodes a document may stand for once YAML aliases are expanded (alias "billion laughs" bombs). */
  maxAliasExpansion: number;
  /** Most nodes the rules may have to visit once `$ref`s are inlined (acyclic graphs fanning out exponentially). */
  maxRefExpansion: number;
}

export const DEFAULT_LIMITS: LintLimits = {
  maxDocumentBytes: 20 * 1024 * 1024,
  maxNestingDepth: 500,
  maxAliasExpansion: 5_000_000,
  maxRefExpansion: 25_000_000,
};

export const LIMIT_FLAGS: Record<keyof LintLimits, string> = {
  maxDocumentBytes: '--max-document-size',
  maxNestingDepth: '--max-nesting-depth',
  maxAliasExpansion: '--max-alias-expansion',
  maxRefExpansion: '--max-ref-expansion',
};

export function limitError(shown: string, what: string, limit: keyof LintLimits, value: number): ApigateError {
  return new ApigateError('E_LIMIT', `${shown}: ${what} is over the limit of ${value} (raise it with ${LIMIT_FLAGS[limit]})`);
}

/**
 * The deepest nesting of a YAML or JSON text, found by one pass over the characters without building anything.
 * For JSON (and YAML flow collections) brackets are counted outside strings; for block YAML each strictly
 * deeper indentation and each `- ` / `? ` indicator opens a level. It may overestimate slightly (it never has
 * to be exact, only linear and never below the real depth by more than the parser can take), which the
 * default limit leaves ample room for: real specs nest a few dozen levels.
 */
export function measureNestingDepth(text: string): number {
  const first = text.search(/\S/);
  if (first >= 0 && (text[first] === '{' || text[first] === '[')) return jsonDepth(text, first);
  return yamlDepth(text);
}

function jsonDepth(text: string, from: number): number {
  let depth = 0;
  let max = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      for (i++; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x5c /* \ */) i++;
        else if (c === 0x22) break;
      }
    } else if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
      if (++depth > max) max = depth;
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) {
      if (depth > 0) depth--;
    }
  }
  return max;
}

interface FlowState {
  depth: number;
  quote: '' | '"' | "'";
}

/** Scans `line` from `start` inside flow context (brackets and quoted scalars); returns the deepest level seen. */
function scanFlow(line: string, start: number, state: FlowState, base: number): number {
  let max = base + state.depth;
  for (let i = start; i < line.length; i++) {
    const ch = line[i];
    if (state.quote === '"') {
      if (ch === '\\') i++;
      else if (ch === '"') state.quote = '';
      continue;
    }
    if (state.quote === "'") {
      if (ch === "'") {
        if (line[i + 1] === "'") i++;
        else state.quote = '';
      }
      continue;
    }
    if (ch === '"' || ch === "'") state.quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) break;
    else if (ch === '[' || ch === '{') {
      state.depth++;
      if (base + state.depth > max) max = base + state.depth;
    } else if (ch === ']' || ch === '}') {
      if (state.depth > 0) state.depth--;
      if (state.depth === 0) {
        // The flow collection ended; anything after it on this line is not structure.
        return max;
      }
    }
  }
  return max;
}

function yamlDepth(text: string): number {
  const indents: number[] = [];
  const flow: FlowState = { depth: 0, quote: '' };
  let flowBase = 0;
  let blockScalarParent = -1;
  let multilineQuote: '' | '"' | "'" = '';
  let max = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    lineStart = lineEnd + 1;

    if (flow.depth > 0 || flow.quote) {
      max = Math.max(max, scanFlow(line, 0, flow, flowBase));
      continue;
    }
    if (multilineQuote) {
      if (closesQuote(line, 0, multilineQuote)) multilineQuote = '';
      continue;
    }
    const indent = line.search(/\S/);
    if (indent < 0) continue;
    if (blockScalarParent >= 0) {
      if (indent > blockScalarParent) continue;
      blockScalarParent = -1;
    }
    const rest = line.slice(indent);
    if (rest.startsWith('#') || rest.startsWith('---') || rest.startsWith('...') || rest.startsWith('%')) continue;

    while (indents.length > 0 && (indents[indents.length - 1] as number) >= indent) indents.pop();
    indents.push(indent);
    let depth = indents.length;

    // `- - key: value`: every sequence or complex-key indicator opens one more level.
    let position = indent;
    while (/^[-?](\s|$)/.test(line.slice(position))) {
      depth++;
      position += 1;
      while (line[position] === ' ') position++;
    }
    max = Math.max(max, depth);
    const valueStart = findValueStart(line, position);
    if (valueStart < 0) continue;
    const value = line[valueStart];
    if (value === '[' || value === '{') {
      flowBase = depth;
      max = Math.max(max, scanFlow(line, valueStart, flow, flowBase));
    } else if (value === '|' || value === '>') {
      blockScalarParent = indent;
    } else if (value === '"' || value === "'") {
      if (!closesQuote(line, valueStart + 1, value)) multilineQuote = value;
    }
  }
  return max;
}

/** Where the value of `key: value` (or a bare node) starts on this line, past a plain, quoted or flow key. */
function findValueStart(line: string, from: number): number {
  let i = from;
  if (i >= line.length) return -1;
  const first = line[i];
  if (first === '[' || first === '{' || first === '|' || first === '>') return i;
  if (first === '"' || first === "'") {
    const end = quoteEnd(line, i + 1, first);
    if (end < 0) return i;
    i = end + 1;
  }
  for (; i < line.length; i++) {
    if (line[i] === ':' && (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) {
      let j = i + 1;
      while (line[j] === ' ' || line[j] === '\t') j++;
      if (j >= line.length || line[j] === '#') return -1;
      // An anchor or tag may precede the value.
      while (line[j] === '&' || line[j] === '!') {
        while (j < line.length && line[j] !== ' ') j++;
        while (line[j] === ' ') j++;
      }
      return j < line.length ? j : -1;
    }
    if (line[i] === '#' && /\s/.test(line[i - 1] ?? '')) return -1;
  }
  return -1;
}

function quoteEnd(line: string, from: number, quote: string): number {
  for (let i = from; i < line.length; i++) {
    const ch = line[i];
    if (quote === '"' && ch === '\\') i++;
    else if (ch === quote) {
      if (quote === "'" && line[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

function closesQuote(line: string, from: number, quote: string): boolean {
  return quoteEnd(line, from, quote) >= 0;
}

/** Whether the text may contain YAML anchors at all: most specs do not, and then the alias check is skipped. */
export function mayHaveYamlAliases(text: string): boolean {
  return /(^|[\s[{,:-])&[^\s,[\]{}]/.test(text) && /(^|[\s[{,:-])\*[^\s,[\]{}]/.test(text);
}

interface YamlAstNode {
  kind: number;
  value?: unknown;
  mappings?: YamlAstNode[];
  items?: (YamlAstNode | null)[];
  key?: YamlAstNode;
}

/** yaml-ast-parser node kinds. */
const KIND = { SCALAR: 0, MAPPING: 1, MAP: 2, SEQ: 3, ANCHOR_REF: 4, INCLUDE_REF: 5 } as const;

/**
 * How many nodes the YAML tree stands for once every alias is replaced by a copy of its anchor, counted on the
 * unexpanded tree in one pass, so a "billion laughs" document is measured in microseconds. Only an alias makes
 * a node reachable twice, so only anchored nodes are memoised (and guarded against an alias inside its own
 * anchor); everything else is a plain tree, counted once.
 */
export function measureAliasExpansion(root: unknown, limit: number): number {
  const anchored = new Map<YamlAstNode, number>();
  const onStack = new Set<YamlAstNode>();
  const size = (node: YamlAstNode | null | undefined): number => {
    if (!node || typeof node !== 'object') return 1;
    let total = 1;
    if (node.kind === KIND.ANCHOR_REF) {
      const target = node.value as YamlAstNode | null | undefined;
      if (!target || typeof target !== 'object') return 1;
      const known = anchored.get(target);
      if (known !== undefined) return known;
      if (onStack.has(target)) return 1;
      onStack.add(target);
      total = size(target);
      onStack.delete(target);
      anchored.set(target, total);
      return total;
    }
    if (node.kind === KIND.MAP) {
      const mappings = node.mappings;
      if (mappings) for (let i = 0; i < mappings.length && total <= limit; i++) total += size(mappings[i]);
    } else if (node.kind === KIND.MAPPING) {
      total += size(node.key) + size(node.value as YamlAstNode);
    } else if (node.kind === KIND.SEQ) {
      const items = node.items;
      if (items) for (let i = 0; i < items.length && total <= limit; i++) total += size(items[i]);
    }
    // Saturate: past the limit the exact figure does not matter, and it keeps the numbers finite.
    return total > limit ? limit + 1 : total;
  };
  return size(root as YamlAstNode);
}

/** Resolves a local JSON pointer (`#/a/b~1c`) against `root`; `undefined` when it leads nowhere. */
export function resolveLocalPointer(root: unknown, ref: string): unknown {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let value: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    } catch {
      return undefined;
    }
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

function localRef(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const ref = (value as Record<string, unknown>)['$ref'];
  return typeof ref === 'string' && ref.startsWith('#') ? ref : undefined;
}

/**
 * A `$ref` that only leads to other `$ref`s and back (`a -> b -> a`) never reaches a value: rules would see a
 * hole. Returns the chain of such a cycle, or `undefined`. Recursive schemas (`Node.children.items -> Node`)
 * are fine: their refs reach a real schema object before the cycle closes.
 */
export function findPureRefCycle(root: unknown, ref: string): string[] | undefined {
  const chain: string[] = [];
  let current: string | undefined = ref;
  while (current !== undefined) {
    if (chain.includes(current)) return [...chain.slice(chain.indexOf(current)), current];
    chain.push(current);
    current = localRef(resolveLocalPointer(root, current));
  }
  return undefined;
}

export interface RefGraphReport {
  /** Nodes the rules would visit with every local `$ref` inlined (saturated just past the limit). */
  expandedNodes: number;
  /** The first pure `$ref` cycle found, as a chain of pointers. */
  cycle?: string[];
}

interface LocalRef {
  /** Path of the `$ref` object in the document. */
  at: string[];
  /** The normalised pointer it refers to. */
  target: string;
}

function escapeSegment(segment: string): string {
  return segment.indexOf('~') < 0 && segment.indexOf('/') < 0 ? segment : segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function toPointer(path: readonly string[]): string {
  return path.length === 0 ? '#' : `#/${path.map(escapeSegment).join('/')}`;
}

function normalisePointer(ref: string): string | undefined {
  if (ref === '#') return '#';
  if (!ref.startsWith('#/')) return undefined;
  // Already normal (the common case): decoding and re-encoding would give the same text back.
  if (!/[%~]/.test(ref)) return ref;
  try {
    return toPointer(ref.slice(2).split('/').map((raw) => decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')));
  } catch {
    return undefined;
  }
}

/** A path as a chain of parents, so a walk shares prefixes instead of copying a path array per node. */
interface PathLink {
  parent: PathLink | undefined;
  key: string;
}

function materialise(link: PathLink | undefined): string[] {
  const path: string[] = [];
  for (let at = link; at !== undefined; at = at.parent) path.push(at.key);
  return path.reverse();
}

interface RefScan {
  /** `$ref`s to this document, outside the subtrees of other local `$ref` objects, in walk order. */
  local: LocalRef[];
  /** Whether any `$ref` anywhere points outside the document (another file or a URL). */
  external: boolean;
}

/** One iterative walk that finds both the local `$ref`s and whether any `$ref` is external. */
export function scanRefs(root: unknown): RefScan {
  const local: LocalRef[] = [];
  let external = false;
  const stack: { value: unknown; path: PathLink | undefined; collect: boolean }[] = [{ value: root, path: undefined, collect: true }];
  while (stack.length > 0) {
    const { value, path, collect } = stack.pop() as { value: unknown; path: PathLink | undefined; collect: boolean };
    if (value === null || typeof value !== 'object') continue;
    let collectBelow = collect;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) stack.push({ value: value[index], path: { parent: path, key: String(index) }, collect: collectBelow });
      continue;
    }
    const record = value as Record<string, unknown>;
    const ref = record['$ref'];
    if (typeof ref === 'string') {
      if (ref.startsWith('#')) {
        if (collect) {
          const target = normalisePointer(ref);
          if (target !== undefined) local.push({ at: materialise(path), target });
          collectBelow = false;
        }
      } else if (Object.prototype.hasOwnProperty.call(record, '$ref')) {
        external = true;
      }
    }
    // Below a local `$ref` nothing is collected; the walk goes on only while an external `$ref` may remain.
    if (!collectBelow && external) continue;
    for (const key of Object.keys(record)) stack.push({ value: record[key], path: { parent: path, key }, collect: collectBelow });
  }
  return { local, external };
}

/** Strongly connected components of a small directed graph, iteratively (Tarjan), as a node -> component id map. */
function stronglyConnected(nodes: Iterable<string>, edges: Map<string, Set<string>>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const component = new Map<string, number>();
  let counter = 0;
  let components = 0;
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: { node: string; next: Iterator<string> }[] = [];
    const open = (node: string): void => {
      index.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, next: (edges.get(node) ?? new Set<string>()).values() });
    };
    open(start);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; next: Iterator<string> };
      const step = frame.next.next();
      if (!step.done) {
        const to = step.value;
        if (!index.has(to)) open(to);
        else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(to) as number));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
      if (low.get(frame.node) === index.get(frame.node)) {
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.set(member, components);
        } while (member !== frame.node);
        components++;
      }
    }
  }
  return component;
}

/**
 * How large the document becomes once local `$ref`s are inlined the way Spectral's resolver inlines them (the
 * graph its rules walk, once per path), and whether any `$ref` is a pure cycle. The resolver leaves a `$ref`
 * in place when it sits inside a definition that its own target leads back to, so recursion is never
 * unrolled; that is modelled with the strongly connected components of the definition graph. One memoised
 * pass, stopping as soon as the limit is passed.
 */
export function measureRefGraph(root: unknown, limit: number, scanned: RefScan = scanRefs(root)): RefGraphReport {
  const refs = scanned.local;
  let cycle: string[] | undefined;
  const checkedTargets = new Set<string>();
  const stems = new Set(refs.map((ref) => ref.target));
  const edges = new Map<string, Set<string>>();
  const circularAt = new Set<string>();
  const enclosing = new Map<LocalRef, string[]>();
  for (const ref of refs) {
    if (!checkedTargets.has(ref.target)) {
      checkedTargets.add(ref.target);
      cycle ??= findPureRefCycle(root, ref.target);
    }
    const containing: string[] = [];
    let stem = '#';
    for (let length = 0; length <= ref.at.length; length++) {
      if (length > 0) stem = `${length === 1 ? '#/' : `${stem}/`}${escapeSegment(ref.at[length - 1] as string)}`;
      if (stems.has(stem)) containing.push(stem);
    }
    enclosing.set(ref, containing);
    for (const containingStem of containing) {
      let out = edges.get(containingStem);
      if (!out) edges.set(containingStem, (out = new Set()));
      out.add(ref.target);
    }
  }
  const component = stronglyConnected(stems, edges);
  for (const ref of refs) {
    const targetComponent = component.get(ref.target);
    const containing = enclosing.get(ref) ?? [];
    if (containing.some((containingStem) => component.get(containingStem) === targetComponent)) circularAt.add(toPointer(ref.at));
  }

  const sizes = new WeakMap<object, number>();
  const targetSizes = new Map<string, number>();
  const visiting = new Set<string>();
  // The path of the value being sized, pushed and popped as the walk goes (read only where a `$ref` is met).
  let path: string[] = [];
  const size = (value: unknown): number => {
    if (value === null || typeof value !== 'object') return 1;
    const known = sizes.get(value);
    if (known !== undefined) return known;
    let total = 1;
    const ref = localRef(value);
    const target = ref === undefined ? undefined : normalisePointer(ref);
    if (target !== undefined) {
      total = circularAt.has(toPointer(path)) ? 2 : sizeOfTarget(target);
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length && total <= limit; i++) {
        path.push(String(i));
        total += size(value[i]);
        path.pop();
      }
    } else {
      for (const key of Object.keys(value)) {
        path.push(key);
        total += size((value as Record<string, unknown>)[key]);
        path.pop();
        if (total > limit) break;
      }
    }
    total = Math.min(total, limit + 1);
    sizes.set(value, total);
    return total;
  };
  const sizeOfTarget = (target: string): number => {
    const known = targetSizes.get(target);
    if (known !== undefined) return known;
    // Only reachable through refs the model above did not mark circular; guard anyway.
    if (visiting.has(target)) return 1;
    visiting.add(target);
    const value = resolveLocalPointer(root, target);
    const outer = path;
    path = target === '#' ? [] : target.slice(2).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const total = value === undefined ? 1 : size(value);
    path = outer;
    visiting.delete(target);
    targetSizes.set(target, total);
    return total;
  };
  const expandedNodes = size(root);
  return { expandedNodes, ...(cycle ? { cycle } : {}) };
}
