import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { ApigateError } from '../errors.js';
import { displayPath } from '../util/paths.js';
import { CHECKS_BY_ID } from './checks/index.js';

/** The reviewed record of an accepted breaking change, kept in the repository so approval shows in the pull request. */
export interface Approval {
  check: string;
  location: string;
  reason: string;
  approver: string;
}

export const APPROVALS_FILE_NAME = '.apigate-approved-changes.yaml';

/**
 * Reads the approvals file. A missing file at the default place means no approvals; a file named explicitly
 * must exist. Every entry needs all four fields, so no approval is anonymous or unexplained.
 */
export async function loadApprovals(path: string, required: boolean, cwd: string): Promise<Approval[]> {
  const shown = displayPath(path, cwd);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    if (!required) return [];
    throw new ApigateError('E_CONFIG', `${shown}: approvals file not found`);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text, { maxAliasCount: 100 }) ?? [];
  } catch (error) {
    throw new ApigateError('E_CONFIG', `${shown}: invalid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const wrapped = raw !== null && typeof raw === 'object' && !Array.isArray(raw) && Object.keys(raw).every((key) => key === 'approvals');
  const list = Array.isArray(raw) ? raw : wrapped ? (raw as Record<string, unknown>)['approvals'] ?? [] : undefined;
  if (!Array.isArray(list)) throw new ApigateError('E_CONFIG', `${shown}: expected a list of approvals (each with check, location, reason, approver)`);
  return list.map((entry, index) => {
    const where = `${shown}: approval ${index + 1}`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new ApigateError('E_CONFIG', `${where} is not a mapping`);
    const record = entry as Record<string, unknown>;
    for (const field of ['check', 'location', 'reason', 'approver']) {
      if (typeof record[field] !== 'string' || (record[field] as string).trim() === '') {
        throw new ApigateError('E_CONFIG', `${where} needs a non-empty "${field}"`);
      }
    }
    const unknown = Object.keys(record).find((key) => !['check', 'location', 'reason', 'approver'].includes(key));
    if (unknown) throw new ApigateError('E_CONFIG', `${where} has an unknown field "${unknown}" (expected check, location, reason, approver)`);
    const check = (record['check'] as string).trim();
    if (!CHECKS_BY_ID.has(check)) throw new ApigateError('E_CONFIG', `${where}: unknown check "${check}"`);
    return { check, location: (record['location'] as string).trim(), reason: (record['reason'] as string).trim(), approver: (record['approver'] as string).trim() };
  });
}
