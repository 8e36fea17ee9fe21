import { isSuccessStatus } from '../../operations.js';
import type { OperationPair, ResponseEntry } from '../../types.js';

export interface StatusAnalysis {
  successRemoved: string[];
  successAdded: string[];
  otherRemoved: string[];
}

const analyses = new WeakMap<OperationPair, StatusAnalysis>();

/** A status is still documented when HEAD lists it or a range (`4XX`) that covers it. */
function covered(status: string, responses: Map<string, ResponseEntry>): boolean {
  return responses.has(status) || (/^\d\d\d$/.test(status) && responses.has(`${status[0]}XX`));
}

export function analyseStatuses(pair: OperationPair): StatusAnalysis {
  const cached = analyses.get(pair);
  if (cached) return cached;
  const base = pair.baseOperation.responses;
  const head = pair.headOperation.responses;
  const removed = [...base.keys()].filter((status) => !covered(status, head));
  const analysis = {
    successRemoved: removed.filter(isSuccessStatus),
    successAdded: [...head.keys()].filter((status) => isSuccessStatus(status) && !covered(status, base)),
    otherRemoved: removed.filter((status) => !isSuccessStatus(status)),
  };
  analyses.set(pair, analysis);
  return analysis;
}
