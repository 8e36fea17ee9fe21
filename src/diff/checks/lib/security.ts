import type { OperationPair, SecurityRequirement } from '../../types.js';

export interface SecurityFinding {
  kind: 'added' | 'scope-added';
  /** Scheme names (for `added`) or `scheme: scope` texts (for `scope-added`). */
  names: string[];
}

const analyses = new WeakMap<OperationPair, SecurityFinding[]>();

/** Whether a client holding `held` credentials satisfies `needed` (every scheme present, every scope held). */
function satisfies(held: SecurityRequirement, needed: SecurityRequirement): boolean {
  for (const [scheme, scopes] of needed) {
    const have = held.get(scheme);
    if (!have) return false;
    for (const scope of scopes) if (!have.has(scope)) return false;
  }
  return true;
}

/**
 * A client that could call the operation with some BASE alternative must still satisfy some HEAD alternative.
 * Each BASE alternative that no longer works yields one finding: a missing scope when HEAD still uses the
 * same schemes, a new requirement otherwise. Adding an alternative (OR) breaks no one.
 */
export function analyseSecurity(pair: OperationPair): SecurityFinding[] {
  const cached = analyses.get(pair);
  if (cached) return cached;
  const base = pair.baseOperation.security;
  const head = pair.headOperation.security;
  const findings: SecurityFinding[] = [];
  const headAllowsAnonymous = head.length === 0 || head.some((requirement) => requirement.size === 0);
  if (!headAllowsAnonymous) {
    const baseAlternatives = base.length === 0 ? [new Map()] : base;
    const seen = new Set<string>();
    for (const held of baseAlternatives) {
      if (head.some((needed) => satisfies(held, needed))) continue;
      const sameSchemes = head.find((needed) => [...needed.keys()].every((scheme) => held.has(scheme)));
      const finding: SecurityFinding = sameSchemes
        ? { kind: 'scope-added', names: [...sameSchemes].flatMap(([scheme, scopes]) => [...scopes].filter((scope) => !held.get(scheme)?.has(scope)).map((scope) => `${scheme}: ${scope}`)) }
        : { kind: 'added', names: [...new Set(head.flatMap((needed) => [...needed.keys()].filter((scheme) => !held.has(scheme))))] };
      const key = `${finding.kind}:${finding.names.join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding);
    }
  }
  analyses.set(pair, findings);
  return findings;
}
