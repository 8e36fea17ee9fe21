import { resolve } from 'node:path';
import { ApigateError } from '../errors.js';
import type { ApigateConfig } from '../config.js';
import { displayPath } from '../util/paths.js';
import { CHECKS_BY_ID } from './checks/index.js';
import { isChangeLevel, type ChangeLevel } from './types.js';

export type FailOn = ChangeLevel | 'none';
export type CheckLevelOverride = ChangeLevel | 'off';

export interface DiffConfig {
  failOn?: FailOn;
  checks: Record<string, CheckLevelOverride>;
  policy: { majorVersionBump?: boolean; pathVersions?: boolean };
  /** Absolute path. */
  approvals?: string;
}

export const FAIL_ON_VALUES: readonly FailOn[] = ['breaking', 'warn', 'info', 'none'];

/** The `diff:` section of apigate.config.yaml, validated so a typo is an error, not a silently ignored setting. */
export function readDiffConfig(config: ApigateConfig | undefined): DiffConfig {
  const result: DiffConfig = { checks: {}, policy: {} };
  if (!config) return result;
  const shown = displayPath(config.path);
  const section = config.diff;
  const allowed = ['failOn', 'checks', 'policy', 'approvals'];
  const unknown = Object.keys(section).find((key) => !allowed.includes(key));
  if (unknown) throw new ApigateError('E_CONFIG', `${shown}: diff: unknown key "${unknown}" (expected ${allowed.join(', ')})`);
  if (section['failOn'] !== undefined) {
    if (!FAIL_ON_VALUES.includes(section['failOn'] as FailOn)) throw new ApigateError('E_CONFIG', `${shown}: diff.failOn must be one of ${FAIL_ON_VALUES.join(', ')}`);
    result.failOn = section['failOn'] as FailOn;
  }
  const checks = section['checks'];
  if (checks !== undefined) {
    if (!checks || typeof checks !== 'object' || Array.isArray(checks)) throw new ApigateError('E_CONFIG', `${shown}: diff.checks must map check ids to breaking, warn, info or off`);
    for (const [id, level] of Object.entries(checks)) {
      if (!CHECKS_BY_ID.has(id)) throw new ApigateError('E_CONFIG', `${shown}: diff.checks: unknown check "${id}"`);
      if (!isChangeLevel(level) && level !== 'off') throw new ApigateError('E_CONFIG', `${shown}: diff.checks.${id} must be breaking, warn, info or off`);
      result.checks[id] = level as CheckLevelOverride;
    }
  }
  const policy = section['policy'];
  if (policy !== undefined) {
    if (!policy || typeof policy !== 'object' || Array.isArray(policy)) throw new ApigateError('E_CONFIG', `${shown}: diff.policy must be a mapping`);
    for (const [key, value] of Object.entries(policy)) {
      if (key !== 'majorVersionBump' && key !== 'pathVersions') throw new ApigateError('E_CONFIG', `${shown}: diff.policy: unknown key "${key}" (expected majorVersionBump, pathVersions)`);
      if (typeof value !== 'boolean') throw new ApigateError('E_CONFIG', `${shown}: diff.policy.${key} must be true or false`);
      result.policy[key] = value;
    }
  }
  if (section['approvals'] !== undefined) {
    if (typeof section['approvals'] !== 'string') throw new ApigateError('E_CONFIG', `${shown}: diff.approvals must be a file path`);
    result.approvals = resolve(config.dir, section['approvals']);
  }
  return result;
}
