import { canonical, schemaView } from '../../schema-view.js';
import type { OperationPair, Parameter } from '../../types.js';

export interface ParameterAnalysis {
  removed: Parameter[];
  added: Parameter[];
  /** Same name, different `in`. */
  moved: Array<{ base: Parameter; head: Parameter }>;
  /** One parameter out and one in, same `in`, same schema: a rename, not an unrelated removal and addition. */
  renamed: Array<{ base: Parameter; head: Parameter }>;
  common: Array<{ base: Parameter; head: Parameter }>;
}

const analyses = new WeakMap<OperationPair, ParameterAnalysis>();

export function analyseParameters(pair: OperationPair): ParameterAnalysis {
  const cached = analyses.get(pair);
  if (cached) return cached;
  const base = pair.baseOperation.parameters;
  const head = pair.headOperation.parameters;
  const removed = [...base].filter(([key]) => !head.has(key)).map(([, parameter]) => parameter);
  const added = [...head].filter(([key]) => !base.has(key)).map(([, parameter]) => parameter);
  const common = [...base].flatMap(([key, parameter]) => {
    const match = head.get(key);
    return match ? [{ base: parameter, head: match }] : [];
  });
  const moved: ParameterAnalysis['moved'] = [];
  for (const parameter of [...removed]) {
    const target = added.find((candidate) => candidate.name.toLowerCase() === parameter.name.toLowerCase() && candidate.in !== parameter.in);
    if (!target) continue;
    moved.push({ base: parameter, head: target });
    removed.splice(removed.indexOf(parameter), 1);
    added.splice(added.indexOf(target), 1);
  }
  const renamed: ParameterAnalysis['renamed'] = [];
  for (const where of new Set(removed.map((parameter) => parameter.in))) {
    const out = removed.filter((parameter) => parameter.in === where);
    const into = added.filter((parameter) => parameter.in === where);
    const [from] = out;
    const [to] = into;
    if (out.length !== 1 || into.length !== 1 || !from || !to) continue;
    if (shape(pair, from, 'base') !== shape(pair, to, 'head')) continue;
    renamed.push({ base: from, head: to });
    removed.splice(removed.indexOf(from), 1);
    added.splice(added.indexOf(to), 1);
  }
  const analysis = { removed, added, moved, renamed, common };
  analyses.set(pair, analysis);
  return analysis;
}

function shape(pair: OperationPair, parameter: Parameter, side: 'base' | 'head'): string {
  if (!parameter.schema) return '';
  const view = schemaView(pair[side].documents, parameter.schema);
  return canonical({ types: view.types ? [...view.types].sort() : null, format: view.format ?? null, enum: view.enum ?? null });
}

export function describeParameter(parameter: Parameter): string {
  return `${parameter.in} parameter \`${parameter.name.replace(/`/g, "'")}\``;
}
